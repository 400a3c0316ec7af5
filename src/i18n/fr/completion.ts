import type en from '../en/completion.js';

/** Les messages français du domaine completion : mêmes clés et mêmes paramètres que en/completion.ts. */
const fr: typeof en = {
  'completion.description': 'afficher le script de complétion du shell, pour bash, zsh ou fish',
  'completion.shell': 'le shell',
  'completion.setup': [
    '',
    'Mise en place, une fois :',
    '  bash  source <(alumni completion bash)   (dans ~/.bashrc), ou, avec le paquet bash-completion :',
    '        alumni completion bash > ~/.local/share/bash-completion/completions/alumni',
    '  zsh   alumni completion zsh > "${fpath[1]}/_alumni"   (un dossier de $fpath, avant compinit)',
    '  fish  alumni completion fish > ~/.config/fish/completions/alumni.fish',
    '',
    "Les commandes, les options et leurs valeurs fixes se complètent depuis l'arbre des commandes ;",
    "les noms des groupes et des organisations depuis la base, si elle répond en moins d'une seconde.",
  ].join('\n'),
};
export default fr;
