import { UsageError } from '../errors.js';

/** The utilisateur columns a roster can fill. */
export const IMPORT_FIELDS = [
  'nom_complet',
  'matricule',
  'email',
  'annee_sortie',
  'telephone',
  'domaine',
  'travailleur',
  'titre',
  'statut',
  'role',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const REQUIRED_FIELDS: ImportField[] = ['nom_complet', 'matricule'];

/** Columns a rejects file adds; re-importing that file ignores them. */
export const REJECT_COLUMNS = ['line', 'reason'] as const;

/** Lower-case, no accents, no spaces or punctuation: "Année de sortie" → "anneedesortie". */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

// Common French and English names for each field, as registrars' spreadsheets spell them.
const ALIASES: Record<ImportField, string[]> = {
  nom_complet: [
    'nom_complet',
    'nom complet',
    'nom',
    'nom et prénom',
    'nom et prénoms',
    'prénom et nom',
    'nom prénom',
    'name',
    'full name',
    'fullname',
    'student name',
    'étudiant',
    'diplômé',
  ],
  matricule: [
    'matricule',
    'numéro matricule',
    'n° matricule',
    'no matricule',
    'numéro étudiant',
    'n° étudiant',
    'student id',
    'student number',
    'id étudiant',
    'identifiant',
  ],
  email: ['email', 'e-mail', 'mail', 'courriel', 'adresse e-mail', 'adresse email', 'adresse mail', 'email address'],
  annee_sortie: [
    'annee_sortie',
    'année de sortie',
    'année sortie',
    'promotion',
    'promo',
    'année de diplôme',
    'année diplôme',
    'année de diplomation',
    'graduation year',
    'year of graduation',
    'class of',
    'année',
  ],
  telephone: ['telephone', 'téléphone', 'tél', 'tel', 'portable', 'mobile', 'numéro de téléphone', 'phone', 'phone number', 'cell'],
  domaine: [
    'domaine',
    'filière',
    'filiere',
    'spécialité',
    'specialite',
    'département',
    'field',
    'major',
    'field of study',
    'programme',
    'program',
  ],
  travailleur: ['travailleur', 'en emploi', 'employé', 'emploi', 'travaille', 'a un emploi', 'employed', 'working', 'has job'],
  titre: ['titre', 'civilité', 'title'],
  statut: ['statut', 'status', 'profil'],
  role: ['role', 'rôle'],
};

const ALIAS_INDEX = new Map<string, ImportField>(
  Object.entries(ALIASES).flatMap(([field, names]) => names.map((name) => [normaliseHeader(name), field as ImportField])),
);

export interface HeaderMapping {
  /** For each input column, the field it fills, or null when it is ignored. */
  fieldByColumn: Array<ImportField | null>;
  /** Input headers matching no field (reported, not fatal). */
  unknown: string[];
}

/**
 * Maps the file's header to fields. `overrides` come from `--map 'Header=field'` and win.
 * A required field without a column, or two columns for one field, make the file
 * unusable (exit 2, nothing written).
 */
export function mapHeaders(headers: string[], overrides: Record<string, string> = {}): HeaderMapping {
  const overrideIndex = new Map<string, ImportField>();
  for (const [header, field] of Object.entries(overrides)) {
    if (!(IMPORT_FIELDS as readonly string[]).includes(field)) {
      throw new UsageError(`--map "${header}=${field}": "${field}" is not a field; use one of ${IMPORT_FIELDS.join(', ')}.`);
    }
    overrideIndex.set(normaliseHeader(header), field as ImportField);
  }
  const fieldByColumn: Array<ImportField | null> = [];
  const unknown: string[] = [];
  const seen = new Map<ImportField, string>();
  for (const header of headers) {
    const key = normaliseHeader(header);
    const field = overrideIndex.get(key) ?? ALIAS_INDEX.get(key) ?? null;
    if (field === null) {
      if (!(REJECT_COLUMNS as readonly string[]).includes(key) && key !== '') unknown.push(header);
      fieldByColumn.push(null);
      continue;
    }
    const previous = seen.get(field);
    if (previous !== undefined) {
      throw new UsageError(
        `Columns "${previous}" and "${header}" both give ${field}; keep one, or say which with --map '${header}=<field>'.`,
      );
    }
    seen.set(field, header);
    fieldByColumn.push(field);
  }
  for (const overridden of overrideIndex.keys()) {
    if (!headers.some((h) => normaliseHeader(h) === overridden)) {
      throw new UsageError(`--map names a column "${overridden}" that the file does not have.`);
    }
  }
  const missing = REQUIRED_FIELDS.filter((field) => !seen.has(field));
  if (missing.length > 0) {
    throw new UsageError(
      `The file has no column for ${missing.join(' and ')} (its columns: ${headers.join(', ') || 'none'}); name one with --map 'Header=${missing[0]}'.`,
    );
  }
  return { fieldByColumn, unknown };
}
