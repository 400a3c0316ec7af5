import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, it } from 'vitest';
// @ts-expect-error: a plain JavaScript module without types
import rule from '../../scripts/eslint-rules/no-literal-messages.js';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const tester = new RuleTester({ languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: 'module' } });
const options = [{ functions: { enumOption: [1], dryRunOption: [0] } }];
const errors = (n: number) => Array.from({ length: n }, () => ({ messageId: 'literal' }));

/** The lint rule of issue 26: a string a person reads is not written outside the catalogs. */
tester.run('alumni/no-literal-messages', rule, {
  valid: [
    { code: "program.command('list').description(t('users.list.description'));" },
    { code: "cmd.option('--limit <n>', t('cli.limit'));" },
    { code: "new Option('--devise <code>', t('offers.devise'));" },
    { code: "ctx.out.info(t('users.created', { name }));" },
    { code: 'ctx.out.info(`${t("a")}: ${name}`);' },
    { code: "out.line('  ');" },
    { code: "throw new UsageError(problem('offers.price_without_currency', { field: 'devise' }));" },
    { code: "ctx.out.writeFields([[t('users.label.name'), user.nom]]);" },
    { code: "enumValue('--statut', text, STATUTS);", options },
    { code: "enumOption('--statut <statut>', t('users.statut'), STATUTS);", options },
    { code: "other.info('not an output');" },
    { code: "const x = 'free text elsewhere';" },
  ],
  invalid: [
    { code: "program.command('list').description('list users, a page at a time');", errors: errors(1) },
    { code: "cmd.option('--limit <n>', 'users per page');", errors: errors(1) },
    { code: "cmd.argument('<ref>', 'id, e-mail or matricule');", errors: errors(1) },
    { code: "new Option('--nom <name>', 'nom_complet');", errors: errors(1) },
    { code: "new Argument('<role>', 'user, admin or super_admin');", errors: errors(1) },
    { code: 'ctx.out.success(`Created ${name}`);', errors: errors(1) },
    { code: "out.warn(n > 1 ? 'rows skipped' : 'row skipped');", errors: errors(2) },
    { code: "ctx.out.error('Nothing to do: ' + what);", errors: errors(1) },
    { code: "await ctx.out.withSpinner('Printing the PDF…', work, { succeed: `PDF written: ${path}` });", errors: errors(2) },
    { code: "ctx.out.writeFields([['Name', user.nom], [t('x'), 1]]);", errors: errors(1) },
    { code: "renderRecord(ctx, record, [['Created', record.created_at]]);", errors: errors(1) },
    { code: 'throw new NotFoundError(`No user "${ref}"`);', errors: errors(1) },
    { code: "throw new InvalidArgumentError('give a whole number');", errors: errors(1) },
    { code: "throw new Error('unreachable');", errors: errors(1) },
    { code: "enumOption('--statut <statut>', 'only this status', STATUTS);", options, errors: errors(1) },
    { code: "function dryRunOption(description = 'write nothing') { return description; }", options, errors: errors(1) },
    { code: "console.error('oops');", errors: errors(1) },
  ],
});
