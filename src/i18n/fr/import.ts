import type en from '../en/import.js';

/**
 * Les messages français du domaine import : mêmes clés et mêmes paramètres que
 * en/import.ts. Les motifs du fichier des rejets nomment les champs en mots (« le nom
 * est vide »), jamais par leur colonne ; les noms de commandes et d'options restent tels
 * quels.
 */

/** Les champs du modèle de données en mots, avec leur article ; toute autre valeur (une option) telle quelle. */
const CHAMPS: Record<string, string> = {
  nom_complet: 'le nom',
  prenom: 'le prénom',
  nom: 'le nom de famille',
  matricule: 'le matricule',
  email: "l'e-mail",
  annee_sortie: "l'année de sortie",
  telephone: 'le téléphone',
  domaine: 'la filière',
  travailleur: 'la situation professionnelle',
  titre: 'le titre',
  statut: 'le statut',
  role: 'le rôle',
  pays: 'le pays',
  nom_organisation: "le nom de l'organisation",
  type_organisation: "le type d'organisation",
  secteur_activite: "le secteur d'activité",
  adresse: "l'adresse",
  ville: 'la ville',
  site_web: 'le site web',
  email_general: "l'e-mail général",
  telephone_general: 'le téléphone général',
  description: 'la description',
  date_creation: 'la date de création',
  nom_groupe: 'le nom du groupe',
  nom_structure: 'le nom de la structure',
  lieu: 'le lieu',
  poste: 'le poste',
  date_debut: 'la date de début',
  date_fin: 'la date de fin',
};

const champ = (name: string) => CHAMPS[name] ?? name;
const majuscule = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
const q = (text: string) => `« ${text} »`;
const nombres = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
const n = (value: number) => nombres.format(value);
const liste = (items: readonly string[], mot = 'et') =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${mot} ${items.at(-1)}`;
/** Les premiers éléments, puis combien d'autres : « a, b et 3 autres ». */
const etAutres = (items: readonly string[], count: number) => (count > 0 ? `${items.join(', ')} et ${n(count)} autres` : items.join(', '));
const pluriel = (count: number, un: string, plusieurs: string) => (count <= 1 ? un : plusieurs);
const pourcents = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
const pourcent = (value: number) => `${pourcents.format(value)} %`;
/** Les colonnes les plus modifiées et leurs nombres : « telephone (975), domaine (960) et 2 autres ». */
const colonnesModifiees = (columns: Array<{ name: string; count: number }>, count: number) =>
  etAutres(
    columns.map((c) => `${c.name} (${n(c.count)})`),
    count,
  );
const regions = new Intl.DisplayNames(['fr'], { type: 'region' });
const pays = (code: string) => regions.of(code) ?? code;
/** Ce qu'est la clé d'une ligne : « le matricule A12 », « l'e-mail awa@ucad.sn », « le site web orange.bj », « le nom orange benin ». */
const cle = (k: { kind: string; value: string }) =>
  `${{ matricule: 'le matricule', email: "l'e-mail", 'site-web': 'le site web', nom: 'le nom' }[k.kind] ?? k.kind} ${k.value}`;
const lignes = (p: { lines: number[]; linesMore: number }) =>
  p.linesMore > 0 ? `${p.lines.join(', ')} et ${n(p.linesMore)} autres` : liste(p.lines.map(String));
const CASSES: Record<string, (maxLines: number) => string> = {
  text_after_quote: () => "un guillemet fermant est suivi de texte au lieu d'un séparateur",
  unclosed_quote: (maxLines) => `un guillemet ouvre une cellule qui n'est pas refermée dans les ${maxLines} lignes suivantes`,
  unclosed_at_end: () => "un guillemet ouvre une cellule qui n'est pas refermée avant la fin du fichier",
  several_lines: () => 'le texte de la première colonne tient sur plusieurs lignes',
};
const DEFAUTS_EMAIL: Record<string, (detail: string) => string> = {
  no_at: () => "il n'y a pas de @",
  several_at: () => "il y a plus d'un @",
  nothing_before_at: () => 'rien avant le @',
  character: (c) => `elle contient ${c.trim() === '' ? 'une espace' : c}, qui ne peut pas figurer avant le @`,
  dot_at_edge: () => 'un point ne peut ni commencer ni finir la partie avant le @',
  two_dots: () => 'deux points de suite',
  local_too_long: () => 'plus de 64 octets avant le @',
  nothing_after_at: () => 'rien après le @',
  not_domain: (domaine) => `${q(domaine)} n'est pas un nom de domaine`,
};

const fr: typeof en = {
  // ---- Valeurs citées dans les messages (src/text.ts) ----
  'import.text.quoted': (p) => `« ${p.text} »`,
  'import.text.more_characters': (p) => `(et ${p.count} caractères de plus)`,
  'import.text.and_more': (p) => `${p.items} et ${p.count} autres`,

  // ---- Valeurs (src/values.ts) : le motif d'une cellule, ou la valeur d'une commande ----
  'import.value.nothing_written': (p) => `${majuscule(p.reason)} ; rien n'a été enregistré.`,
  'import.value.empty': (p) => `${champ(p.field)} est vide`,
  'import.value.too_long': (p) => `${champ(p.field)} dépasse ${n(p.max)} caractères`,
  'import.value.not_one_of': (p) => `${champ(p.field)} ${q(p.value)} ne fait pas partie des valeurs admises : ${p.choices.join(', ')}`,
  'import.email.invalid': (p) => `l'adresse e-mail ${q(p.value)} n'est pas valide (${DEFAUTS_EMAIL[p.flaw]?.(p.detail) ?? p.flaw})`,
  'import.email.too_long': (p) => `l'adresse e-mail ${q(p.value)} dépasse 254 caractères`,
  'import.year.not_a_year': (p) => `l'année de sortie ${q(p.value)} n'est pas une année`,
  'import.year.not_a_school_year': (p) =>
    `l'année de sortie ${q(p.value)} n'est pas une année scolaire (deux années qui se suivent, comme 2018-2019)`,
  'import.employment.unknown': (p) =>
    `la situation professionnelle ${q(p.value)} n'est ni oui/non (yes/no, 1/0, x) ni une situation comme En emploi, En recherche ou Étudiant`,
  'import.url.invalid': (p) => `${champ(p.field)} ${q(p.value)} n'est pas une adresse web (écrivez-la https://…)`,
  'import.url.not_http': (p) => `${champ(p.field)} ${q(p.value)} doit commencer par http:// ou https://`,
  'import.date.not_a_date': (p) =>
    `${champ(p.field)} ${q(p.value)} n'est pas une date (${p.french ? 'JJ/MM/AAAA ou AAAA-MM-JJ' : 'AAAA-MM-JJ'})`,
  'import.date.in_future': (p) => `${champ(p.field)} « ${p.value} » est dans le futur (nous sommes le ${p.today})`,
  'import.option.not_one_of': (p) =>
    `${p.flag} ${q(p.value)} : ${p.choices.length > 1 ? 'choisissez parmi' : 'seule valeur possible :'} ${p.choices.join(', ')}.`,
  'import.option.not_yes_no': (p) => `${p.flag} ${q(p.value)} : répondez oui/non, yes/no, true/false ou 1/0.`,

  // ---- Téléphones et pays (src/phone.ts, src/phone-renumbering.ts) ----
  'import.phone.unknown_country_code': (p) =>
    `Le code pays « ${p.code} » n'est pas un pays dont on sait lire les numéros de téléphone (utilisez un code ISO comme SN, CI ou BJ).`,
  'import.phone.no_country': (p) => `le téléphone ${q(p.value)} n'a pas d'indicatif ; donnez le pays par défaut avec --country`,
  'import.phone.invalid': (p) => `le téléphone ${q(p.value)} n'est pas un numéro valide`,
  'import.phone.invalid_for_country': (p) => {
    const debut = `le téléphone ${q(p.value)} n'est pas un numéro valide pour ${p.country}`;
    if (p.neighbours.length === 0) return debut;
    if (p.neighbours.length === 1)
      return `${debut} ; il ressemble à un numéro de ce pays : ${pays(p.neighbours[0]!.country)}, à écrire ${p.neighbours[0]!.written}`;
    const cites = p.neighbours.map((m) => `${pays(m.country)} (${m.written})`);
    return `${debut} ; il ressemble à un numéro de l'un de ces pays : ${liste(cites, 'ou')} ; écrivez-le avec son indicatif`;
  },
  'import.phone.ci_old_fixed_line': (p) =>
    `le téléphone ${q(p.value)} est un numéro fixe ivoirien à 8 chiffres d'avant le 31 janvier 2021, dont le nouveau préfixe (21 Moov ou 25 MTN) ne se déduit pas du numéro ; écrivez-le sous sa forme à 10 chiffres`,
  'import.country.unknown': (p) =>
    `${champ(p.field)} ${q(p.value)} n'est pas un pays dont on sait lire les numéros (écrivez un code ISO comme SN, un nom de pays, ou un indicatif comme +221)`,

  // ---- Lignes illisibles (src/import/read.ts) ----
  'import.csv.unreadable_line': (p) =>
    `ligne illisible en CSV (${CASSES[p.breakage]?.(p.maxLines) ?? p.breakage}) ; toute la ligne est dans la première colonne : corrigez-la là`,
  'import.csv.too_many_cells': (p) => `${n(p.cells)} cellules alors que l'en-tête en a ${n(p.headerCells)}`,
  'import.csv.nul': 'contient un caractère NUL',
  'import.csv.not_utf8': (p) =>
    `contient des octets qui ne sont pas de l'UTF-8 valide (${p.bytes.join(', ')}) dans un fichier lu en UTF-8 : retapez les caractères qu'ils remplacent`,
  'import.csv.replacement_character':
    "contient U+FFFD (\uFFFD), la marque d'un caractère perdu avant l'écriture de ce fichier : retapez-le",

  // ---- Clés sur plusieurs lignes (src/import/repeats.ts) ----
  'import.repeats.secondary_key': (p) =>
    `${cle(p.key)} figure aux lignes ${lignes(p)} sous des matricules différents (${etAutres(p.others, p.othersMore)})`,
  'import.repeats.different_data': (p) => `${cle(p.key)} figure aux lignes ${lignes(p)} avec des données différentes`,

  // ---- La liste des diplômés (src/import/roster/) ----
  'import.roster.name_parts_empty': 'le prénom et le nom de famille sont tous deux vides',
  'import.roster.role_needs_super_admin': (p) => `seul un super_admin peut donner le rôle « ${p.role} »`,
  'import.roster.year_closed': (p) => `l'année de sortie ${p.year} est fermée`,
  'import.roster.year_unknown': (p) =>
    `l'année de sortie ${p.year} ne fait pas partie des années de sortie (ajoutez-la, ou utilisez --create-missing-references)`,
  'import.roster.field_inactive': (p) => `la filière ${q(p.name)} est désactivée : aucun import ne peut la donner`,
  'import.roster.field_near': (p) =>
    `la filière ${q(p.name)} ne fait pas partie des filières : vouliez-vous dire ${p.likely.map(q).join(' ou ')} ? (alumni refs fields alias "${p.likely[0]}" "${p.name}")`,
  'import.roster.field_unknown': (p) =>
    `la filière ${q(p.name)} ne fait pas partie des filières (ajoutez-la, ou utilisez --create-missing-references)`,
  'import.roster.account_needs_super_admin': (p) =>
    `le matricule ${p.matricule} est un compte ${p.role}, que seul un super_admin peut modifier ou doter d'un rôle`,
  'import.roster.email_taken': (p) =>
    p.owner === null
      ? `l'e-mail ${p.email} appartient à un compte sans matricule`
      : `l'e-mail ${p.email} appartient au matricule ${p.owner}`,
  'import.roster.unknown_in_update': (p) => `le matricule ${p.matricule} n'existe pas (le mode update n'ajoute personne)`,

  // ---- La liste des partenaires (src/import/orgs/) ----
  'import.orgs.no_match_key': (p) =>
    p.match === null
      ? 'rien sur quoi rapprocher la ligne'
      : `pas de ${p.match === 'site-web' ? 'site web' : p.match === 'email' ? 'e-mail' : 'nom'} sur lequel rapprocher la ligne (--match ${p.match})`,
  'import.orgs.several_matches': (p) =>
    `${cle(p.key)} correspond à ${n(p.organisations.length)} organisations : ${p.organisations.map((o) => `${o.name} (${o.id})`).join(' ; ')} ; fusionnez-les d'abord`,
  'import.orgs.no_match_in_update': (p) => `${cle(p.key)} ne correspond à aucune organisation (le mode update n'en ajoute pas)`,
  'import.orgs.type_needed': "le type d'organisation est vide, et une nouvelle organisation en a besoin (une colonne Type, ou --type)",
  'import.orgs.already_written': (p) => `${cle(p.key)} correspond à l'organisation déjà écrite par la ligne ${p.line} (${p.id})`,

  // ---- Lecture du fichier (src/import/read.ts, xlsx.ts, pipeline.ts, rejects.ts) ----
  'import.file.cannot_read': (p) => `Impossible de lire ${p.name} : ${p.why}.`,
  'import.file.directory': (p) => `${p.name} est un dossier, pas un fichier CSV.`,
  'import.file.empty': (p) => `${p.name} est vide : il n'a pas de ligne d'en-tête.`,
  'import.file.utf16': (p) => `${p.name} est en UTF-16, qu'alumni ne lit pas ; enregistrez-le en CSV UTF-8 (ou Windows-1252).`,
  'import.file.binary': (p) => `${p.name} semble binaire (il contient des octets NUL) : ce n'est pas un fichier CSV.`,
  'import.file.no_header': (p) => `${p.name} n'a pas de ligne d'en-tête.`,
  'import.file.header_unreadable': (p) =>
    `La ligne d'en-tête de ${p.name} (ligne ${p.line}) est illisible en CSV : ${CASSES[p.breakage]?.(p.maxLines) ?? p.breakage}.`,
  'import.file.changed': (p) =>
    `${p.name} a changé pendant l'import : ${p.nothingWritten ? "rien n'a été enregistré" : 'les lignes enregistrées avant le changement restent'} ; importez de nouveau le fichier une fois complet.`,
  'import.xlsx.old_xls': (p) => `${p.name} est un ancien classeur Excel (.xls), qu'alumni ne lit pas ; enregistrez-le en .xlsx ou en CSV.`,
  'import.xlsx.not_zip': (p) => `${p.name} n'est pas un classeur Excel (ce n'est pas un fichier ZIP) ; enregistrez-le de nouveau en .xlsx.`,
  'import.xlsx.sheet_with_csv': (p) => `--sheet ne vaut que pour les classeurs Excel (.xlsx) ; ${p.name} est un fichier CSV.`,
  'import.xlsx.damaged': (p) =>
    `${p.name} ne peut pas être lu comme classeur Excel : il est abîmé ou incomplet ; ouvrez-le et enregistrez-le de nouveau en .xlsx.`,
  'import.xlsx.no_sheets': (p) => `${p.name} est un fichier ZIP, pas un classeur Excel (il n'a aucune feuille).`,
  'import.xlsx.no_such_sheet': (p) =>
    `${p.name} n'a ${p.sheet === null ? 'aucune feuille' : `pas de feuille ${q(p.sheet)}`} (ses feuilles : ${p.sheets.length === 0 ? 'aucune' : etAutres(p.sheets, p.sheetsMore)}) ; nommez-en une avec --sheet.`,
  'import.xlsx.empty_sheet': (p) => `${p.name} n'a pas de ligne d'en-tête (sa feuille est vide).`,
  'import.rejects.what': 'le fichier des rejets',
  'import.rejects.input_what': 'le fichier importé',
  'import.rejects.cannot_write': (p) => `Impossible d'écrire le fichier des rejets ${p.path} : ${p.why} ; l'import s'est arrêté là.`,

  // ---- L'en-tête du fichier (src/import/headers.ts) ----
  'import.headers.map_not_a_field': (p) =>
    `--map ${q(p.pair)} : ${q(p.name)} n'est pas un champ ; utilisez l'un de ceux-ci : ${p.fields.join(', ')}.`,
  'import.headers.no_such_column': (p) =>
    `${p.choice === 'map' ? '--map' : '--ignore-column'} nomme une colonne ${q(p.header)} que le fichier n'a pas.`,
  'import.headers.mapped_and_ignored': (p) =>
    `La colonne ${q(p.header)} est donnée à la fois à --map et à --ignore-column ; gardez l'un des deux.`,
  'import.headers.missing': (p) =>
    `Le fichier n'a pas de colonne pour ${p.fields.map(champ).join(' et ')} (ses colonnes : ${p.columns.length === 0 ? 'aucune' : etAutres(p.columns, p.columnsMore)}) ; désignez-en une avec --map 'Colonne=${p.fields[0]}'.`,
  'import.headers.unread_columns': (p) => {
    const decrire = (c: { header: string; columnField: string; takenBy: string | null }) =>
      `${q(c.header)} (${c.takenBy === null ? `ressemble à ${champ(c.columnField)}` : `${champ(c.columnField)} vient déjà de ${q(c.takenBy)}`})`;
    const moyens = `lisez-la avec --map ${p.mapValue}, ou écartez-la avec --ignore-column ${p.ignoreValue}`;
    const champs = `--map accepte ${p.fields.join(', ')}`;
    if (p.columns.length === 1 && p.more === 0) return `La colonne ${decrire(p.columns[0]!)} ne serait pas lue : ${moyens} (${champs}).`;
    return `Les colonnes ${p.columns.map(decrire).join(', ')}${p.more > 0 ? ` et ${n(p.more)} autres` : ''} ne seraient pas lues : pour chacune, comme pour la première, ${moyens} (${champs}).`;
  },
  'import.option.encoding': (p) => `--encoding ${q(p.value)} n'est pas pris en charge ; utilisez utf-8 ou windows-1252 (latin1).`,
  'import.option.delimiter': (p) => `--delimiter ${q(p.value)} : utilisez , ; ou tab.`,
  'import.option.map_pair': (p) => `--map ${q(p.value)} : écrivez-le 'Colonne=champ'.`,

  // ---- Ce que disent users import et orgs import (src/commands/imports.ts) ----
  'import.reading_as': (p) => `Lecture en ${p.encoding}, séparateur ${p.delimiter}.`,
  'import.unknown_columns': (p) =>
    `${pluriel(p.items.length + p.more, 'Colonne inconnue ignorée', 'Colonnes inconnues ignorées')} : ${etAutres(p.items, p.more)}.`,
  'import.repeated_lines': (p) =>
    `${n(p.count)} ${pluriel(p.count, 'ligne répète', 'lignes répètent')} exactement une ligne précédente : enregistrée${p.count > 1 ? 's' : ''} une seule fois, ${pluriel(p.count, 'comptée', 'comptées')} comme ignorée${p.count > 1 ? 's' : ''} (${p.pairs.map((r) => `ligne ${r.line} = ligne ${r.sameAs}`).join(', ')}${p.more > 0 ? `, et ${n(p.more)} autres` : ''}).`,
  'import.summary.read': 'Lues',
  'import.summary.inserted': 'Ajoutées',
  'import.summary.updated': 'Mises à jour',
  'import.summary.unchanged': 'Inchangées',
  'import.summary.skipped': 'Ignorées',
  'import.summary.rejected': 'Rejetées',
  'import.summary.time': 'Durée',
  'import.summary.rows_per_second': 'Lignes par seconde',
  'import.references_created': (p) => {
    const quoi = [
      ...(p.fields.count > 0
        ? [`${n(p.fields.count)} ${pluriel(p.fields.count, 'filière', 'filières')} : ${etAutres(p.fields.items, p.fields.more)}`]
        : []),
      ...(p.years.count > 0
        ? [
            `${n(p.years.count)} ${pluriel(p.years.count, 'année de sortie', 'années de sortie')} : ${etAutres(p.years.items, p.years.more)}`,
          ]
        : []),
    ].join(' ; ');
    return `${p.dryRun ? 'Seraient créées' : 'Créées'} : ${quoi}.`;
  },
  'import.dry_run_done': "Essai à blanc : rien n'a été enregistré dans la base.",
  'import.rejected_rows': (p) =>
    `${n(p.count)} ${pluriel(p.count, 'ligne rejetée', 'lignes rejetées')} : voyez ${p.path} (corrigez-le et importez-le tel quel).`,
  'import.roster.joined_names': (p) =>
    `Les noms sont formés du prénom et du nom de famille, ${p.order === 'given-first' ? 'prénom' : 'nom de famille'} en premier (--name-order ${p.order === 'given-first' ? 'family-first' : 'given-first'} pour l'ordre inverse) : ${p.names.map((x) => `ligne ${x.line} ${q(x.name)}`).join(', ')}.`,

  // ---- Le registre des imports (users imports, orgs imports) ----
  'import.ledger.started_at': 'Début',
  'import.ledger.file': 'Fichier',
  'import.ledger.by': 'Par',
  'import.ledger.mode': 'Mode',
  'import.ledger.status': 'État',
  'import.ledger.read': 'Lues',
  'import.ledger.inserted': 'Ajoutées',
  'import.ledger.updated': 'Mises à jour',
  'import.ledger.unchanged': 'Inchangées',
  'import.ledger.skipped': 'Ignorées',
  'import.ledger.rejected': 'Rejetées',
  'import.ledger.id': 'Import',
  'import.ledger.status_running': 'en cours',
  'import.ledger.status_completed': 'terminé',
  'import.ledger.status_rolled_back': 'annulé',
  'import.ledger.status_failed': 'échoué',

  // ---- Aide des options d'import (src/cli/import-options.ts) et des commandes d'import ----
  'import.help.file': "le fichier CSV ou le classeur Excel (.xlsx), ou - pour l'entrée standard",
  'import.help.mode': (p) =>
    `upsert ajoute les nouvelles lignes et met à jour les connues (${p.known}), insert ignore les connues, update rejette les inconnues ; au choix`,
  'import.help.known_by_matricule': 'par matricule',
  'import.help.known_by_match': 'selon --match',
  'import.help.dry_run': 'tout vérifier, base comprise, et rendre compte ; ne rien enregistrer',
  'import.help.all_or_nothing': "ne rien enregistrer si une seule ligne n'est pas valide",
  'import.help.encoding': 'utf-8 ou windows-1252 (par défaut : détecté)',
  'import.help.delimiter': ', ; ou tab (par défaut : détecté)',
  'import.help.sheet': 'la feuille du classeur Excel à lire (par défaut : la première)',
  'import.help.map': (p) => `lire la colonne nommée Header comme le champ field (répétable) ; champs : ${p.fields.join(', ')}`,
  'import.help.ignore_column': 'écarter la colonne nommée Header, même si elle ressemble à un champ (répétable)',
  'import.help.rejects': 'où vont les lignes rejetées (par défaut : <nom du fichier>.rejects.csv ici)',
  'import.help.batch_size': 'lignes par transaction',
  'import.ledger.empty': 'Aucun import pour le moment.',
  'import.ledger.status_undone': 'annulé',

  // ---- Le contrôle des modifications (--max-changes, src/import/changes.ts) ----
  'import.changes.over_limit': (p) =>
    `Le fichier modifierait ${n(p.updated)} des ${n(p.matched)} ${p.kind === 'users' ? 'personnes' : 'organisations'} enregistrées qu'il retrouve (${pourcent(p.percent)}, plus que --max-changes ${p.limit} %) ; les colonnes les plus modifiées : ${colonnesModifiees(p.columns, p.columnsMore)}. ${p.dryRun ? "L'import s'arrêterait avant d'enregistrer quoi que ce soit" : "Rien n'a été enregistré"} ; vérifiez les colonnes du fichier, ou indiquez --max-changes 100 si c'est voulu.`,
  'import.help.max_changes':
    "s'arrêter avant d'enregistrer si le fichier modifierait plus de ce pourcentage des lignes enregistrées qu'il retrouve (par défaut : 50, pour un fichier qui en retrouve 100 ou plus ; 100 : aucun contrôle)",
  'import.summary.matched': 'Retrouvées',
  'import.summary.changes': 'Modifications',
  'import.summary.changes_value': (p) =>
    `${pourcent(p.percent)} des retrouvées${p.limit === null ? '' : ` (limite ${p.limit} %)`}${p.columns.length > 0 ? ` : ${colonnesModifiees(p.columns, p.columnsMore)}` : ''}`,
};
export default fr;
