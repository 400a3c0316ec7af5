/**
 * The completion scripts `alumni completion bash|zsh|fish` prints. They are thin, as
 * gh's (cobra's) are: each sends the words typed so far to the hidden command
 * `alumni __complete -- WORD… CURRENT` (src/cli/completion.ts), which answers from the
 * command tree and the database, and hands the candidates to the shell. The last line
 * of the answer says whether the shell completes file names instead (`:files`).
 *
 * The command run is the one typed (the first word: `alumni`, `./bin/alumni.js`, a path),
 * so the completion always matches the program it completes.
 */

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

export function completionScript(shell: Shell): string {
  return SCRIPTS[shell];
}

/*
 * bash: COMP_WORDS are the words as typed (quotes and backslashes kept), split at
 * COMP_WORDBREAKS too: `--statut=act` arrives as `--statut`, `=`, `act`, which is the
 * same as `--statut act` for completion, and bash replaces only `act`. A candidate is
 * escaped (`Promo\ 2024`: each character special to the shell, whatever the locale)
 * unless the word was begun with a quote. Works with or without
 * the bash-completion package.
 */
const BASH = String.raw`# bash completion for alumni; set up with: source <(alumni completion bash)
_alumni_unquote() {
    local word=$1
    case $word in
        \'*) word=\${word#\'}; word=\${word%\'} ;;
        \"*) word=\${word#\"}; word=\${word%\"} ;;
        *) word=\${word//\\\\/$'\1'}; word=\${word//\\/}; word=\${word//$'\1'/\\} ;;
    esac
    printf '%s' "$word"
}

_alumni() {
    local cword=$COMP_CWORD cur=\${COMP_WORDS[COMP_CWORD]} program=\${COMP_WORDS[0]}
    local -a words=() lines=()
    local i word line directive char
    COMPREPLY=()
    for ((i = 1; i < cword; i++)); do
        word=\${COMP_WORDS[i]}
        if [[ $word == '=' && \${COMP_WORDS[i - 1]} == --* ]]; then continue; fi
        words+=("$(_alumni_unquote "$word")")
    done
    if [[ $cur == '=' && \${COMP_WORDS[cword - 1]} == --* ]]; then cur=''; fi
    if [[ $program == '~/'* ]]; then program=$HOME/\${program#'~/'}; fi
    mapfile -t lines < <("$program" __complete -- "\${words[@]}" "$(_alumni_unquote "$cur")" 2>/dev/null)
    ((\${#lines[@]} > 0)) || return 0
    directive=\${lines[\${#lines[@]} - 1]}
    unset 'lines[\${#lines[@]}-1]'
    if [[ $directive == ':files' ]]; then
        compopt -o filenames 2>/dev/null
        mapfile -t COMPREPLY < <(compgen -f -- "$(_alumni_unquote "$cur")")
        return 0
    fi
    for line in "\${lines[@]}"; do
        line=\${line%%$'\t'*}
        if [[ $cur != [\'\"]* ]]; then
            for char in '\' ' ' "'" '"' '$' '\`' '!' '&' ';' '|' '<' '>' '(' ')' '[' ']' '{' '}' '*' '?' '#' '~'; do
                line=\${line//"$char"/\\$char}
            done
        fi
        COMPREPLY+=("$line")
    done
    return 0
}

complete -F _alumni alumni
`;

/*
 * zsh: `words` holds the words as typed; (Q) removes their quoting. _describe shows the
 * descriptions; -U keeps names the database matched without regard to case or accents.
 */
const ZSH = String.raw`#compdef alumni
# zsh completion for alumni; set up with: alumni completion zsh > "\${fpath[1]}/_alumni"
# (or: source <(alumni completion zsh) after compinit)
_alumni() {
    local -a typed lines candidates
    local directive line value description
    typed=("\${(@Q)words[2,CURRENT-1]}")
    lines=("\${(@f)$(\${words[1]} __complete -- "\${typed[@]}" "\${(Q)words[CURRENT]}" 2>/dev/null)}")
    (( \${#lines} > 0 )) || return 1
    directive=\${lines[-1]}
    lines=("\${(@)lines[1,-2]}")
    if [[ $directive == ':files' ]]; then
        _files
        return
    fi
    for line in "\${lines[@]}"; do
        [[ -n $line ]] || continue
        value=\${line%%$'\t'*}
        description=
        [[ $line == *$'\t'* ]] && description=\${line#*$'\t'}
        candidates+=("\${value//:/\\:}\${description:+:$description}")
    done
    (( \${#candidates} > 0 )) || return 1
    _describe -t alumni alumni candidates -U
}

if [[ $funcstack[1] == _alumni ]]; then
    _alumni "$@"
else
    compdef _alumni alumni
fi
`;

/*
 * fish: `commandline -opc` gives the words before the cursor, already unquoted; fish
 * filters the candidates by what is typed itself, and shows the descriptions after a tab.
 */
const FISH = String.raw`# fish completion for alumni; set up with: alumni completion fish > ~/.config/fish/completions/alumni.fish
function __alumni_complete
    set -l typed (commandline -opc)
    set -l program $typed[1]
    set -e typed[1]
    # The word under the cursor as typed: its quotes and backslashes removed (an open quote too).
    set -l current (string unescape -- (commandline -ct))
    set -l lines ($program __complete -- $typed "$current" 2>/dev/null)
    or return
    test (count $lines) -gt 0
    or return
    set -l directive $lines[-1]
    set -e lines[-1]
    if test "$directive" = ':files'
        __fish_complete_path "$current"
        return
    end
    printf '%s\n' $lines
end

complete -c alumni -f -a '(__alumni_complete)'
`;

const SCRIPTS: Record<Shell, string> = { bash: unescape(BASH), zsh: unescape(ZSH), fish: FISH };

/** String.raw keeps an escaped `\${` or backquote as written: they are escaped only to stay out of the template. */
function unescape(script: string): string {
  return script.replace(/\\\$\{/g, '${').replace(/\\`/g, '`');
}
