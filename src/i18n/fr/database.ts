import type en from '../en/database.js';
import type { ConnectionReason, ConstraintValue, DataDirReason, constraintMessages as enConstraints } from '../en/database.js';
import { formatsFor } from '../format.js';

const plural = (n: number, one: string, other: string) => formatsFor('fr').plural(n, { one, other });

const connectionReason = (r: ConnectionReason): string => {
  switch (r.kind) {
    case 'refused':
      return 'connexion refusée (le serveur est-il démarré ?)';
    case 'unknown_host':
      return 'hôte inconnu';
    case 'unresolved':
      return "le nom d'hôte n'a pas pu être résolu";
    case 'timeout':
      return 'le délai de connexion est dépassé';
    case 'unreachable':
      return "l'hôte est injoignable";
    case 'password':
      return "l'authentification par mot de passe a échoué";
    case 'login':
      return 'le serveur a refusé la connexion';
    case 'no_database':
      return `la base « ${r.database} » n'existe pas`;
    case 'other':
      return r.message;
  }
};

const dataDirReason = (r: DataDirReason): string => {
  switch (r.kind) {
    case 'permission':
      return 'permission refusée';
    case 'not_directory':
      return 'un fichier se trouve là où il faut un dossier';
    case 'read_only':
      return 'le système de fichiers est en lecture seule';
    case 'other':
      return r.message;
  }
};

const since = (iso: string | null) => {
  const date = iso === null ? null : new Date(iso);
  return date && !Number.isNaN(date.getTime()) ? formatsFor('fr').dateTime(date) : String(iso);
};

const EXPECTED_URL = 'la forme attendue est postgres://UTILISATEUR:MOT_DE_PASSE@HÔTE:PORT/BASE';
const urlSource = (source: string | null) =>
  source === null ? "L'URL de la base" : source.startsWith('--') ? `La valeur de ${source}` : source;

const fixed = (text: string) => (_: ConstraintValue) => text;
const withdrawal = fixed('Une décision retirée indique la date de son retrait.');
const rejection = fixed('Un refus doit être motivé.');

const constraintMessages: Pick<typeof en, keyof typeof enConstraints> = {
  'database.constraint.utilisateur_identifiable': fixed(
    "Un utilisateur doit avoir un matricule ou un e-mail ; cette modification laisserait le compte sans l'un ni l'autre.",
  ),
  'database.constraint.utilisateur_nom_complet_check': fixed('Un utilisateur doit avoir un nom.'),
  'database.constraint.utilisateur_email_check': fixed('Une adresse e-mail a la forme nom@domaine.tld.'),
  'database.constraint.idx_utilisateur_email': (p) =>
    p.value ? `Un utilisateur a déjà l'e-mail ${p.value} (voir alumni users show ${p.value}).` : 'Un utilisateur a déjà cet e-mail.',
  'database.constraint.idx_utilisateur_matricule': (p) =>
    p.value ? `Un utilisateur a déjà le matricule ${p.value} (voir alumni users show ${p.value}).` : 'Un utilisateur a déjà ce matricule.',
  'database.constraint.domaine_reference_nom_domaine_key': (p) =>
    `${p.value ? `Le domaine « ${p.value} »` : 'Ce domaine'} figure déjà dans la liste des domaines.`,
  'database.constraint.idx_domaine_reference_nom_normalise': (p) =>
    `Un domaine du même nom${p.value ? ` (« ${p.value} »)` : ''}, aux majuscules et accents près, figure déjà dans la liste des domaines.`,
  'database.constraint.idx_domaine_alias_normalise': (p) =>
    `L'alias${p.value ? ` « ${p.value} »` : ''} existe déjà, aux majuscules, accents, espaces et ponctuation près (voir alumni refs fields list).`,
  'database.constraint.domaine_alias_alias_check': fixed('Un alias doit avoir un texte.'),
  'database.constraint.annee_reference_pkey': (p) =>
    `${p.value ? `L'année ${p.value}` : 'Cette année'} figure déjà dans la liste des années de sortie.`,
  'database.constraint.groupe_nom_groupe_key': (p) =>
    `${p.value ? `Un groupe nommé « ${p.value} »` : 'Un groupe de ce nom'} existe déjà ; choisissez un autre nom.`,
  'database.constraint.membre_groupe_unique': fixed('Cet utilisateur est déjà membre de ce groupe.'),
  'database.constraint.unique_contact_principal': fixed(
    "Cette organisation a déjà un contact principal ; une organisation n'en a qu'un au plus.",
  ),
  'database.constraint.max_membres': fixed('Le groupe est complet : il a autant de membres actifs que sa limite le permet.'),
  'database.constraint.stage_check': fixed("La date de fin d'un stage ne peut pas précéder sa date de début."),
  'database.constraint.formation_check': fixed("La date de fin d'une formation ne peut pas précéder sa date de début."),
  'database.constraint.emploi_check': fixed("La date d'expiration d'un emploi ne peut pas précéder sa date de publication."),
  'database.constraint.formation_prix_check': fixed("Le prix d'une formation est de 0 ou plus."),
  'database.constraint.formation_devise_check': fixed(
    "La devise d'une formation est un code ISO 4217 de trois lettres, par exemple XOF ou EUR.",
  ),
  'database.constraint.formation_prix_coherent': fixed(
    "Une formation payante indique son prix et sa devise ; une formation gratuite n'a pas de prix (ou 0).",
  ),
  'database.constraint.idx_groupe_nom_normalise': (p) =>
    `Un groupe du même nom${p.value ? ` (« ${p.value} »)` : ''}, aux majuscules et accents près, existe déjà ; choisissez un autre nom.`,
  'database.constraint.max_membres_below_members': fixed(
    "La limite de membres d'un groupe ne peut pas être inférieure à ses membres actifs : retirez d'abord des membres.",
  ),
  'database.constraint.groupe_max_membres_check': fixed(
    "La limite de membres d'un groupe est de 1 ou plus (ou aucune, pour ne pas limiter).",
  ),
  'database.constraint.groupe_nom_groupe_check': fixed('Un groupe doit avoir un nom.'),
  'database.constraint.membre_groupe_check': fixed("La date de départ d'un membre ne peut pas précéder sa date d'adhésion."),
  'database.constraint.message_check': fixed('Un message doit avoir un texte ou un fichier.'),
  'database.constraint.message_check1': fixed("Un message qui indique un type de fichier doit donner l'adresse du fichier."),
  'database.constraint.organisation_nom_organisation_check': fixed('Une organisation doit avoir un nom.'),
  'database.constraint.contact_organisation_check': fixed("La date de fin d'un contact ne peut pas précéder sa date de début."),
  'database.constraint.stage_titre_check': fixed('Un stage doit avoir un titre.'),
  'database.constraint.formation_titre_check': fixed('Une formation doit avoir un titre.'),
  'database.constraint.emploi_titre_check': fixed('Un emploi doit avoir un titre.'),
  'database.constraint.annee_reference_annee_check': fixed('Une année de sortie est comprise entre 1900 et 2200.'),
  'database.constraint.domaine_reference_nom_domaine_check': fixed('Un domaine doit avoir un nom.'),
  'database.constraint.validation_formation_check': rejection,
  'database.constraint.validation_groupe_check': rejection,
  'database.constraint.validation_organisation_check': rejection,
  'database.constraint.validation_formation_annulation': withdrawal,
  'database.constraint.validation_groupe_annulation': withdrawal,
  'database.constraint.validation_organisation_annulation': withdrawal,
  'database.constraint.audit_log_action_check': fixed("L'action d'une entrée du journal d'audit est INSERT, UPDATE ou DELETE."),
  'database.constraint.import_run_kind_check': fixed('Un import porte sur des utilisateurs (users) ou des organisations (orgs).'),
  'database.constraint.import_run_mode_check': fixed("Le mode d'un import est upsert, insert ou update."),
  'database.constraint.import_run_status_check': fixed("L'état d'un import est running, completed, failed, rolled_back ou undone."),
  'database.constraint.job_run_job_check': fixed('Une tâche est expire-offers, purge-messages, refresh-stats ou purge-audit.'),
  'database.constraint.job_run_status_check': fixed("L'état d'une exécution de tâche est running, ok, failed ou locked."),
  'database.constraint.job_run_check': fixed("Une exécution de tâche a une heure de fin exactement quand elle n'est plus en cours."),
  'database.constraint.job_run_pkey': fixed('Cette exécution de tâche est déjà enregistrée.'),
  'database.constraint.view_refresh_pkey': fixed("L'actualisation de cette vue est déjà enregistrée."),
  'database.constraint.parametre_pkey': fixed('Ce paramètre est déjà enregistré.'),
  'database.constraint.parametre_valeur_check': fixed("Un paramètre a besoin d'une valeur."),
  'database.constraint.import_run_undone': fixed("Un import a une date d'annulation exactement quand son statut est « annulé » (undone)."),

  'database.constraint_generic.unique_key': (p) =>
    `Une autre ligne a déjà ${p.columns} = ${p.value} (contrainte d'unicité ${p.constraint}).`,
  'database.constraint_generic.unique': (p) => `Cela créerait un doublon d'une ligne existante (contrainte d'unicité ${p.constraint}).`,
  'database.constraint_generic.exclusion': (p) =>
    `Cela entre en conflit avec une ligne existante (contrainte d'exclusion ${p.constraint}).`,
  'database.constraint_generic.missing_row': (p) =>
    `Aucune ligne de ${p.table} n'a ${p.columns} = ${p.value} (clé étrangère ${p.constraint}).`,
  'database.constraint_generic.still_referenced': (p) =>
    `Cette ligne est encore référencée depuis ${p.table} (clé étrangère ${p.constraint}).`,
  'database.constraint_generic.foreign_key': (p) =>
    `Cela fait référence à une ligne qui n'existe pas, ou supprime une ligne encore référencée (clé étrangère ${p.constraint}).`,
  'database.constraint_generic.check': (p) => `La base refuse cette valeur (contrainte de vérification ${p.constraint}).`,
  'database.constraint_generic.not_null_column': (p) => `${p.table}.${p.column} doit avoir une valeur.`,
  'database.constraint_generic.not_null': 'Il manque une valeur dont la base a besoin.',
};

/** Les messages français du domaine database : mêmes clés et mêmes paramètres que en/database.ts. */
const fr: typeof en = {
  ...constraintMessages,
  'database.connect_failed': (p) => `Connexion impossible au serveur PostgreSQL ${p.host}:${p.port} : ${connectionReason(p.reason)}.`,
  'database.url_invalid': (p) => `${urlSource(p.source)} n'est pas une URL valide ; ${EXPECTED_URL}.`,
  'database.url_protocol': (p) => `${urlSource(p.source)} commence par « ${p.protocol}// » et non par postgres:// ; ${EXPECTED_URL}.`,
  'database.data_dir_unusable': (p) =>
    `Impossible d'utiliser le dossier de données « ${p.dir} » : ${dataDirReason(p.reason)}. Donnez à ALUMNI_DATA_DIR un dossier accessible en écriture, ou utilisez --database-url.`,
  'database.data_dir_pgdata_file': (p) =>
    `Impossible d'utiliser le dossier de données « ${p.dir} » : ${p.pgdata} est un fichier, là où il faut le dossier de la base.`,
  'database.creating': (p) => `Création de la base intégrée dans ${p.dir} (première utilisation, quelques secondes)…`,

  'database.lock_held': (p) =>
    `Un autre processus alumni utilise la base intégrée${p.pid === null ? '' : ` (processus ${p.pid}, depuis le ${since(p.since)})`} ; réessayez quand il aura fini (si aucun processus de ce type ne tourne, supprimez ${p.lockPath}).`,
  'database.lock_wait_invalid': (p) =>
    `ALUMNI_LOCK_WAIT_MS doit être un nombre entier de millisecondes (0 ou plus, par exemple 3000), et non « ${p.value} ».`,

  'database.embedded_disk_full_on_open': (p) =>
    `La base intégrée de ${p.dir} ne peut pas être ouverte : son disque est plein (plus d'espace disponible) ; libérez de la place et relancez.`,
  'database.embedded_open_failed': (p) =>
    `La base intégrée de ${p.dir} ne peut pas être ouverte (PostgreSQL : ${p.reason}) ; restaurez le dossier depuis une sauvegarde, ou donnez un autre dossier à ALUMNI_DATA_DIR.`,
  'database.embedded_disk_full': (p) =>
    `Le disque de la base intégrée est plein (plus d'espace disponible pour ${p.dir}) : libérez de la place et relancez.`,
  'database.embedded_stopped': (p) =>
    `La base intégrée de ${p.dir} s'est arrêtée sur une erreur fatale (PostgreSQL : ${p.reason}) ; relancez la commande, la base se rétablit à l'ouverture.`,
  'database.postgres_aborted': "PostgreSQL s'est interrompu",
  'database.did_not_start': "elle n'a pas démarré",

  'database.schema_too_new': (p) =>
    `Le schéma de la base (version ${p.version}) est plus récent que ce que connaît alumni ${p.alumniVersion} ; mettez alumni-admin à jour avant d'utiliser cette base.`,
  'database.schema_behind': (p) =>
    `Le schéma de la base est en retard sur cette version d'alumni (${p.pending} ${plural(p.pending, 'migration en attente', 'migrations en attente')}) ; lancez d'abord \`alumni migrate\`.`,
  'database.migrating_embedded': 'Migration de la base intégrée…',
  'database.migrated_embedded': (p) =>
    `Base intégrée migrée (${p.count} ${plural(p.count, 'migration appliquée', 'migrations appliquées')}).`,
  'database.vacuum_failed': (p) =>
    `Les modifications sont enregistrées, mais la base intégrée n'a pas pu être nettoyée et analysée ensuite (${p.reason}) : les statistiques de son planificateur sont peut-être dépassées.`,

  'database.cursor_foreign': (p) => `${p.flag} « ${p.cursor} » n'est pas un curseur affiché par cette liste.`,
};
export default fr;
