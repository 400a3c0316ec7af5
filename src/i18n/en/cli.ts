/** English messages of the cli area: Commander's own words, the output layer's labels. */
export default {
  'cli.help.usage': 'Usage:',
  'cli.help.arguments': 'Arguments:',
  'cli.help.options': 'Options:',
  'cli.help.commands': 'Commands:',
  'cli.help.option': 'display help for command',
  'cli.help.command': 'display help for command',
  'cli.help.version': 'output the version number',
  'cli.help.after_error': '(run with --help for usage)',
  'cli.help.choices': (p: { choices: string }) => `choices: ${p.choices}`,
  'cli.help.default': (p: { value: string }) => `default: ${p.value}`,
  'cli.help.env': (p: { name: string }) => `env: ${p.name}`,
  'cli.error.prefix': 'error:',
  'cli.warning.prefix': 'warning:',
  'cli.error.missing_argument': (p: { name: string }) => `missing required argument '${p.name}'`,
  'cli.error.option_missing_argument': (p: { flags: string }) => `option '${p.flags}' argument missing`,
  'cli.error.missing_mandatory_option': (p: { flags: string; values?: string[] }) =>
    `required option '${p.flags}' not specified${p.values ? `: use ${p.values.length > 1 ? 'one of ' : ''}${p.values.join(', ')}.` : ''}`,
  'cli.error.conflicting_option': (p: { option: string; other: string }) => `option '${p.option}' cannot be used with option '${p.other}'`,
  'cli.error.unknown_option': (p: { flag: string }) => `unknown option '${p.flag}'`,
  'cli.error.unknown_command': (p: { name: string }) => `unknown command '${p.name}'`,
  'cli.error.excess_arguments': (p: { expected: number; received: number; command: string }) =>
    `too many arguments${p.command ? ` for '${p.command}'` : ''}. Expected ${p.expected} argument${p.expected === 1 ? '' : 's'} but got ${p.received}.`,
  'cli.error.invalid_option_value': (p: { flags: string; value: string; reason: string }) =>
    `option '${p.flags}' argument '${p.value}' is invalid.${p.reason ? ` ${p.reason}` : ''}`,
  'cli.error.invalid_argument_value': (p: { name: string; value: string; reason: string }) =>
    `argument '${p.name}' value '${p.value}' is invalid.${p.reason ? ` ${p.reason}` : ''}`,
  'cli.error.allowed_choices': (p: { choices: string }) => `Allowed choices are ${p.choices}.`,
  'cli.error.did_you_mean': (p: { suggestions: string[] }) =>
    p.suggestions.length === 1 ? `(Did you mean ${p.suggestions[0]}?)` : `(Did you mean one of ${p.suggestions.join(', ')}?)`,
  'cli.program.description': "Administer the school's alumni platform (PostgreSQL or the embedded database).",
  'cli.program.database_url': 'PostgreSQL server to use (default: DATABASE_URL, else the embedded database)',
  'cli.program.json': 'print machine-readable JSON on stdout (and a failure as a JSON object on stderr)',
  'cli.program.as': 'act as this administrator (e-mail or matricule; default: ALUMNI_ACTOR)',
  'cli.program.verbose': "show details: an error's code, and the stack trace of an unexpected error",
  'cli.program.no_color': 'no colour (NO_COLOR is respected too)',
  'cli.program.lang': 'language of messages: fr or en (default: ALUMNI_LANG, else LC_ALL, LC_MESSAGES, LANG)',
  'cli.error.unexpected_hint': '(run with --verbose for details)',
  'cli.error.code': (p: { code: string }) => `code: ${p.code}`,
  'cli.more': (p: { command: string }) => `More: ${p.command}`,
} satisfies Record<`cli.${string}`, string | ((params: never) => string)>;
