/** English messages of the completion area: keys start with "completion.". */
export default {
  'completion.description': 'print the shell completion script for bash, zsh or fish',
  'completion.shell': 'the shell',
  'completion.setup': [
    '',
    'Set up, once:',
    '  bash  source <(alumni completion bash)   (in ~/.bashrc), or, with the bash-completion package:',
    '        alumni completion bash > ~/.local/share/bash-completion/completions/alumni',
    '  zsh   alumni completion zsh > "${fpath[1]}/_alumni"   (a directory of $fpath, before compinit)',
    '  fish  alumni completion fish > ~/.config/fish/completions/alumni.fish',
    '',
    'Commands, options and their fixed values complete from the command tree; names of',
    'groups and organisations from the database, when it answers within a second.',
  ].join('\n'),
} satisfies Record<`completion.${string}`, string | ((params: never) => string)>;
