-- Undoes 20261124000200_import_ledger.
DROP TABLE alumni_admin.import_run;
