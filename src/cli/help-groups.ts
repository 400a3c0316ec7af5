import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { t, type LabelKey } from '../i18n/messages.js';

/**
 * The headings `alumni --help` lists its nouns under, in this order (gh's "CORE COMMANDS",
 * "ACTIONS COMMANDS"...). A noun not named here has no heading: the grouping test fails.
 */
export const COMMAND_GROUPS: ReadonlyArray<{ heading: LabelKey; nouns: readonly string[] }> = [
  { heading: 'help.group.people', nouns: ['users', 'groups'] },
  { heading: 'help.group.catalogue', nouns: ['orgs', 'offers', 'refs'] },
  { heading: 'help.group.moderation', nouns: ['validate'] },
  { heading: 'help.group.statistics', nouns: ['stats'] },
  { heading: 'help.group.operations', nouns: ['jobs', 'audit', 'doctor', 'migrate', 'fixtures', 'settings', 'completion'] },
];

/** The heading the `help [command]` command is listed under. */
export const HELP_COMMAND_GROUP: LabelKey = 'help.group.operations';

/**
 * Puts each of the program's nouns under its heading (Commander's helpGroup) and lists
 * them heading by heading, in the order above: Commander shows the headings in the order
 * their first command was added, and the commands in the order they were added, so the
 * nouns are reordered. The order changes nothing else: commands are found by name.
 */
export function groupCommands(program: CommandUnknownOpts): void {
  const order = COMMAND_GROUPS.flatMap(({ heading, nouns }) => nouns.map((noun) => ({ noun, heading })));
  const rank = (command: CommandUnknownOpts) => {
    const index = order.findIndex(({ noun }) => noun === command.name());
    return index === -1 ? order.length : index;
  };
  for (const command of program.commands) {
    const known = order.find(({ noun }) => noun === command.name());
    if (known) command.helpGroup(t(known.heading));
  }
  (program.commands as CommandUnknownOpts[]).sort((a, b) => rank(a) - rank(b));
  // `help [command]` goes under a heading too. Commander gives every subcommand, as it is
  // made, the program's help command object; a new one, made now that the tree is built,
  // is the program's alone, so the nouns' own `help [command]` keeps no heading.
  program.commandsGroup(t(HELP_COMMAND_GROUP)).helpCommand('help [command]', t('cli.help.command'));
}
