// Lint: the recommended rules of ESLint and typescript-eslint (without type information,
// so it stays fast); formatting is Prettier's job, so no style rules here.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import noLiteralMessages from './scripts/eslint-rules/no-literal-messages.js';

// Issue 26: no string a person reads is written outside the catalogs (src/i18n/en, fr),
// anywhere in src. A bug of ours (an invariant broken) may say so in a literal, with a
// disable comment saying why: it is reported as code `internal`.
const MESSAGES_FROM_CATALOGS = ['src/**/*.ts'];
// The option helpers and prompts whose arguments (by index) a person reads.
const MESSAGE_ARGUMENTS = {
  functions: {
    enumOption: [1],
    yesNoOption: [1],
    yearOption: [1],
    limitOption: [1],
    dateOption: [1],
    pastDateOption: [1],
    sinceOption: [0],
    untilOption: [0],
    withinOption: [0],
    olderThanOption: [0],
    countryOption: [0],
    dryRunOption: [0],
    outputFileOption: [1, 2],
    withImportOptions: [1],
    enumValue: [0],
    confirm: [1],
    readKey: [1],
  },
};

export default tseslint.config(
  { ignores: ['dist/', '.bench-dist/', 'node_modules/', 'coverage/', '.tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        performance: 'readonly',
        TextDecoder: 'readonly',
      },
    },
    rules: {
      // `_name` marks what is received but deliberately unused.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['src/**/*.ts'],
    plugins: { alumni: { rules: { 'no-literal-messages': noLiteralMessages } } },
    rules: { 'alumni/no-literal-messages': ['off', MESSAGE_ARGUMENTS] },
  },
  {
    files: MESSAGES_FROM_CATALOGS,
    rules: { 'alumni/no-literal-messages': ['error', MESSAGE_ARGUMENTS] },
  },
);
