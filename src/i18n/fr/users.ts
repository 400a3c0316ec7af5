import type en from '../en/users.js';
import { formatsFor } from '../format.js';
import names from './names.js';

/** Les messages français du domaine users : mêmes clés et mêmes paramètres que en/users.ts. */

const f = formatsFor('fr');
const n = (value: number) => f.integer(value);
/** `1 utilisateur`, `0 utilisateur`, `12 utilisateurs` (règle française : 0 et 1 au singulier). */
const count = (value: number, one: string, other: string) => `${n(value)} ${f.plural(value, { one, other })}`;

type PasswordRule = Parameters<(typeof en)['users.password.invalid']>[0];
function passwordReason(p: PasswordRule): string {
  switch (p.reason) {
    case 'empty':
      return "le mot de passe ne peut pas être vide ni fait seulement d'espaces";
    case 'too_long':
      return `le mot de passe fait au plus ${n(p.max_bytes)} octets (UTF-8)`;
    case 'too_short':
      return `le mot de passe doit compter au moins ${n(p.min_characters)} caractères`;
    case 'control':
      return 'le mot de passe ne peut pas contenir de caractères de contrôle (tabulation, saut de ligne, échappement)';
    case 'not_utf8':
      return "ce n'est pas du texte UTF-8";
  }
}

const REFUSED_CHANGE = {
  identity: 'modifier son nom, son e-mail, son matricule ou ses autres informations',
  password: 'modifier son mot de passe',
  activation: "l'activer ou le désactiver",
} as const;

const fr: typeof en = {
  'users.help.group': 'comptes des diplômés et du personnel',
  'users.help.ref': 'identifiant, e-mail ou matricule',
  'users.help.list': 'lister les utilisateurs, page par page',
  'users.help.list_limit': 'utilisateurs par page',
  'users.help.show': 'afficher un utilisateur',
  'users.help.add': 'créer un utilisateur (le premier super_admin se crée sans --as)',
  'users.help.add_role': 'le rôle, user par défaut ; seul un super_admin en donne un autre',
  'users.help.add_no_password': 'ne pas demander de mot de passe',
  'users.help.update': "modifier les informations d'un utilisateur",
  'users.help.activate': 'réactiver un compte',
  'users.help.deactivate': 'désactiver un compte',
  'users.help.set_role': "changer le rôle d'un utilisateur (super_admin seulement)",
  'users.help.set_role_role': 'user, admin ou super_admin',
  'users.help.export': 'tous les utilisateurs retenus en CSV (par défaut), JSON ou classeur Excel ; jamais un hachage de mot de passe',
  'users.help.export_csv': 'du CSV sur stdout (par défaut), comme toutes les commandes de liste',
  'users.help.export_excel': 'du CSV pour Excel en français sur stdout : séparé par des ;, UTF-8 avec BOM, fins de ligne CRLF',
  'users.help.export_xlsx_what': 'le classeur',
  'users.help.export_xlsx': 'écrire plutôt un classeur Excel (.xlsx, cellules texte) dans ce fichier',
  'users.help.imports': 'le registre des imports, du plus récent au plus ancien',
  'users.help.import': "importer une liste d'inscrits en CSV (un export de la scolarité) dans les comptes utilisateurs",
  'users.help.import_known': 'par matricule',
  'users.help.import_country':
    "pays par défaut des numéros de téléphone sans +, par exemple SN (la cellule Pays/Country/Indicatif de la ligne l'emporte)",
  'users.help.import_name_order': 'comment les colonnes du prénom et du nom (prenom, nom) forment le nom complet (Awa DIOP ou DIOP Awa)',
  'users.help.import_create_missing':
    'ajouter les années de sortie et les domaines inconnus au lieu de rejeter les lignes (jamais un domaine presque identique à un domaine existant), en les nommant, --dry-run compris',
  'users.help.export_data':
    'tout ce que la plateforme détient sur une personne, en un document JSON (un résumé sur un terminal) ; jamais un hachage de mot de passe',
  'users.help.erase':
    'anonymiser une personne : ses données personnelles remplacées ou effacées partout, audit compris ; ce que comptent les statistiques est gardé',
  'users.help.erase_dry_run': 'lister ce qui changerait, sans rien écrire',
  'users.help.field_nom': 'nom complet',
  'users.help.field_matricule': "matricule (le numéro d'inscription à l'école)",
  'users.help.field_email': 'e-mail (enregistré en minuscules)',
  'users.help.field_titre': 'titre (par exemple Ingénieure)',
  'users.help.field_statut': 'statut (majuscules ou minuscules, avec ou sans accents)',
  'users.help.field_annee': "année de sortie (l'une des années de référence ; vide, elle est effacée)",
  'users.help.field_domaine': "domaine (l'un des domaines de référence)",
  'users.help.field_travailleur': 'en emploi ou non (oui/non, yes/no, true/false, 1/0 ; vide, il est effacé)',
  'users.help.field_telephone': 'téléphone, enregistré au format E.164',
  'users.help.field_country': "pays par défaut d'un numéro sans +, par exemple SN",
  'users.help.field_password_stdin': "lire le mot de passe sur l'entrée standard",
  'users.help.filter_statut': 'seulement ce statut (majuscules ou minuscules, avec ou sans accents)',
  'users.help.filter_role': 'seulement les comptes de ce rôle (majuscules ou minuscules)',
  'users.help.filter_annee': 'année de sortie',
  'users.help.filter_domaine': 'domaine, sans tenir compte des majuscules ni des accents',
  'users.help.filter_travailleur': 'en emploi ou non',
  'users.help.filter_actif': 'comptes actifs ou désactivés',
  'users.help.filter_search': "le nom, l'e-mail ou le matricule contient ce texte",
  'users.unknown_role': (p) => `Rôle inconnu : « ${p.value} ». Valeurs possibles : ${p.roles.join(', ')}.`,

  'users.label.id': 'Identifiant',
  'users.label.matricule': 'Matricule',
  'users.label.nom_complet': 'Nom complet',
  'users.label.email': 'E-mail',
  'users.label.titre': 'Titre',
  'users.label.statut': 'Statut',
  'users.label.role': 'Rôle',
  'users.label.annee_sortie': 'Année de sortie',
  'users.label.domaine': 'Domaine',
  'users.label.travailleur': 'En emploi',
  'users.label.telephone': 'Téléphone',
  'users.label.photo_profil_url': 'Photo de profil',
  'users.label.est_actif': 'Actif',
  'users.label.created_at': 'Créé le',
  'users.label.updated_at': 'Modifié le',
  'users.label.last_login': 'Dernière connexion',
  'users.label.has_password': 'Mot de passe défini',
  'users.label.mot_de_passe_hash': 'Mot de passe',
  'users.label.efface_le': 'Effacé le',
  'users.value.yes': 'oui',
  'users.value.no': 'non',
  'users.value.erased_name': 'Compte effacé',

  'users.added': (p) => `Compte créé : ${p.name} (${p.ref}).`,
  'users.added_without_password':
    "Pas de terminal pour saisir un mot de passe : le compte n'en a pas (--password-stdin permet d'en définir un).",
  'users.updated': 'Compte modifié.',
  'users.update_unchanged': "Rien n'a changé : les valeurs étaient déjà celles-ci.",
  'users.activated': 'Compte activé.',
  'users.deactivated': 'Compte désactivé.',
  'users.already_so': "C'était déjà le cas : rien n'a changé.",
  'users.role_set': (p) => `Nouveau rôle : ${p.role}.`,
  'users.list.next': (p) => `alumni users list --after ${p.cursor} (mêmes filtres)`,
  'users.export.done': (p) => `${count(p.count, 'utilisateur exporté', 'utilisateurs exportés')}.`,
  'users.export.done_xlsx': (p) => `${count(p.count, 'utilisateur exporté', 'utilisateurs exportés')} dans ${p.file}.`,
  'users.export.excel_with_json': "--excel écrit du CSV et --json du JSON : choisissez l'un des deux.",
  'users.export_data.whole_document': (p) => `Le document complet : alumni users export-data ${p.ref} --json > personne.json`,
  'users.export_data.contacts': 'contacts en entreprise',
  'users.export_data.group_memberships': 'adhésions à des groupes',
  'users.export_data.messages': 'messages',
  'users.export_data.offers_created': 'offres publiées',
  'users.export_data.groups_created': 'groupes créés',
  'users.export_data.moderation_decisions': 'décisions de modération',
  'users.export_data.imports': 'imports (les siens, ou qui la concernent)',
  'users.export_data.audit_about': "entrées d'audit la concernant",
  'users.export_data.audit_by': "entrées d'audit de ses actions",
  'users.erase.question': (p) =>
    `Effacer définitivement ${p.ref} (nom, e-mail, matricule, téléphone, photo, coordonnées de contact, messages, valeurs de l'audit) ?`,
  'users.erase.account': 'Compte',
  'users.erase.unchanged': '(inchangé)',
  'users.erase.rows': (p) => count(p.count, 'ligne', 'lignes'),
  'users.erase.table.contact_organisation': 'Contacts en entreprise',
  'users.erase.table.message': 'Messages',
  'users.erase.table.stage': 'Offres de stage',
  'users.erase.table.formation': 'Offres de formation',
  'users.erase.table.emploi': "Offres d'emploi",
  'users.erase.table.audit_log': "Entrées d'audit",
  'users.erase.nothing_to_do': (p) => `${p.ref} : déjà effacé, rien à faire.`,
  'users.erase.dry_run': "Simulation : rien n'a été modifié.",
  'users.erase.done': (p) => `Données effacées ; le compte ${p.id} reste, inactif, pour les statistiques et l'audit.`,
  'users.erase.old_copies_failed': (p) =>
    `L'effacement est enregistré, mais les anciennes valeurs n'ont pas pu être retirées des fichiers de la base intégrée (${p.detail}) ; relancez la même commande.`,

  'users.prompt.password': 'Mot de passe',
  'users.prompt.password_again': 'Mot de passe (confirmation)',
  'users.prompt.passwords_differ': "Les deux mots de passe diffèrent ; rien n'a été modifié.",
  'users.prompt.not_at_terminal': (p) => `${p.question} Pas de terminal pour le demander : ajoutez --yes pour confirmer.`,
  'users.prompt.yes_no_hint': 'o/N',
  'users.prompt.not_confirmed': "Non confirmé : rien n'a été modifié.",
  'users.password.invalid': (p) => {
    const reason = passwordReason(p);
    return `${reason.charAt(0).toUpperCase()}${reason.slice(1)}.`;
  },
  'users.password.refused_stdin': (p) => `Le mot de passe lu par --password-stdin est refusé : ${passwordReason(p)}.`,

  'users.name_empty': (p) => `Il faut un nom à l'utilisateur : ${p.field} est vide.`,
  'users.name_required': (p) => `Il faut un nom à l'utilisateur : indiquez ${p.field}.`,
  'users.identifier_required': (p) => `Il faut un matricule ou un e-mail à l'utilisateur : indiquez ${p.fields.join(' ou ')}.`,
  'users.year_not_listed': (p) => `L'année de sortie ${p.year} ne fait pas partie des années de référence.`,
  'users.field_not_listed': (p) => `Le domaine « ${p.name} » ne fait pas partie des domaines de référence.`,
  'users.add_needs_actor': "Pour ajouter un utilisateur, il faut agir au nom d'un administrateur : --as EMAIL|MATRICULE ou ALUMNI_ACTOR.",
  'users.super_admin_exists': 'Un super_admin existe déjà : agissez en son nom (--as) pour ajouter des utilisateurs.',
  'users.role_via_set_role': 'Le rôle se change avec `alumni users set-role`, réservé à un super_admin.',
  'users.nothing_to_update': 'Rien à modifier : indiquez au moins un champ (voir alumni users update --help).',
  'users.deactivate_self': 'Vous ne pouvez pas désactiver votre propre compte ; demandez à un autre administrateur.',
  'users.last_super_admin': "C'est le dernier super_admin actif ; nommez-en d'abord un autre.",
  'users.left_unidentifiable':
    "Il faut un matricule ou un e-mail à l'utilisateur ; cette modification laisserait le compte sans l'un ni l'autre.",
  'users.matricule_taken': (p) => `Le matricule ${p.value} appartient à un autre utilisateur (${p.owner}).`,
  'users.email_taken': (p) => `L'e-mail ${p.value} appartient à un autre utilisateur (${p.owner}).`,
  'users.permission.needs_admin': "Modifier un compte demande d'agir au nom d'un administrateur (admin ou super_admin).",
  'users.permission.roles': 'Seul un super_admin peut donner ou changer un rôle.',
  'users.permission.protected': (p) => `Ce compte a le rôle ${p.role} ; seul un super_admin peut ${REFUSED_CHANGE[p.change]}.`,
  'users.actor.missing':
    'Cette commande modifie des données : indiquez quel administrateur vous êtes avec --as EMAIL|MATRICULE ou ALUMNI_ACTOR.',
  'users.actor.unknown': (p) =>
    `Aucun utilisateur « ${p.ref} » au nom duquel agir ; --as attend l'e-mail ou le matricule d'un administrateur.${names['names.did_you_mean']({ names: p.suggestions ?? [] })}`,
  'users.actor.inactive': (p) => `L'utilisateur « ${p.ref} » est désactivé et ne peut pas agir en administrateur.`,
  'users.actor.not_admin': (p) =>
    `L'utilisateur « ${p.ref} » a le rôle « ${p.role} » ; seuls admin et super_admin peuvent modifier des données.`,
  'users.actor.not_super_admin': (p) => `L'utilisateur « ${p.ref} » est admin ; seul un super_admin peut faire cela.`,
  'users.erase.self': 'Vous ne pouvez pas effacer votre propre compte ; demandez à un autre administrateur.',
  'users.erase.protected': (p) => `Ce compte a le rôle ${p.role} ; seul un super_admin peut l'effacer.`,
  'users.list.empty': 'Aucun utilisateur ne correspond à ces filtres.',
  'users.label.class': 'Promo',
};
export default fr;
