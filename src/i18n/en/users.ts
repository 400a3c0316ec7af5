import { formatsFor } from '../format.js';
import names from './names.js';

/** English messages of the users area: keys start with "users.". */

const n = (value: number) => formatsFor('en').integer(value);

/** Why a password is refused (services/passwords.ts), to be put in a sentence. */
type PasswordReason = 'empty' | 'too_long' | 'too_short' | 'control' | 'not_utf8';
interface PasswordRule {
  reason: PasswordReason;
  min_characters: number;
  max_bytes: number;
}
function passwordReason(p: PasswordRule): string {
  switch (p.reason) {
    case 'empty':
      return 'a password cannot be empty or only spaces';
    case 'too_long':
      return `a password holds at most ${n(p.max_bytes)} bytes (UTF-8)`;
    case 'too_short':
      return `a password needs at least ${n(p.min_characters)} characters`;
    case 'control':
      return 'a password cannot hold control characters (tab, line break, escape)';
    case 'not_utf8':
      return 'it is not UTF-8 text';
  }
}

/** What a refused administrator may not do to an account, after "only a super_admin may". */
const REFUSED_CHANGE = {
  identity: 'change its name, e-mail, matricule or other details',
  password: 'change its password',
  activation: 'activate or deactivate it',
} as const;

export default {
  // ---- Help: the commands and their options ----
  'users.help.group': 'graduates and staff accounts',
  'users.help.ref': 'id, e-mail or matricule',
  'users.help.list': 'list users, a page at a time',
  'users.help.list_limit': 'users per page',
  'users.help.show': 'one user',
  'users.help.add': 'create a user (the first super_admin needs no --as)',
  'users.help.add_role': 'the role, user by default; only a super_admin gives another',
  'users.help.add_no_password': 'do not ask for a password',
  'users.help.update': "change a user's fields",
  'users.help.activate': 'reactivate an account',
  'users.help.deactivate': 'deactivate an account',
  'users.help.set_role': "change a user's role (super_admin only)",
  'users.help.set_role_role': 'user, admin or super_admin',
  'users.help.export': 'all matching users as CSV (default), JSON or an Excel workbook; never a password hash',
  'users.help.export_csv': 'CSV on stdout (the default), as every list command takes it',
  'users.help.export_excel': 'CSV for French Excel on stdout: ; separated, UTF-8 with BOM, CRLF',
  'users.help.export_xlsx_what': 'the workbook',
  'users.help.export_xlsx': 'write an Excel workbook (.xlsx, text cells) to this file instead',
  'users.help.imports': 'the import ledger, newest first',
  'users.help.import': 'import a roster CSV (a registrar export) into the user accounts',
  'users.help.import_known': 'by matricule',
  'users.help.import_country': "default country for phone numbers without +, e.g. SN (a row's Pays/Country/Indicatif cell wins)",
  'users.help.import_name_order':
    'how the given-name and family-name columns (prenom, nom) are joined into the full name (Awa DIOP or DIOP Awa)',
  'users.help.import_create_missing':
    'add unknown graduation years and fields instead of rejecting the rows (never a near miss of a stored field); says which, --dry-run too',
  'users.help.export_data': 'everything held about one person, as one JSON document (a summary on a terminal); never a password hash',
  'users.help.erase':
    'anonymise a person: personal values replaced or cleared everywhere, audit included; what the statistics count is kept',
  'users.help.erase_dry_run': 'list what would change; write nothing',
  'users.help.field_nom': 'full name',
  'users.help.field_matricule': 'matricule (the school registration number)',
  'users.help.field_email': 'e-mail (stored lower-case)',
  'users.help.field_titre': 'title (e.g. Ingénieure)',
  'users.help.field_statut': 'statut (any case, accents or not)',
  'users.help.field_annee': 'graduation year (one of the reference years; empty clears it)',
  'users.help.field_domaine': 'field (one of the reference fields)',
  'users.help.field_travailleur': 'working or not (oui/non, yes/no, true/false, 1/0; empty clears it)',
  'users.help.field_telephone': 'phone, stored as E.164',
  'users.help.field_country': 'default country for a phone without +, e.g. SN',
  'users.help.field_password_stdin': 'read the password from standard input',
  'users.help.filter_statut': 'only this statut (any case, accents or not)',
  'users.help.filter_role': 'only accounts with this role (any case)',
  'users.help.filter_annee': 'graduation year',
  'users.help.filter_domaine': 'field (domaine), without regard to case or accents',
  'users.help.filter_travailleur': 'working or not',
  'users.help.filter_actif': 'active accounts or deactivated ones',
  'users.help.filter_search': 'name, e-mail or matricule contains this',
  'users.unknown_role': (p: { value: string; roles: string[] }) => `Unknown role "${p.value}": use one of ${p.roles.join(', ')}.`,

  // ---- Labels: table headers and record labels ----
  'users.label.id': 'Id',
  'users.label.matricule': 'Matricule',
  'users.label.nom_complet': 'Full name',
  'users.label.email': 'E-mail',
  'users.label.titre': 'Title',
  'users.label.statut': 'Status',
  'users.label.role': 'Role',
  'users.label.annee_sortie': 'Graduation year',
  'users.label.domaine': 'Field',
  'users.label.travailleur': 'Working',
  'users.label.telephone': 'Phone',
  'users.label.photo_profil_url': 'Profile photo',
  'users.label.est_actif': 'Active',
  'users.label.created_at': 'Created',
  'users.label.updated_at': 'Updated',
  'users.label.last_login': 'Last login',
  'users.label.has_password': 'Password set',
  'users.label.mot_de_passe_hash': 'Password',
  'users.label.efface_le': 'Erased on',
  'users.value.yes': 'yes',
  'users.value.no': 'no',
  'users.value.erased_name': 'Erased account',

  // ---- Successes and notes of the commands ----
  'users.added': (p: { name: string; ref: string }) => `Created ${p.name} (${p.ref}).`,
  'users.added_without_password': 'No terminal to type a password: the account has none (use --password-stdin to set one).',
  'users.updated': 'Updated.',
  'users.update_unchanged': 'Nothing changed: the values were already these.',
  'users.activated': 'Activated.',
  'users.deactivated': 'Deactivated.',
  'users.already_so': 'Already so: nothing changed.',
  'users.role_set': (p: { role: string }) => `Role set to ${p.role}.`,
  'users.list.next': (p: { cursor: string }) => `alumni users list --after ${p.cursor} (same filters)`,
  'users.export.done': (p: { count: number }) => `${n(p.count)} user(s) exported.`,
  'users.export.done_xlsx': (p: { count: number; file: string }) => `${n(p.count)} user(s) exported to ${p.file}.`,
  'users.export.excel_with_json': '--excel writes CSV and --json writes JSON: choose one.',
  'users.export_data.whole_document': (p: { ref: string }) => `The whole document: alumni users export-data ${p.ref} --json > person.json`,
  'users.export_data.contacts': 'organisation contacts',
  'users.export_data.group_memberships': 'group memberships',
  'users.export_data.messages': 'messages',
  'users.export_data.offers_created': 'offers created',
  'users.export_data.groups_created': 'groups created',
  'users.export_data.moderation_decisions': 'moderation decisions',
  'users.export_data.imports': 'imports (theirs, or touching them)',
  'users.export_data.audit_about': 'audit entries about them',
  'users.export_data.audit_by': 'audit entries by them',
  'users.erase.question': (p: { ref: string }) =>
    `Erase ${p.ref} for good (name, e-mail, matricule, phone, photo, contacts' details, messages, audit values)?`,
  'users.erase.account': 'Account',
  'users.erase.unchanged': '(unchanged)',
  'users.erase.rows': (p: { count: number }) => `${n(p.count)} ${p.count === 1 ? 'row' : 'rows'}`,
  'users.erase.table.contact_organisation': 'Organisation contacts',
  'users.erase.table.message': 'Messages',
  'users.erase.table.stage': 'Internship offers',
  'users.erase.table.formation': 'Training offers',
  'users.erase.table.emploi': 'Job offers',
  'users.erase.table.audit_log': 'Audit entries',
  'users.erase.nothing_to_do': (p: { ref: string }) => `${p.ref}: erased already, nothing to do.`,
  'users.erase.dry_run': 'Dry run: nothing was changed.',
  'users.erase.done': (p: { id: string }) => `Erased; the account ${p.id} stays, inactive, for the statistics and the audit.`,
  'users.erase.old_copies_failed': (p: { detail: string }) =>
    `The erasure is saved, but its old values could not be removed from the embedded database's files (${p.detail}); run the same command again.`,

  // ---- Prompts (src/cli/prompts.ts) ----
  'users.prompt.password': 'Password',
  'users.prompt.password_again': 'Password again',
  'users.prompt.passwords_differ': 'The two passwords differ; nothing was changed.',
  'users.prompt.not_at_terminal': (p: { question: string }) => `${p.question} Not at a terminal to ask: give --yes to confirm.`,
  'users.prompt.yes_no_hint': 'y/N',
  'users.prompt.not_confirmed': 'Not confirmed: nothing was changed.',
  'users.password.invalid': (p: PasswordRule) => {
    const reason = passwordReason(p);
    return `${reason.charAt(0).toUpperCase()}${reason.slice(1)}.`;
  },
  'users.password.refused_stdin': (p: PasswordRule) => `The password from --password-stdin is refused: ${passwordReason(p)}.`,

  // ---- Refusals of the services ----
  'users.name_empty': (p: { field: string }) => `A user needs a name: ${p.field} is empty.`,
  'users.name_required': (p: { field: string }) => `A user needs a name: give ${p.field}.`,
  'users.identifier_required': (p: { fields: string[] }) => `A user needs a matricule or an e-mail: give ${p.fields.join(' or ')}.`,
  'users.year_not_listed': (p: { year: number }) => `Graduation year ${p.year} is not among the reference years.`,
  'users.field_not_listed': (p: { name: string }) => `Field "${p.name}" is not among the reference fields.`,
  'users.add_needs_actor': 'Adding a user needs an acting administrator: --as EMAIL|MATRICULE or ALUMNI_ACTOR.',
  'users.super_admin_exists': 'A super_admin exists already: act as one (--as) to add users.',
  'users.role_via_set_role': 'Roles change with `alumni users set-role`, which only a super_admin may use.',
  'users.nothing_to_update': 'Nothing to update: give at least one field (see alumni users update --help).',
  'users.deactivate_self': 'You cannot deactivate yourself; ask another administrator.',
  'users.last_super_admin': 'This is the last active super_admin; make another one first.',
  'users.left_unidentifiable': 'A user needs a matricule or an e-mail; this change would leave the account with neither.',
  'users.matricule_taken': (p: { value: string; owner: string }) => `The matricule ${p.value} belongs to another user (${p.owner}).`,
  'users.email_taken': (p: { value: string; owner: string }) => `The e-mail ${p.value} belongs to another user (${p.owner}).`,
  'users.permission.needs_admin': 'Changing an account needs an acting administrator (admin or super_admin).',
  'users.permission.roles': 'Only a super_admin may give or change roles.',
  'users.permission.protected': (p: { role: string; change: keyof typeof REFUSED_CHANGE }) =>
    `This account has role ${p.role}; only a super_admin may ${REFUSED_CHANGE[p.change]}.`,
  'users.actor.missing': 'This command changes data: say which administrator you are with --as EMAIL|MATRICULE or ALUMNI_ACTOR.',
  'users.actor.unknown': (p: { ref: string; suggestions?: string[] }) =>
    `No user "${p.ref}" exists to act as; --as takes an administrator's e-mail or matricule.${names['names.did_you_mean']({ names: p.suggestions ?? [] })}`,
  'users.actor.inactive': (p: { ref: string }) => `User "${p.ref}" is deactivated and cannot act as an administrator.`,
  'users.actor.not_admin': (p: { ref: string; role: string }) =>
    `User "${p.ref}" has role "${p.role}"; only admin or super_admin may change data.`,
  'users.actor.not_super_admin': (p: { ref: string }) => `User "${p.ref}" is an admin; only a super_admin may do this.`,
  'users.erase.self': 'You cannot erase yourself; ask another administrator.',
  'users.erase.protected': (p: { role: string }) => `This account has role ${p.role}; only a super_admin may erase it.`,
  'users.list.empty': 'No user matches these filters.',
  'users.label.class': 'Class',
} satisfies Record<`users.${string}`, string | ((params: never) => string)>;
