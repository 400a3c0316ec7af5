import type en from '../en/fixtures.js';

/** Les messages français du domaine fixtures : mêmes clés et mêmes paramètres que en/fixtures.ts. */
const fr: typeof en = {
  'fixtures.description': "des données de démonstration pour essayer l'outil",
  'fixtures.load.description': 'charger le jeu de données de démonstration dans une base vide',
  'fixtures.has_users': 'La base a déjà des utilisateurs ; les données de démonstration ne se chargent que dans une base vide.',
  'fixtures.loaded': 'Données de démonstration chargées. Agissez en tant que leur super_admin avec --as direction@ecole.example.',
  'fixtures.already_loaded': "Les données de démonstration étaient déjà chargées : rien n'a changé.",
};
export default fr;
