// Every area of the catalog, merged; an area's keys start with its name (test/unit/catalogs.test.ts).
import commonMessages from './common.js';
import cliMessages from './cli.js';
import usersMessages from './users.js';
import orgsMessages from './orgs.js';
import offersMessages from './offers.js';
import groupsMessages from './groups.js';
import validateMessages from './validate.js';
import refsMessages from './refs.js';
import jobsMessages from './jobs.js';
import statsMessages from './stats.js';
import reportMessages from './report.js';
import auditMessages from './audit.js';
import doctorMessages from './doctor.js';
import migrateMessages from './migrate.js';
import fixturesMessages from './fixtures.js';
import importMessages from './import.js';
import databaseMessages from './database.js';
import completionMessages from './completion.js';
import viewMessages from './view.js';
import helpMessages from './help.js';
import settingsMessages from './settings.js';
import namesMessages from './names.js';
import progressMessages from './progress.js';
import undoMessages from './undo.js';

export const enAreas = {
  common: commonMessages,
  cli: cliMessages,
  users: usersMessages,
  orgs: orgsMessages,
  offers: offersMessages,
  groups: groupsMessages,
  validate: validateMessages,
  refs: refsMessages,
  jobs: jobsMessages,
  stats: statsMessages,
  report: reportMessages,
  audit: auditMessages,
  doctor: doctorMessages,
  migrate: migrateMessages,
  fixtures: fixturesMessages,
  import: importMessages,
  database: databaseMessages,
  completion: completionMessages,
  view: viewMessages,
  help: helpMessages,
  settings: settingsMessages,
  names: namesMessages,
  progress: progressMessages,
  undo: undoMessages,
};
export const en = {
  ...commonMessages,
  ...cliMessages,
  ...usersMessages,
  ...orgsMessages,
  ...offersMessages,
  ...groupsMessages,
  ...validateMessages,
  ...refsMessages,
  ...jobsMessages,
  ...statsMessages,
  ...reportMessages,
  ...auditMessages,
  ...doctorMessages,
  ...migrateMessages,
  ...fixturesMessages,
  ...importMessages,
  ...databaseMessages,
  ...completionMessages,
  ...viewMessages,
  ...helpMessages,
  ...settingsMessages,
  ...namesMessages,
  ...progressMessages,
  ...undoMessages,
};
