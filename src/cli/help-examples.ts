import type { LabelKey } from '../i18n/messages.js';

/**
 * The EXAMPLES section of every help page, in one place: the command's path (`users
 * list`; '' for `alumni` itself) → its examples. Each runs as written on the demo data
 * (`alumni fixtures load`) from the package's directory, where fixtures/ is:
 * test/e2e/help-examples.test.ts runs every one on a fresh copy of it and checks its exit
 * code. An example that changes data says who acts, with --as, as a user must.
 *
 * `say` is what it does, from the catalogs (help.example.*); `run` is the command line,
 * typed as in a shell and never translated; `exit` is its exit code when it is not 0
 * (an import of a roster with bad rows: 3, the rows go to a rejects file).
 */
export interface Example {
  say: LabelKey;
  run: string;
  exit?: number;
}

/** A demo administrator (the super_admin: users set-role needs one). */
const AS = '--as direction@ecole.example';
const SONATEL_STAGE = '00000000-0000-4000-8000-000000000300';
const RESEAUX_EMPLOI = '00000000-0000-4000-8000-000000000400';
const AGILE_FORMATION = '00000000-0000-4000-8000-000000000504';
const CRYPTO_FORMATION = '00000000-0000-4000-8000-000000000505';
const SAHEL_GROUP = '00000000-0000-4000-8000-000000000602';
const ATELIER_ORG = '00000000-0000-4000-8000-000000000107';
const PHOTOS_MESSAGE = '00000000-0000-4000-8000-000000000802';

const ex = (say: LabelKey, run: string, exit?: number): Example => (exit === undefined ? { say, run } : { say, run, exit });

export const EXAMPLES: Readonly<Record<string, readonly Example[]>> = {
  '': [
    ex('help.example.root.load', 'alumni fixtures load'),
    ex('help.example.root.list', 'alumni users list --annee 2022'),
    ex('help.example.root.json', 'alumni stats overview --json'),
  ],

  migrate: [ex('help.example.migrate.latest', 'alumni migrate'), ex('help.example.migrate.status', 'alumni migrate status')],
  'migrate latest': [ex('help.example.migrate.latest', 'alumni migrate latest')],
  'migrate up': [ex('help.example.migrate.up', 'alumni migrate up')],
  'migrate down': [ex('help.example.migrate.down', 'alumni migrate down --yes')],
  'migrate status': [
    ex('help.example.migrate.status', 'alumni migrate status'),
    ex('help.example.migrate.status_json', 'alumni migrate status --json'),
  ],
  'migrate make': [ex('help.example.migrate.make', 'alumni migrate make add_offer_salary')],

  users: [
    ex('help.example.users.working', 'alumni users list --statut etudiant --travailleur oui'),
    ex('help.example.users.show', 'alumni users show adele.sow1@alumni.example'),
  ],
  'users list': [
    ex('help.example.users.by_field', 'alumni users list --annee 2022 --domaine "genie informatique"'),
    ex('help.example.users.inactive', 'alumni users list --actif non'),
    ex('help.example.users.admins_csv', 'alumni users list --role admin --csv'),
  ],
  'users show': [
    ex('help.example.users.show', 'alumni users show adele.sow1@alumni.example'),
    ex('help.example.users.show_json', 'alumni users show ETU-2013-0001 --json'),
  ],
  'users add': [
    ex(
      'help.example.users.add',
      `alumni users add --nom "Binta Sy" --email binta.sy@alumni.example --statut etudiant --annee 2020 --no-password ${AS}`,
    ),
    ex(
      'help.example.users.add_admin',
      `alumni users add --nom "Lamine Diop" --email lamine.diop@ecole.example --statut personnel_admin --role admin --no-password ${AS}`,
    ),
  ],
  'users update': [
    ex('help.example.users.update', `alumni users update adele.sow1@alumni.example --titre Ingénieure --travailleur oui ${AS}`),
    ex('help.example.users.update_clear', `alumni users update ETU-2013-0001 --telephone "" ${AS}`),
  ],
  'users activate': [ex('help.example.users.activate', `alumni users activate francoise.ndour@ecole.example ${AS}`)],
  'users deactivate': [ex('help.example.users.deactivate', `alumni users deactivate k.nguessan@ecole.example ${AS}`)],
  'users set-role': [ex('help.example.users.set_role', `alumni users set-role k.nguessan@ecole.example admin ${AS}`)],
  'users export': [
    ex('help.example.users.export', 'alumni users export --annee 2022 > promo-2022.csv'),
    ex('help.example.users.export_excel', 'alumni users export --excel > users.csv'),
    ex('help.example.users.export_xlsx', 'alumni users export --travailleur oui --xlsx working.xlsx'),
  ],
  'users imports': [ex('help.example.users.imports', 'alumni users imports --limit 5')],
  'users imports undo': [
    ex(
      'help.example.undo.users',
      `alumni users import fixtures/roster-sample.csv --country SN ${AS}; alumni users imports undo last --dry-run ${AS}`,
    ),
  ],
  'users import': [
    ex('help.example.users.import_dry', `alumni users import fixtures/roster-sample.csv --country SN --dry-run ${AS}`, 3),
    ex('help.example.users.import', `alumni users import fixtures/roster-sample.csv --country SN ${AS}`, 3),
    ex('help.example.users.import_max_changes', `alumni users import fixtures/roster-sample.csv --country SN --max-changes 10 ${AS}`, 3),
  ],
  'users export-data': [ex('help.example.users.export_data', 'alumni users export-data adele.sow1@alumni.example > adele-sow.json')],
  'users erase': [
    ex('help.example.users.erase_dry', `alumni users erase moussa.diop7@alumni.example --dry-run ${AS}`),
    ex('help.example.users.erase', `alumni users erase moussa.diop7@alumni.example --yes ${AS}`),
  ],

  orgs: [ex('help.example.orgs.pending', 'alumni orgs list --statut en_attente'), ex('help.example.orgs.show', 'alumni orgs show Sonatel')],
  'orgs list': [
    ex('help.example.orgs.startups', 'alumni orgs list --type startup'),
    ex('help.example.orgs.town', 'alumni orgs list --pays Sénégal --ville Dakar --csv'),
  ],
  'orgs search': [
    ex('help.example.orgs.search', 'alumni orgs search développeurs'),
    ex('help.example.orgs.search_phrase', 'alumni orgs search "paiement mobile" --json'),
  ],
  'orgs show': [
    ex('help.example.orgs.show', 'alumni orgs show Sonatel'),
    ex('help.example.orgs.show_json', 'alumni orgs show "cloudafrique sas" --json'),
  ],
  'orgs add': [
    ex(
      'help.example.orgs.add',
      `alumni orgs add --nom "Kër Code" --type startup --ville Dakar --pays Sénégal --site-web https://kercode.example ${AS}`,
    ),
  ],
  'orgs update': [
    ex('help.example.orgs.update', `alumni orgs update Sonatel --ville Rufisque ${AS}`),
    ex('help.example.orgs.update_phone', `alumni orgs update "Wave Mobile Money" --telephone "33 820 10 10" --country SN ${AS}`),
  ],
  'orgs set-status': [ex('help.example.orgs.set_status', `alumni orgs set-status "BTP Sahel" active ${AS}`)],
  'orgs duplicates': [
    ex('help.example.orgs.duplicates', 'alumni orgs duplicates'),
    ex('help.example.orgs.duplicates_csv', 'alumni orgs duplicates --csv > doublons.csv'),
  ],
  'orgs merge': [
    ex('help.example.orgs.merge_dry', `alumni orgs merge "Orange Digital Center" "Atelier Numérique de Ziguinchor" --dry-run ${AS}`),
    ex('help.example.orgs.merge', `alumni orgs merge "Orange Digital Center" "Atelier Numérique de Ziguinchor" --yes ${AS}`),
  ],
  'orgs import': [
    ex('help.example.orgs.import_dry', `alumni orgs import fixtures/partenaires.csv --dry-run ${AS}`, 3),
    ex('help.example.orgs.import', `alumni orgs import fixtures/partenaires.csv --type entreprise --country SN ${AS}`, 3),
  ],
  'orgs imports': [ex('help.example.orgs.imports', 'alumni orgs imports')],
  'orgs imports undo': [
    ex('help.example.undo.orgs', `alumni orgs import fixtures/partenaires.csv ${AS}; alumni orgs imports undo last --yes ${AS}`),
  ],
  'orgs contacts': [ex('help.example.contacts.list', 'alumni orgs contacts list Sonatel')],
  'orgs contacts list': [
    ex('help.example.contacts.list', 'alumni orgs contacts list Sonatel'),
    ex('help.example.contacts.list_csv', 'alumni orgs contacts list "Wave Mobile Money" --csv'),
  ],
  'orgs contacts add': [
    ex(
      'help.example.contacts.add',
      `alumni orgs contacts add "CloudAfrique SAS" k.nguessan@ecole.example --role employe --poste Formateur ${AS}`,
    ),
    ex(
      'help.example.contacts.add_principal',
      `alumni orgs contacts add Sonatel helene.ba@ecole.example --role contact_rh --principal ${AS}`,
    ),
  ],
  'orgs contacts remove': [
    ex('help.example.contacts.remove', `alumni orgs contacts remove Sonatel mamadou.mbaye3@alumni.example --yes ${AS}`),
  ],
  'orgs contacts set-principal': [
    ex('help.example.contacts.set_principal', `alumni orgs contacts set-principal Sonatel adele.sow1@alumni.example ${AS}`),
  ],

  offers: [
    ex('help.example.offers.jobs', 'alumni offers list --type emploi --statut active'),
    ex('help.example.offers.expiring', 'alumni offers expiring'),
  ],
  'offers list': [
    ex('help.example.offers.stages', 'alumni offers list --type stage --lieu Dakar'),
    ex('help.example.offers.by_org', 'alumni offers list --org Sonatel --from 2026-01-01'),
    ex('help.example.offers.pending', 'alumni offers list --type formation --statut en_attente'),
  ],
  'offers search': [
    ex('help.example.offers.search', 'alumni offers search développeurs'),
    ex('help.example.offers.search_type', 'alumni offers search réseau --type emploi'),
  ],
  'offers show': [ex('help.example.offers.show', `alumni offers show ${SONATEL_STAGE}`)],
  'offers add': [
    ex(
      'help.example.offers.add_emploi',
      `alumni offers add --type emploi --titre "Technicien réseau" --org Sonatel --type-emploi hybride ${AS}`,
    ),
    ex(
      'help.example.offers.add_formation',
      `alumni offers add --type formation --titre "Atelier Excel" --type-formation presentiel --prix 25000 --devise XOF ${AS}`,
    ),
  ],
  'offers close': [ex('help.example.offers.close', `alumni offers close ${RESEAUX_EMPLOI} ${AS}`)],
  'offers expiring': [
    ex('help.example.offers.expiring', 'alumni offers expiring'),
    ex('help.example.offers.expiring_month', 'alumni offers expiring --within 30d --csv'),
  ],
  'offers extend': [ex('help.example.offers.extend', `alumni offers extend ${SONATEL_STAGE} --until 2040-06-30 ${AS}`)],

  groups: [
    ex('help.example.groups.list', 'alumni groups list'),
    ex('help.example.groups.members', 'alumni groups members list "Promo 2024"'),
  ],
  'groups list': [
    ex('help.example.groups.pending', 'alumni groups list --valide non'),
    ex('help.example.groups.private', 'alumni groups list --type prive --search club'),
  ],
  'groups show': [ex('help.example.groups.show', 'alumni groups show "Promo 2024"')],
  'groups add': [
    ex('help.example.groups.add', `alumni groups add --nom "Promo 2025" --type public ${AS}`),
    ex('help.example.groups.add_max', `alumni groups add --nom "Club robotique" --type prive --max 30 ${AS}`),
  ],
  'groups update': [
    ex('help.example.groups.update_max', `alumni groups update "Club génie civil" --max 80 ${AS}`),
    ex('help.example.groups.update_no_max', `alumni groups update "Bureau des anciens" --max none ${AS}`),
  ],
  'groups members': [ex('help.example.groups.members', 'alumni groups members list "Promo 2024"')],
  'groups members list': [
    ex('help.example.groups.members', 'alumni groups members list "Promo 2024"'),
    ex('help.example.groups.members_all', 'alumni groups members list "Promo 2024" --all'),
  ],
  'groups members add': [
    ex('help.example.groups.members_add', `alumni groups members add "Promo 2024" k.nguessan@ecole.example helene.ba@ecole.example ${AS}`),
    ex('help.example.groups.members_from_users', `alumni groups members add "Promo 2024" --from-users --annee 2024 ${AS}`),
  ],
  'groups members remove': [
    ex('help.example.groups.members_remove', `alumni groups members remove "Promo 2024" mamadou.mbaye3@alumni.example --yes ${AS}`),
  ],
  'groups members set-role': [
    ex(
      'help.example.groups.members_set_role',
      `alumni groups members set-role "Promo 2024" mamadou.mbaye3@alumni.example moderateur ${AS}`,
    ),
  ],
  'groups messages': [ex('help.example.groups.messages', 'alumni groups messages list "Promo 2024"')],
  'groups messages list': [
    ex('help.example.groups.messages_week', 'alumni groups messages list "Promo 2024" --since 7d'),
    ex('help.example.groups.messages_deleted', 'alumni groups messages list "Bureau des anciens" --include-deleted'),
  ],
  'groups messages delete': [ex('help.example.groups.messages_delete', `alumni groups messages delete ${PHOTOS_MESSAGE} --yes ${AS}`)],

  validate: [
    ex('help.example.validate.counts', 'alumni validate list'),
    ex('help.example.validate.approve', `alumni validate approve formations ${AGILE_FORMATION} ${AS}`),
  ],
  'validate list': [
    ex('help.example.validate.counts', 'alumni validate list'),
    ex('help.example.validate.queue', 'alumni validate list orgs'),
  ],
  'validate approve': [
    ex('help.example.validate.approve', `alumni validate approve formations ${AGILE_FORMATION} ${AS}`),
    ex('help.example.validate.approve_group', `alumni validate approve groups ${SAHEL_GROUP} ${AS}`),
  ],
  'validate reject': [
    ex('help.example.validate.reject', `alumni validate reject orgs ${ATELIER_ORG} --reason "Organisation inconnue de l'école." ${AS}`),
  ],
  'validate review': [ex('help.example.validate.review', `alumni validate review groups ${AS}`)],
  'validate history': [
    ex('help.example.validate.history_rejected', 'alumni validate history --queue formations --outcome rejected'),
    ex('help.example.validate.history_moderator', 'alumni validate history --moderator jerome.kabore@ecole.example --since 30d'),
  ],
  'validate reopen': [ex('help.example.validate.reopen', `alumni validate reopen formations ${CRYPTO_FORMATION} ${AS}`)],

  refs: [ex('help.example.refs.fields', 'alumni refs fields list'), ex('help.example.refs.years', 'alumni refs years list')],
  'refs fields': [ex('help.example.refs.fields', 'alumni refs fields list')],
  'refs fields list': [
    ex('help.example.refs.fields', 'alumni refs fields list'),
    ex('help.example.refs.fields_csv', 'alumni refs fields list --csv'),
  ],
  'refs fields add': [ex('help.example.refs.fields_add', `alumni refs fields add "Génie des procédés" ${AS}`)],
  'refs fields rename': [ex('help.example.refs.fields_rename', `alumni refs fields rename Gestion "Gestion des entreprises" ${AS}`)],
  'refs fields alias': [ex('help.example.refs.fields_alias', `alumni refs fields alias "Génie informatique" "Génie Info" ${AS}`)],
  'refs fields deactivate': [ex('help.example.refs.fields_deactivate', `alumni refs fields deactivate Agroalimentaire ${AS}`)],
  'refs years': [ex('help.example.refs.years', 'alumni refs years list')],
  'refs years list': [ex('help.example.refs.years', 'alumni refs years list')],
  'refs years add': [ex('help.example.refs.years_add', `alumni refs years add 2028 ${AS}`)],
  'refs years open': [ex('help.example.refs.years_open', `alumni refs years open 2027 ${AS}`)],
  'refs years close': [ex('help.example.refs.years_close', `alumni refs years close 2016 ${AS}`)],

  jobs: [ex('help.example.jobs.list', 'alumni jobs list'), ex('help.example.jobs.run_all', 'alumni jobs run --all')],
  'jobs list': [ex('help.example.jobs.list', 'alumni jobs list')],
  'jobs run': [
    ex('help.example.jobs.run_dry', 'alumni jobs run expire-offers --dry-run'),
    ex('help.example.jobs.run_all', 'alumni jobs run --all'),
    ex('help.example.jobs.run_audit', 'alumni jobs run purge-audit --older-than 1y'),
  ],
  'jobs history': [
    ex('help.example.jobs.history', 'alumni jobs history'),
    ex('help.example.jobs.history_job', 'alumni jobs history refresh-stats --limit 5'),
  ],
  'jobs crontab': [ex('help.example.jobs.crontab', 'alumni jobs crontab > alumni.cron')],
  'jobs schedule': [
    ex('help.example.jobs.schedule', 'alumni jobs schedule'),
    ex('help.example.jobs.schedule_audit', 'alumni jobs schedule purge-audit --older-than 6mo'),
  ],
  'jobs unschedule': [ex('help.example.jobs.unschedule', 'alumni jobs unschedule purge-messages')],
  'jobs check': [ex('help.example.jobs.check', 'alumni jobs run --all && alumni jobs check')],

  stats: [
    ex('help.example.stats.overview', 'alumni stats overview'),
    ex('help.example.stats.employment_range', 'alumni stats employment --from 2018 --to 2022'),
  ],
  'stats employment': [
    ex('help.example.stats.employment_refresh', 'alumni stats employment --refresh'),
    ex('help.example.stats.employment_csv', 'alumni stats employment --from 2018 --to 2022 --csv > emploi.csv'),
  ],
  'stats domains': [
    ex('help.example.stats.domains', 'alumni stats domains'),
    ex('help.example.stats.domains_year', 'alumni stats domains --annee 2022'),
  ],
  'stats overview': [
    ex('help.example.stats.overview', 'alumni stats overview'),
    ex('help.example.stats.overview_json', 'alumni stats overview --json'),
  ],
  'stats report': [
    ex('help.example.stats.report_pdf', `alumni stats report --pdf rapport.pdf --school "Lycée technique de Thiès"`),
    ex('help.example.stats.report', 'alumni stats report --html rapport.html'),
    ex('help.example.stats.report_range', 'alumni stats report --html rapport-2018-2022.html --from 2018 --to 2022 --min-cell 3'),
  ],

  settings: [
    ex('help.example.settings.set', `alumni settings set school-name "Lycée technique de Thiès" ${AS}`),
    ex('help.example.settings.list', 'alumni settings list'),
  ],
  'settings list': [ex('help.example.settings.list', 'alumni settings list')],
  'settings get': [
    ex('help.example.settings.get', `alumni settings set school-name "Lycée technique de Thiès" ${AS} && alumni settings get school-name`),
  ],
  'settings set': [ex('help.example.settings.set', `alumni settings set school-name "Lycée technique de Thiès" ${AS}`)],

  audit: [
    ex('help.example.audit.recent', 'alumni audit list --limit 10'),
    ex('help.example.audit.user_updates', 'alumni audit list --table utilisateur --action update'),
  ],
  'audit list': [
    ex('help.example.audit.user_updates', 'alumni audit list --table utilisateur --action update'),
    ex('help.example.audit.actor', 'alumni audit list --actor direction@ecole.example --since 7d'),
  ],
  'audit show': [ex('help.example.audit.show', `alumni audit show "$(alumni audit list --limit 1 --csv | grep -oE '[0-9a-f-]{36}$')"`)],

  doctor: [ex('help.example.doctor', 'alumni doctor'), ex('help.example.doctor_json', 'alumni doctor --json')],

  fixtures: [ex('help.example.fixtures.load', 'alumni fixtures load')],
  'fixtures load': [ex('help.example.fixtures.load', 'alumni fixtures load')],

  completion: [
    ex('help.example.completion.bash', 'alumni completion bash > alumni.bash'),
    ex('help.example.completion.fish', 'alumni completion fish > alumni.fish'),
  ],
};

/** The examples of the command at `path` (`users list`; '' for the program), none if it has none. */
export function examplesOf(path: string): readonly Example[] {
  return EXAMPLES[path] ?? [];
}
