import type en from '../en/common.js';
import type { FsReason, OutputRefusal } from '../en/common.js';
import type { DurationHint } from '../../durations.js';
import { formatsFor } from '../format.js';

const n = (value: number) => formatsFor('fr').integer(value);
const q = (value: string) => `« ${value} »`;

const fsReason = (r: FsReason): string =>
  ({
    ENOENT: 'fichier introuvable',
    EACCES: 'permission refusée',
    EPERM: 'permission refusée',
    EISDIR: "c'est un dossier",
    ENOTDIR: "une partie du chemin n'est pas un dossier",
    EROFS: 'le système de fichiers est en lecture seule',
    ENOSPC: 'le disque est plein',
    EDQUOT: 'le quota disque est épuisé',
    EFBIG: 'le fichier dépasserait la taille que ce processus peut écrire',
    EIO: "erreur d'entrée-sortie (un disque défaillant ?)",
  })[r.code ?? ''] ?? r.message;

const refusal = (r: OutputRefusal): string => {
  switch (r.kind) {
    case 'directory':
      return "c'est un dossier";
    case 'not_regular':
      return "ce n'est pas un fichier ordinaire (un périphérique, un tube ou une socket)";
    case 'same':
      return `c'est ${r.same}`;
    case 'no_folder':
      return `son dossier ${r.folder} n'existe pas`;
    case 'dangling_link':
      return "c'est un lien symbolique vers un fichier qui n'existe pas";
    case 'fs':
      return fsReason(r.reason);
  }
};

const DURATION_FORMS = 'un nombre entier suivi de min, h, d, w, mo ou y (90min, 12h, 7d, 2w, 6mo, 1y)';

const durationHint = (hint: DurationHint | null, max: number): string => {
  switch (hint) {
    case 'offset':
      return ' ; un décalage horaire ne dépasse pas 14 heures (de -12:00 à +14:00)';
    case 'calendar':
      return " ; cette date ou cette heure n'existe pas (années à partir de 1000, jours de chaque mois, heures jusqu'à 23:59:59)";
    case 'ambiguous_m':
      return ' ; « m » est ambigu : écrivez min (minutes) ou mo (mois)';
    case 'too_long':
      return ` ; ${n(max)} ans au plus`;
    default:
      return '';
  }
};

/** Les messages français du domaine common : mêmes clés et mêmes paramètres que en/common.ts. */
const fr: typeof en = {
  'common.option.whole_number': (p) => `${p.flag} ${q(p.value)} : indiquez un nombre entier de ${n(p.min)} à ${n(p.max)}.`,
  'common.option.year': (p) => `${p.flag} ${q(p.value)} : indiquez une année, par exemple 2024.`,
  'common.option.enum': (p) =>
    p.values.length > 1
      ? `${p.flag} ${q(p.value)} : choisissez parmi ${p.values.join(', ')}.`
      : `${p.flag} ${q(p.value)} : la seule valeur possible est ${p.values[0]}.`,
  'common.option.yes_no': (p) => `${p.flag} ${q(p.value)} : répondez par oui/non, yes/no, true/false ou 1/0.`,
  'common.option.country': (p) => `${p.flag} ${q(p.value)} : indiquez un code pays à deux lettres, par exemple SN, CI ou BJ.`,
  'common.option.date': (p) => `${p.flag} ${q(p.value)} n'est pas une date (AAAA-MM-JJ).`,
  'common.option.future_date': (p) => `${p.flag} ${q(p.value)} est dans le futur (nous sommes le ${p.today}).`,
  'common.option.duration': (p) => `${p.flag} ${q(p.value)} : indiquez une durée, ${DURATION_FORMS}${durationHint(p.hint, p.max)}.`,
  'common.option.point_in_time': (p) =>
    `${p.flag} ${q(p.value)} : indiquez une date (2026-01-31, 2026-01-31T08:00, 2026-01-31T08:00+01:00) ou une durée comptée à rebours depuis maintenant, ${DURATION_FORMS}${durationHint(p.hint, p.max)}.`,

  'common.option.enum_description': (p) => `${p.description} : ${p.values}`,
  'common.option.yes_no_description': (p) => `${p.description} (oui/non)`,
  'common.option.date_description': (p) => `${p.description} (AAAA-MM-JJ)`,
  'common.option.past_date_description': (p) => `${p.description} (AAAA-MM-JJ, aujourd'hui ou avant)`,
  'common.option.limit': 'combien de lignes',
  'common.option.after': 'la page qui suit ce curseur (affiché par la page précédente)',
  'common.option.csv': 'du CSV sur la sortie standard',
  'common.option.since': 'depuis',
  'common.option.since_description': (p) =>
    `${p.what} : une date (2026-01-31) ou une durée comptée à rebours depuis maintenant (90min, 12h, 7d, 2w, 6mo, 1y)`,
  'common.option.until': 'avant',
  'common.option.until_description': (p) => `${p.what} : une date ou une durée comptée à rebours depuis maintenant`,
  'common.option.within_description': (p) => `${p.description} (90min, 12h, 7d, 2w, 6mo, 1y)`,
  'common.option.country_description': 'pays par défaut des numéros de téléphone sans +, par exemple SN',
  'common.option.yes': "le faire sans demander confirmation (obligatoire hors d'un terminal)",
  'common.option.dry_run': 'tout vérifier et dire ce qui changerait, sans rien écrire',

  'common.fs.reason': (p) => fsReason(p),
  'common.output_file.empty': (p) => `Le chemin de ${p.what} est vide ; indiquez un nom de fichier avec ${p.flag}.`,
  'common.output_file.refused': (p) =>
    `Impossible d'écrire ${p.what} ${p.path} : ${refusal(p.refusal)} ; choisissez-en un autre avec ${p.flag}.`,
  'common.output_file.names_directory': (p) =>
    `Impossible d'écrire ${p.what} ${p.path} : ce chemin désigne un dossier ; indiquez un nom de fichier avec ${p.flag}.`,
  'common.output_file.write_failed': (p) => `Impossible d'écrire ${p.what} ${p.path} : ${fsReason(p.reason)} ; rien n'a été écrit.`,

  'common.interrupted': (p) => `Interrompu par ${p.signal}.`,
};
export default fr;
