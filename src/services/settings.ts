import type { Kysely } from 'kysely';
import { writeAs, type WriteSession } from '../db/session.js';
import type { DB } from '../db/schema.js';
import { NotFoundError, problem, UsageError } from '../errors.js';
import { SETTING_KEYS, SETTINGS, type SettingKey } from './setting-names.js';

/**
 * The platform's settings (table parametre): a text per key, who changed it last and
 * when. Writes go through writeAs, so the audit trigger names the administrator.
 */
export { SETTING_KEYS, SETTINGS, type SettingKey } from './setting-names.js';

/** One setting, as `settings list|get|set --json` print it: the table's own names. */
export interface Setting {
  cle: SettingKey;
  /** Null while it has never been set. */
  valeur: string | null;
  modifie_le: Date | null;
  /** utilisateur.id of the administrator who set it last (null: never set, or that account was deleted). */
  modifie_par: string | null;
  /** Their e-mail, else matricule, else name: who they are, for a person reading the list. */
  modifie_par_ref: string | null;
}

async function storedSettings(db: Kysely<DB>, keys: readonly SettingKey[]): Promise<Setting[]> {
  const rows = await db
    .selectFrom('parametre as p')
    .leftJoin('utilisateur as u', 'u.id', 'p.modifie_par')
    .select(['p.cle', 'p.valeur', 'p.modifie_le', 'p.modifie_par', 'u.email', 'u.matricule', 'u.nom_complet'])
    .where('p.cle', 'in', [...keys])
    .execute();
  return keys.map((cle) => {
    const row = rows.find((r) => r.cle === cle);
    return {
      cle,
      valeur: row?.valeur ?? null,
      modifie_le: row?.modifie_le ? new Date(row.modifie_le) : null,
      modifie_par: row?.modifie_par ?? null,
      modifie_par_ref: row ? (row.email ?? row.matricule ?? row.nom_complet ?? null) : null,
    };
  });
}

/** Every setting the tool knows, set or not, in a fixed order. */
export function listSettings(db: Kysely<DB>): Promise<Setting[]> {
  return storedSettings(db, SETTING_KEYS);
}

/** A setting's value, or null while it has never been set. */
export async function settingValue(db: Kysely<DB>, key: SettingKey): Promise<string | null> {
  return (await storedSettings(db, [key]))[0]!.valeur;
}

/** A setting that has been set; a NotFoundError (exit 4) while it has not. */
export async function getSetting(db: Kysely<DB>, key: SettingKey): Promise<Setting> {
  const [setting] = await storedSettings(db, [key]);
  if (setting!.valeur === null) throw new NotFoundError(problem('settings.not_set', { key }));
  return setting!;
}

/** The value as it is stored: spaces trimmed and runs of white space made one; one line, not empty, not too long. */
export function settingText(key: SettingKey, value: string): string {
  const text = value
    .replace(/\p{Cc}+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (text === '') throw new UsageError(problem('settings.empty', { key }));
  const { maxLength } = SETTINGS[key];
  if ([...text].length > maxLength) throw new UsageError(problem('settings.too_long', { key, max: maxLength }));
  return text;
}

/**
 * Sets a setting as `session`'s administrator (audited). The same value again changes
 * nothing (no audit entry, the date and author kept): `changed` says which happened.
 */
export async function setSetting(
  db: Kysely<DB>,
  session: WriteSession,
  key: SettingKey,
  value: string,
): Promise<{ setting: Setting; changed: boolean }> {
  const valeur = settingText(key, value);
  return writeAs(db, session, async (trx) => {
    const written = await trx
      .insertInto('parametre')
      .values({ cle: key, valeur, modifie_par: session.actorId })
      .onConflict((oc) =>
        oc
          .column('cle')
          .doUpdateSet((eb) => ({
            valeur: eb.ref('excluded.valeur'),
            modifie_par: eb.ref('excluded.modifie_par'),
            modifie_le: eb.fn('now'),
          }))
          .where('parametre.valeur', 'is distinct from', (eb) => eb.ref('excluded.valeur')),
      )
      .executeTakeFirst();
    const [setting] = await storedSettings(trx, [key]);
    return { setting: setting!, changed: Number(written.numInsertedOrUpdatedRows ?? 0n) > 0 };
  });
}
