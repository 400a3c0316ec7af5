import type en from '../en/cli.js';

/** Les mots de Commander et de la couche de sortie, en français. */
const fr: typeof en = {
  'cli.help.usage': 'Utilisation :',
  'cli.help.arguments': 'Arguments :',
  'cli.help.options': 'Options :',
  'cli.help.commands': 'Commandes :',
  'cli.help.option': "afficher l'aide de la commande",
  'cli.help.command': "afficher l'aide de la commande",
  'cli.help.version': 'afficher le numéro de version',
  'cli.help.after_error': "(--help pour l'utilisation)",
  'cli.help.choices': (p) => `valeurs possibles : ${p.choices}`,
  'cli.help.default': (p) => `par défaut : ${p.value}`,
  'cli.help.env': (p) => `variable : ${p.name}`,
  'cli.error.prefix': 'erreur :',
  'cli.warning.prefix': 'attention :',
  'cli.error.missing_argument': (p) => `il manque l'argument obligatoire « ${p.name} »`,
  'cli.error.option_missing_argument': (p) => `l'option « ${p.flags} » attend une valeur`,
  'cli.error.missing_mandatory_option': (p) =>
    `l'option « ${p.flags} » est obligatoire${p.values ? ` : choisissez parmi ${p.values.join(', ')}.` : ''}`,
  'cli.error.conflicting_option': (p) => `les options « ${p.option} » et « ${p.other} » ne vont pas ensemble`,
  'cli.error.unknown_option': (p) => `option inconnue : « ${p.flag} »`,
  'cli.error.unknown_command': (p) => `commande inconnue : « ${p.name} »`,
  'cli.error.excess_arguments': (p) =>
    `trop d'arguments${p.command ? ` pour « ${p.command} »` : ''} : ${p.expected} attendu${p.expected > 1 ? 's' : ''}, ${p.received} reçu${p.received > 1 ? 's' : ''}.`,
  'cli.error.invalid_option_value': (p) =>
    `la valeur « ${p.value} » de l'option « ${p.flags} » n'est pas valable.${p.reason ? ` ${p.reason}` : ''}`,
  'cli.error.invalid_argument_value': (p) =>
    `la valeur « ${p.value} » de l'argument « ${p.name} » n'est pas valable.${p.reason ? ` ${p.reason}` : ''}`,
  'cli.error.allowed_choices': (p) => `Valeurs possibles : ${p.choices}.`,
  'cli.error.did_you_mean': (p) =>
    p.suggestions.length === 1
      ? `(Vouliez-vous dire ${p.suggestions[0]} ?)`
      : `(Vouliez-vous dire l'une de ces options : ${p.suggestions.join(', ')} ?)`,
  'cli.program.description': "Administrer la plateforme des anciens de l'école (PostgreSQL ou la base intégrée).",
  'cli.program.database_url': 'serveur PostgreSQL à utiliser (par défaut : DATABASE_URL, sinon la base intégrée)',
  'cli.program.json': 'écrire du JSON lisible par une machine sur stdout (et un échec en objet JSON sur stderr)',
  'cli.program.as': 'agir au nom de cet administrateur (e-mail ou matricule ; par défaut : ALUMNI_ACTOR)',
  'cli.program.verbose': "afficher les détails : le code d'une erreur, et la pile d'appels d'une erreur inattendue",
  'cli.program.no_color': 'sans couleurs (NO_COLOR est aussi respecté)',
  'cli.program.lang': 'langue des messages : fr ou en (par défaut : ALUMNI_LANG, sinon LC_ALL, LC_MESSAGES, LANG)',
  'cli.error.unexpected_hint': '(--verbose pour les détails)',
  'cli.error.code': (p) => `code : ${p.code}`,
  'cli.more': (p) => `Suite : ${p.command}`,
};
export default fr;
