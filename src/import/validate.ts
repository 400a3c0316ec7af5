import type { CountryCode } from 'libphonenumber-js';
import type { RoleUtilisateur, StatutUtilisateur } from '../db/schema.js';
import { normaliseHeader, type HeaderMapping, type ImportField } from './headers.js';
import type { SourceRecord } from './read.js';
import { phone } from '../phone.js';
import * as value from '../values.js';

/** A row ready to be written: every value normalised; null means "leave as stored". */
export interface ValidRow {
  line: number;
  cells: string[];
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

export interface RejectedRow {
  line: number;
  cells: string[];
  reason: string;
}

export type CheckedRow = { ok: true; row: ValidRow } | { ok: false; rejected: RejectedRow };

/** The reference tables, read once before the import. */
export interface References {
  /** annee → est_disponible */
  years: Map<number, boolean>;
  /** field name without case or accents → the name as stored */
  fields: Map<string, string>;
}

export interface CheckOptions {
  country?: CountryCode;
  createMissingReferences: boolean;
  /** Only a super_admin acting may give roles through a file. */
  mayGrantRoles: boolean;
}

/** The keys that must be unique inside a file, as a row would store them. */
export interface RowKeys {
  matricule: string | null;
  email: string | null;
}

/**
 * The per-row checks that need no database round trip: values and references (read
 * once beforehand). Duplicates inside the file are repeats.ts's; checks against stored
 * users (an e-mail owned by another matricule, unknown matricules in update mode) are
 * the writer's.
 */
export class RowChecker {
  /** Years and fields to create first, with --create-missing-references. */
  readonly newYears = new Set<number>();
  readonly newFields = new Map<string, string>();
  private readonly columnOf: Partial<Record<ImportField, number>> = {};

  constructor(
    private readonly mapping: HeaderMapping,
    private readonly headerLength: number,
    private readonly references: References,
    private readonly options: CheckOptions,
  ) {
    mapping.fieldByColumn.forEach((field, column) => {
      if (field) this.columnOf[field] = column;
    });
  }

  check(record: SourceRecord): CheckedRow {
    const reject = (reason: string): CheckedRow => ({ ok: false, rejected: { line: record.line, cells: record.cells, reason } });
    if (record.malformed) return reject(`not readable as CSV: ${record.malformed}`);
    const extra = record.cells.slice(this.headerLength).filter((cell) => cell.trim() !== '');
    if (extra.length > 0) {
      return reject(`${record.cells.length} cells where the header has ${this.headerLength}`);
    }
    if (record.cells.some((cell) => cell.includes('\uFFFD'))) {
      return reject('holds bytes that are not valid UTF-8 (use --encoding windows-1252 if the file is not UTF-8)');
    }
    const cell = (field: ImportField) => this.cell(record, field);
    let row: ValidRow;
    try {
      const nom = value.text(cell('nom_complet'), 200, 'nom_complet');
      const matricule = value.text(cell('matricule'), 50, 'matricule');
      if (nom === null) return reject('nom_complet is empty');
      if (matricule === null) return reject('matricule is empty');
      row = {
        line: record.line,
        cells: record.cells,
        matricule,
        nom_complet: nom,
        email: value.email(cell('email')),
        annee_sortie: this.year(value.year(cell('annee_sortie'))),
        telephone: phone(cell('telephone'), this.options.country),
        domaine: this.field(value.text(cell('domaine'), 100, 'domaine')),
        travailleur: value.yesNo(cell('travailleur'), 'travailleur'),
        titre: value.text(cell('titre'), 100, 'titre'),
        statut: value.statut(cell('statut')),
        role: value.role(cell('role')),
      };
    } catch (error) {
      if (error instanceof value.CellError) return reject(error.message);
      throw error;
    }
    if (row.role !== null && row.role !== 'user' && !this.options.mayGrantRoles) {
      return reject(`role "${row.role}" can only be given by a super_admin`);
    }
    return { ok: true, row };
  }

  /**
   * The record's matricule and e-mail normalised as check() stores them, or null where a
   * cell is empty or unusable: the same key whether the row is valid or not.
   */
  keys(record: SourceRecord): RowKeys {
    const attempt = (parse: () => string | null) => {
      try {
        return parse();
      } catch (error) {
        if (error instanceof value.CellError) return null;
        throw error;
      }
    };
    return {
      matricule: attempt(() => value.text(this.cell(record, 'matricule'), 50, 'matricule')),
      email: attempt(() => value.email(this.cell(record, 'email'))),
    };
  }

  private cell(record: SourceRecord, field: ImportField): string | undefined {
    const column = this.columnOf[field];
    return column === undefined ? undefined : record.cells[column];
  }

  private year(annee: number | null): number | null {
    if (annee === null) return null;
    const available = this.references.years.get(annee);
    if (available === false) throw new value.CellError(`graduation year ${annee} is closed in annee_reference`);
    if (available === undefined) {
      if (!this.options.createMissingReferences) {
        throw new value.CellError(`graduation year ${annee} is not in annee_reference (add it, or use --create-missing-references)`);
      }
      this.newYears.add(annee);
    }
    return annee;
  }

  private field(name: string | null): string | null {
    if (name === null) return null;
    const key = normaliseHeader(name);
    const stored = this.references.fields.get(key) ?? this.newFields.get(key);
    if (stored !== undefined) return stored;
    if (!this.options.createMissingReferences) {
      throw new value.CellError(`field "${name}" is not in domaine_reference (add it, or use --create-missing-references)`);
    }
    this.newFields.set(key, name);
    return name;
  }
}
