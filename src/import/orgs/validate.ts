import type { CountryCode } from 'libphonenumber-js';
import type { StatutOrganisation, TypeOrganisation } from '../../db/schema.js';
import { STATUTS_ORGANISATION, TYPES_ORGANISATION, type OrgMatchKey } from '../../enums.js';
import { phone, rowCountry } from '../../phone.js';
import * as value from '../../values.js';
import { shortened } from '../../text.js';
import { FieldCells, type HeaderMapping } from '../headers.js';
import { unreadableRecord, type SourceRecord } from '../read.js';
import type { KeyDescription, KeyRules, RowKeys } from '../repeats.js';
import type { CheckedRow, ImportedRow } from '../rows.js';
import { ORG_FIELDS, type OrgField } from './headers.js';
import { reasonText, RowReasons } from '../reasons.js';
import { problem } from '../../errors.js';

/** A row ready to be written: every value normalised; null means "leave as stored". */
export interface OrgRow extends ImportedRow {
  /** The key the row is matched by, and its value as compared. */
  match: { by: OrgMatchKey; value: string };
  nom_organisation: string;
  type_organisation: TypeOrganisation | null;
  statut: StatutOrganisation | null;
  secteur_activite: string | null;
  adresse: string | null;
  ville: string | null;
  pays: string | null;
  site_web: string | null;
  email_general: string | null;
  telephone_general: string | null;
  description: string | null;
  date_creation: string | null;
}

// How partner lists write the types: French and English words for the schema's values.
const TYPE_WORDS: Record<string, TypeOrganisation> = {
  société: 'entreprise',
  company: 'entreprise',
  business: 'entreprise',
  ngo: 'ONG',
  'start-up': 'startup',
  'institution publique': 'institution_publique',
  'établissement public': 'institution_publique',
  administration: 'institution_publique',
  'public institution': 'institution_publique',
};

/** "https://www.orange.bj/fr" → "orange.bj", as alumni_admin.web_domain() computes it in the database. */
export function webDomain(address: string): string | null {
  const host = /^[a-zA-Z]+:\/\/([^/:?#]+)/.exec(address)?.[1];
  return host ? host.toLowerCase().replace(/^www\./, '') || null : null;
}

/** A name without case, accents or extra spaces: the "exact normalised name" the import matches. */
export function nameKey(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

export interface OrgCheckOptions {
  /** One key for every row, or (undefined) each row's first of website domain, general e-mail, name. */
  match?: OrgMatchKey;
  country?: CountryCode;
}

/** The per-row checks of a partner list; matching stored organisations is the writer's. */
export class OrgChecker implements KeyRules<OrgRow> {
  private readonly cells: FieldCells<OrgField>;

  constructor(
    mapping: HeaderMapping<OrgField>,
    private readonly headerLength: number,
    private readonly options: OrgCheckOptions,
  ) {
    this.cells = new FieldCells(mapping);
  }

  check(record: SourceRecord): CheckedRow<OrgRow> {
    const reject = (reason: string): CheckedRow<OrgRow> => ({ ok: false, rejected: { line: record.line, cells: record.cells, reason } });
    const unreadable = unreadableRecord(record, this.headerLength);
    if (unreadable) return reject(reasonText(unreadable));
    const cell = (field: OrgField) => this.cells.of(record.cells, field);
    // Every cell is checked even after one is refused: the reason lists all the problems.
    const reasons = new RowReasons();
    const nom = reasons.cell('nom_organisation', () => value.text(cell('nom_organisation'), 200, 'nom_organisation'));
    if (nom === null && !reasons.refusedCell('nom_organisation')) reasons.add(problem('import.value.empty', { field: 'nom_organisation' }));
    const data = {
      type_organisation: reasons.cell('type_organisation', () =>
        value.enumValue(cell('type_organisation'), TYPES_ORGANISATION, 'type_organisation', TYPE_WORDS),
      ),
      statut: reasons.cell('statut', () => value.enumValue(cell('statut'), STATUTS_ORGANISATION, 'statut')),
      secteur_activite: reasons.cell('secteur_activite', () => value.text(cell('secteur_activite'), 100, 'secteur_activite')),
      adresse: reasons.cell('adresse', () => value.text(cell('adresse'), 1000, 'adresse')),
      ville: reasons.cell('ville', () => value.text(cell('ville'), 100, 'ville')),
      pays: reasons.cell('pays', () => value.text(cell('pays'), 100, 'pays')),
      site_web: reasons.cell('site_web', () => value.url(cell('site_web'), 'site_web')),
      email_general: reasons.cell('email_general', () => value.email(cell('email_general'))),
      telephone_general: reasons.cell('telephone_general', () => phone(cell('telephone_general'), this.countryOf(cell('pays')))),
      description: reasons.cell('description', () => value.text(cell('description'), 10_000, 'description')),
      date_creation: reasons.cell('date_creation', () =>
        value.notAfterToday(value.spreadsheetDate(cell('date_creation'), 'date_creation'), 'date_creation'),
      ),
    };
    const row = { line: record.line, cells: record.cells, nom_organisation: nom ?? '', ...data };
    const match = this.matchOf(row);
    // A refused website or e-mail already says why there is no key to match on.
    if (!match && !reasons.refusedCell('site_web') && !reasons.refusedCell('email_general'))
      reasons.add(problem('import.orgs.no_match_key', { match: this.options.match ?? null }));
    if (reasons.any || !match) return reject(reasons.toString());
    return { ok: true, row: { ...row, match } };
  }

  /**
   * The default country of the row's national phone number: its Pays cell when that
   * names a country, else --country. Pays is the organisation's stored country, free
   * text: one no country matches is kept as written, not a reason.
   */
  private countryOf(pays: string | undefined): CountryCode | undefined {
    return value.orNull(() => rowCountry(pays, 'pays')) ?? this.options.country;
  }

  /** The key of the row: the one --match names, or the first the row has. */
  private matchOf(row: Pick<OrgRow, 'site_web' | 'email_general' | 'nom_organisation'>): OrgRow['match'] | null {
    const candidates: Array<[OrgMatchKey, string | null]> = [
      ['site-web', row.site_web === null ? null : webDomain(row.site_web)],
      ['email', row.email_general],
      ['nom', nameKey(row.nom_organisation)],
    ];
    for (const [by, key] of candidates) {
      if (this.options.match !== undefined && by !== this.options.match) continue;
      if (key !== null) return { by, value: key };
    }
    return null;
  }

  /** The row's key as check() would compute it, read from a record that may be invalid. */
  keys(record: SourceRecord): RowKeys {
    const cell = (field: OrgField) => this.cells.of(record.cells, field);
    const nom = value.orNull(() => value.text(cell('nom_organisation'), 200, 'nom_organisation'));
    const match = this.matchOf({
      nom_organisation: nom ?? '',
      site_web: value.orNull(() => value.url(cell('site_web'), 'site_web')),
      email_general: value.orNull(() => value.email(cell('email_general'))),
    });
    return { primary: match && match.value !== '' ? matchKey(match) : null, secondary: null };
  }

  rowKeys(row: OrgRow): RowKeys {
    return { primary: matchKey(row.match), secondary: null };
  }

  sameData(a: OrgRow, b: OrgRow): boolean {
    return ORG_FIELDS.every((field) => a[field] === b[field]);
  }

  describePrimary = (key: string): KeyDescription => {
    const at = key.indexOf(':');
    return { kind: key.slice(0, at) as OrgMatchKey, value: key.slice(at + 1) };
  };

  describeSecondary = (key: string): KeyDescription => ({ kind: 'email', value: key });
}

/** The key a row is matched by, as repeats compares it: `site-web:orange.bj`, `email:contact@orange.bj`, `nom:orange benin`. */
function matchKey(match: OrgRow['match']): string {
  return `${match.by}:${match.value}`;
}

/** What a reason says of the key a row was matched by ("website orange.bj", "e-mail contact@orange.bj", "name orange benin"). */
export function describeMatch(match: OrgRow['match']): KeyDescription {
  return { kind: match.by, value: shortened(match.value) };
}
