/**
 * English messages of the names area: close names offered when a group, an organisation
 * or a person is not found (src/services/name-suggestions.ts). Keys start with "names.".
 * The refs messages that say "not found" end with one of these.
 */
export interface Suggested {
  ref: string;
  names: string[];
}

const messages = {
  /** After "No group …": the close names, best first; nothing when there are none. */
  'names.did_you_mean': (p: { names: string[] }) => (p.names.length === 0 ? '' : ` Did you mean: ${p.names.join(', ')}?`),
  /** After "No users "a", "b" …": each unknown ref's close names. */
  'names.did_you_mean_each': (p: { suggestions: Suggested[] }) =>
    p.suggestions.length === 0 ? '' : ` Did you mean: ${p.suggestions.map((s) => `${s.names.join(', ')} for "${s.ref}"`).join('; ')}?`,
};

export default messages;
