import type en from '../en/audit.js';

/** Les messages français du domaine audit : mêmes clés et mêmes paramètres que en/audit.ts. */
const fr: typeof en = {
  'audit.description': "le journal d'audit : qui a modifié quoi, et quand",
  'audit.list.description': "les entrées du journal d'audit, des plus récentes aux plus anciennes",
  'audit.list.table': 'seulement cette table',
  'audit.list.actor': 'seulement les modifications faites au nom de cet utilisateur (id, e-mail ou matricule)',
  'audit.list.action': 'seulement ce type de modification',
  'audit.list.since': 'seulement les entrées depuis',
  'audit.list.import': 'seulement les modifications de cet import de promotion',
  'audit.show.description': "une entrée, avec l'avant et l'après",
  'audit.show.id': "l'id de l'entrée (affiché par audit list)",

  'audit.not_found': (p) => `Aucune entrée d'audit « ${p.id} ».`,
  'audit.system': 'système',
  'audit.erased': '(effacé)',

  'audit.label.created_at': 'Date',
  'audit.label.table': 'Table',
  'audit.label.action': 'Modification',
  'audit.label.by': 'Par',
  'audit.label.user_agent': 'Faite avec',
  'audit.label.id': 'Id',
  'audit.label.ip_address': 'Adresse IP',
  'audit.label.before': 'Avant',
  'audit.label.after': 'Après',
  'audit.list.empty': 'Aucune entrée du journal d’audit ne correspond à ces filtres.',
};
export default fr;
