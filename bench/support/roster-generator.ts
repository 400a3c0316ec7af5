import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';

/**
 * Realistic rosters for the benchmarks: accented names, phones in mixed national and
 * international formats, fields spelled loosely, ~3% bad rows (broken e-mails, bad
 * phones). Alongside, the clean rows as the import stores them, for the COPY baseline.
 */
const FIRST = [
  'Zoé',
  'Adèle',
  'Kouamé',
  'Aïssatou',
  'Françoise',
  'Jérôme',
  'Mamadou',
  'Fatou',
  'Ibrahima',
  'Awa',
  'Moussa',
  'Mariétou',
  'Cheikh',
  'Ndèye',
  'Oumar',
  'Khadija',
  'Éric',
  'Hélène',
];
const LAST = [
  'Ndiaye',
  'Diop',
  'Fall',
  'Sow',
  'Ba',
  'Diallo',
  'Koné',
  'Traoré',
  'Kaboré',
  'Sall',
  'Mbaye',
  'Guèye',
  'Cissé',
  'Touré',
  "N'Diaye",
];
/** [as written in the file, as stored in domaine_reference] */
export const FIELDS: Array<[string, string]> = [
  ['Génie informatique', 'Génie informatique'],
  ['genie civil', 'Génie civil'],
  ['Électronique', 'Électronique'],
  ['TELECOMMUNICATIONS', 'Télécommunications'],
  ['Gestion', 'Gestion'],
  ['Mécanique', 'Mécanique'],
];
export const YEARS = Array.from({ length: 11 }, (_, i) => 2015 + i);
/** The clean file's columns, in order: the columns of `utilisateur` the import fills. */
export const CLEAN_COLUMNS = ['nom_complet', 'matricule', 'email', 'annee_sortie', 'telephone', 'domaine', 'travailleur'];
export const HEADER = 'Nom complet;Matricule;E-mail;Année de sortie;Téléphone;Filière;Travailleur';

export interface GeneratedRoster {
  rows: number;
  valid: number;
  /** Valid rows that the variant changed (0 without `variant`): what its import must update. */
  changed: number;
}

/**
 * Writes `rows` roster lines to `rosterPath` (and the valid ones, normalised, to
 * `cleanPath` as CSV for COPY). `variant` changes 10% of the rows (new phone, other
 * employment answer) to measure an import of a file that partly changed.
 */
export async function generateRoster(
  rows: number,
  rosterPath: string,
  cleanPath: string | null,
  variant = false,
): Promise<GeneratedRoster> {
  const roster = createWriteStream(rosterPath);
  const clean = cleanPath ? createWriteStream(cleanPath) : null;
  let rosterText = `${HEADER}\r\n`;
  let cleanText = '';
  let valid = 0;
  let changedValid = 0;
  for (let i = 0; i < rows; i += 1) {
    const changed = variant && i % 10 === 3;
    const first = FIRST[i % FIRST.length]!;
    const last = LAST[(i * 7) % LAST.length]!;
    const name = `${first} ${last}`;
    const matricule = `ETU-${String(i).padStart(7, '0')}`;
    const badEmail = i % 61 === 7;
    const badPhone = i % 67 === 11;
    const email = badEmail ? `${first}.at.${i}` : `${ascii(first)}.${ascii(last)}.${i}@exemple.sn`.toLowerCase();
    const digits = String((i * 7919 + (changed ? 13 : 0)) % 10_000_000).padStart(7, '0');
    const kind = i % 3;
    const phoneText = badPhone
      ? `12 ${digits.slice(0, 3)}`
      : kind === 0
        ? `77 ${digits.slice(0, 3)} ${digits.slice(3, 5)} ${digits.slice(5)}`
        : kind === 1
          ? `+221 76${digits}`
          : `00221 70 ${digits.slice(0, 3)} ${digits.slice(3)}`;
    const phone = kind === 0 ? `+22177${digits}` : kind === 1 ? `+22176${digits}` : `+22170${digits}`;
    const [fieldText, field] = FIELDS[i % FIELDS.length]!;
    const year = YEARS[i % YEARS.length]!;
    const working = changed ? i % 4 !== 0 : i % 4 === 0;
    rosterText += `${quote(name)};${matricule};${email};${year};${phoneText};${fieldText};${working ? 'oui' : 'non'}\r\n`;
    if (!badEmail && !badPhone) {
      valid += 1;
      if (changed) changedValid += 1;
      cleanText += `${quote(name, ',')},${matricule},${email},${year},${phone},${field},${working}\n`;
    }
    if (rosterText.length > 1 << 16) {
      if (!roster.write(rosterText)) await once(roster, 'drain');
      rosterText = '';
    }
    if (cleanText.length > 1 << 16) {
      if (clean && !clean.write(cleanText)) await once(clean, 'drain');
      cleanText = '';
    }
  }
  await finish(roster, rosterText);
  if (clean) await finish(clean, cleanText);
  return { rows, valid, changed: changedValid };
}

async function finish(stream: WriteStream, rest: string): Promise<void> {
  stream.end(rest);
  await once(stream, 'close');
}

function ascii(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z]/g, '');
}

function quote(text: string, delimiter = ';'): string {
  return text.includes(delimiter) || text.includes('"') ? `"${text.replace(/"/g, '""')}"` : text;
}
