import type { Kysely, Updateable } from 'kysely';
import type { DB, Groupe, TypeGroupe } from '../db/schema.js';
import { writeAs, type WriteSession } from '../db/session.js';
import { problem, UsageError } from '../errors.js';
import * as value from '../values.js';
import { groupById, type GroupView } from './groups.js';
import { resolveRef } from './refs.js';

/**
 * What `groups add` and `groups update` take. Undefined leaves a field alone; an empty
 * description clears it; max_membres null means no limit.
 */
export interface GroupInput {
  nom_groupe?: string;
  type_groupe?: TypeGroupe;
  description?: string;
  max_membres?: number | null;
}

type GroupValues = Updateable<Groupe>;

function toValues(input: GroupInput): GroupValues {
  let emptyName = false;
  const values = value.checkedValues(() => {
    const values: GroupValues = {};
    if (input.nom_groupe !== undefined) {
      const name = value.text(input.nom_groupe, 100, 'nom_groupe');
      if (name === null) emptyName = true;
      else values.nom_groupe = name;
    }
    if (input.type_groupe !== undefined) values.type_groupe = input.type_groupe;
    if (input.description !== undefined) values.description = value.text(input.description, 10_000, 'description');
    if (input.max_membres !== undefined) values.max_membres = input.max_membres;
    return values;
  });
  if (emptyName) throw new UsageError(problem('groups.name_empty'));
  return values;
}

/**
 * Adds a group. Made by an administrator, it needs no moderation: valid at once, with
 * the administrator as its creator (not as a member). A name taken already, in any case
 * or accents, is refused by the database's unique indexes (exit 2).
 */
export async function addGroup(db: Kysely<DB>, session: WriteSession, input: GroupInput): Promise<GroupView> {
  const values = toValues(input);
  if (!values.nom_groupe) throw new UsageError(problem('groups.name_required', { field: 'nom_groupe' }));
  return writeAs(db, session, async (trx) => {
    const { id } = await trx
      .insertInto('groupe')
      .values({ ...values, nom_groupe: values.nom_groupe!, est_valide: true, createur_id: session.actorId })
      .returning('id')
      .executeTakeFirstOrThrow();
    return groupById(trx, id);
  });
}

/**
 * Changes what is given; a value equal to the stored one writes nothing. A max_membres
 * below the active members is refused (exit 2): the group's row is locked first, as
 * additions lock it, so the count cannot change before the update.
 */
export async function updateGroup(
  db: Kysely<DB>,
  session: WriteSession,
  ref: string,
  input: GroupInput,
): Promise<{ group: GroupView; changed: boolean }> {
  const values = toValues(input);
  if (Object.keys(values).length === 0) throw new UsageError(problem('groups.nothing_to_update'));
  const { id } = await resolveRef(db, 'groupe', ref);
  return writeAs(db, session, async (trx) => {
    await trx.selectFrom('groupe').select('id').where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    const stored = await groupById(trx, id);
    const differs = Object.entries(values).some(([key, v]) => stored[key as keyof GroupView] !== v);
    if (!differs) return { group: stored, changed: false };
    const max = values.max_membres;
    if (typeof max === 'number' && max < stored.membres_actifs) {
      throw new UsageError(
        problem('groups.max_below_members', { group: stored.nom_groupe, members: stored.membres_actifs, max, field: 'max_membres' }),
      );
    }
    await trx.updateTable('groupe').set(values).where('id', '=', id).execute();
    return { group: await groupById(trx, id), changed: true };
  });
}
