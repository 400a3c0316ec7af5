import type { CountryCode } from 'libphonenumber-js';
import type { RoleUtilisateur, StatutUtilisateur } from '../../db/schema.js';
import { FieldCells, type HeaderMapping } from '../headers.js';
import { unreadableRecord, type SourceRecord } from '../read.js';
import type { CheckedRow, ImportedRow } from '../rows.js';
import type { KeyDescription, KeyRules, RowKeys } from '../repeats.js';
import { phone, rowCountry } from '../../phone.js';
import * as value from '../../values.js';
import { problem } from '../../errors.js';
import { shortened } from '../../text.js';
import { fieldKey, likelyFields } from './field-match.js';
import { reasonText, RowReasons } from '../reasons.js';
import type { NameOrder, RosterField } from './headers.js';

/** A row ready to be written: every value normalised; null means "leave as stored". */
export interface ValidRow extends ImportedRow {
  matricule: string;
  nom_complet: string;
  email: string | null;
  annee_sortie: number | null;
  telephone: string | null;
  domaine: string | null;
  travailleur: boolean | null;
  titre: string | null;
  statut: StatutUtilisateur | null;
  role: RoleUtilisateur | null;
}

/** The reference tables, read once before the import. */
export interface References {
  /** annee → est_disponible */
  years: Map<number, boolean>;
  /** field name or alias (domaine_alias), without case, accents, spaces or punctuation → the field as stored */
  fields: Map<string, string>;
  /** The fields deactivated (est_actif false): no import may give them; those who have one keep it. */
  inactiveFields: Set<string>;
}

export interface CheckOptions {
  country?: CountryCode;
  nameOrder: NameOrder;
  createMissingReferences: boolean;
  /** Only a super_admin acting may give roles through a file. */
  mayGrantRoles: boolean;
}

/** A full name joined from its parts, and the line it comes from. */
export interface JoinedName {
  line: number;
  nom_complet: string;
}

const JOINED_NAMES_SHOWN = 5;

const DATA_FIELDS = ['nom_complet', 'email', 'annee_sortie', 'telephone', 'domaine', 'travailleur', 'titre', 'statut', 'role'] as const;

/**
 * The per-row checks that need no database round trip: values and references (read
 * once beforehand). Duplicates inside the file are repeats.ts's; checks against stored
 * users (an e-mail owned by another matricule, unknown matricules in update mode) are
 * the writer's.
 */
export class RowChecker implements KeyRules<ValidRow> {
  /** Years and fields to create first, with --create-missing-references. */
  readonly newYears = new Set<number>();
  readonly newFields = new Map<string, string>();
  /** The first names joined from prenom and nom, for the dry run to show (empty when the file gives nom_complet). */
  readonly joinedNames: JoinedName[] = [];
  private readonly cells: FieldCells<RosterField>;

  constructor(
    mapping: HeaderMapping<RosterField>,
    private readonly headerLength: number,
    private readonly references: References,
    private readonly options: CheckOptions,
  ) {
    this.cells = new FieldCells(mapping);
  }

  check(record: SourceRecord): CheckedRow<ValidRow> {
    const reject = (reason: string): CheckedRow<ValidRow> => ({ ok: false, rejected: { line: record.line, cells: record.cells, reason } });
    const unreadable = unreadableRecord(record, this.headerLength);
    if (unreadable) return reject(reasonText(unreadable));
    const cell = (field: RosterField) => this.cells.of(record.cells, field);
    // Every cell is checked even after one is refused: the reason lists all the problems.
    const reasons = new RowReasons();
    const nom = reasons.cell('nom_complet', () => this.fullName(cell));
    const matricule = reasons.cell('matricule', () => value.text(cell('matricule'), 50, 'matricule'));
    if (nom === null && !reasons.refusedCell('nom_complet')) {
      reasons.add(
        this.cells.has('nom_complet') ? problem('import.value.empty', { field: 'nom_complet' }) : problem('import.roster.name_parts_empty'),
      );
    }
    if (matricule === null && !reasons.refusedCell('matricule')) reasons.add(problem('import.value.empty', { field: 'matricule' }));
    // A Pays / Country / Indicatif column gives the row's own country for its phone.
    const country = reasons.cell('pays', () => rowCountry(cell('pays'), 'pays')) ?? this.options.country;
    const data = {
      email: reasons.cell('email', () => value.email(cell('email'))),
      annee_sortie: reasons.cell('annee_sortie', () => this.year(value.year(cell('annee_sortie')))),
      telephone: reasons.cell('telephone', () => phone(cell('telephone'), country)),
      domaine: reasons.cell('domaine', () => this.field(value.text(cell('domaine'), 100, 'domaine'))),
      travailleur: reasons.cell('travailleur', () => value.employment(cell('travailleur'))),
      titre: reasons.cell('titre', () => value.text(cell('titre'), 100, 'titre')),
      statut: reasons.cell('statut', () => value.statut(cell('statut'))),
      role: reasons.cell('role', () => value.role(cell('role'))),
    };
    if (data.role !== null && data.role !== 'user' && !this.options.mayGrantRoles) {
      reasons.add(problem('import.roster.role_needs_super_admin', { role: data.role }));
    }
    if (reasons.any || nom === null || matricule === null) return reject(reasons.toString());
    const row: ValidRow = { line: record.line, cells: record.cells, matricule, nom_complet: nom, ...data };
    if (!this.cells.has('nom_complet') && this.joinedNames.length < JOINED_NAMES_SHOWN)
      this.joinedNames.push({ line: row.line, nom_complet: row.nom_complet });
    return { ok: true, row };
  }

  /**
   * The record's matricule (the person) and e-mail normalised as check() stores them, or
   * null where a cell is empty or unusable: the same key whether the row is valid or not.
   */
  keys(record: SourceRecord): RowKeys {
    return {
      primary: value.orNull(() => value.text(this.cells.of(record.cells, 'matricule'), 50, 'matricule')),
      secondary: value.orNull(() => value.email(this.cells.of(record.cells, 'email'))),
    };
  }

  describePrimary = (matricule: string): KeyDescription => ({ kind: 'matricule', value: matricule });
  describeSecondary = (email: string): KeyDescription => ({ kind: 'email', value: email });

  rowKeys(row: ValidRow): RowKeys {
    return { primary: row.matricule, secondary: row.email };
  }

  /** The same values once normalised (a phone written two ways is the same phone). */
  sameData(a: ValidRow, b: ValidRow): boolean {
    return DATA_FIELDS.every((field) => a[field] === b[field]);
  }

  /**
   * nom_complet, or the given and family names joined in the chosen order, each as
   * written (a family name in capitals stays so: `Awa DIOP`). One part alone is the name.
   */
  private fullName(cell: (field: RosterField) => string | undefined): string | null {
    if (this.cells.has('nom_complet')) return value.text(cell('nom_complet'), 200, 'nom_complet');
    const given = value.text(cell('prenom'), 200, 'prenom');
    const family = value.text(cell('nom'), 200, 'nom');
    const parts = (this.options.nameOrder === 'given-first' ? [given, family] : [family, given]).filter((part) => part !== null);
    return parts.length === 0 ? null : value.text(parts.join(' '), 200, 'nom_complet');
  }

  private year(annee: number | null): number | null {
    if (annee === null) return null;
    const available = this.references.years.get(annee);
    if (available === false) throw new value.CellError(problem('import.roster.year_closed', { year: annee }));
    if (available === undefined) {
      if (!this.options.createMissingReferences) throw new value.CellError(problem('import.roster.year_unknown', { year: annee }));
      this.newYears.add(annee);
    }
    return annee;
  }

  private field(name: string | null): string | null {
    if (name === null) return null;
    const key = this.fieldKey(name);
    const stored = this.references.fields.get(key) ?? this.newFields.get(key);
    if (stored !== undefined) {
      if (this.references.inactiveFields.has(stored)) {
        throw new value.CellError(problem('import.roster.field_inactive', { name: shortened(stored) }));
      }
      return stored;
    }
    // A near miss of a stored field is never created, even when asked: a second spelling
    // would split the field's statistics in two. An alias maps it instead.
    const likely = this.likelyFields(key, name);
    if (likely.length > 0) {
      throw new value.CellError(problem('import.roster.field_near', { name: shortened(name), likely: likely.map((f) => shortened(f)) }));
    }
    if (!this.options.createMissingReferences) throw new value.CellError(problem('import.roster.field_unknown', { name: shortened(name) }));
    this.newFields.set(key, name);
    return name;
  }

  private activeFields?: string[];
  private readonly likelyByKey = new Map<string, string[]>();
  private likelyFields(key: string, name: string): string[] {
    let likely = this.likelyByKey.get(key);
    if (likely === undefined) {
      this.activeFields ??= [...new Set(this.references.fields.values())].filter((f) => !this.references.inactiveFields.has(f));
      likely = likelyFields(name, this.activeFields);
      if (this.likelyByKey.size < 10_000) this.likelyByKey.set(key, likely);
    }
    return likely;
  }

  // A roster spells a handful of fields over and over: each spelling is normalised once.
  private readonly fieldKeys = new Map<string, string>();
  private fieldKey(name: string): string {
    let key = this.fieldKeys.get(name);
    if (key === undefined) {
      key = fieldKey(name);
      if (this.fieldKeys.size < 10_000) this.fieldKeys.set(name, key);
    }
    return key;
  }
}
