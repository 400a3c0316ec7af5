import type { Kysely } from 'kysely';
import type { DB } from '../../src/db/schema.js';

/** Two moderators (m1@, m2@ecole.example, admins) and a member who submits items. */
export async function seedModerationUsers(db: Kysely<DB>): Promise<{ moderator1: string; moderator2: string; author: string }> {
  const users = await db
    .insertInto('utilisateur')
    .values([
      { nom_complet: 'Modératrice Une', matricule: 'MOD-1', email: 'm1@ecole.example', role: 'admin' },
      { nom_complet: 'Modérateur Deux', matricule: 'MOD-2', email: 'm2@ecole.example', role: 'admin' },
      { nom_complet: 'Awa Ndiaye', matricule: 'ETU-1', email: 'awa@exemple.sn' },
    ])
    .returning(['id', 'matricule'])
    .execute();
  const id = (matricule: string) => users.find((u) => u.matricule === matricule)!.id;
  return { moderator1: id('MOD-1'), moderator2: id('MOD-2'), author: id('ETU-1') };
}
