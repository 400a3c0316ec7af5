import { sql } from 'kysely';
import type { AnySchemaDb } from '../../src/db/migrator.js';

/**
 * A text dump of the schema objects the migrations own, from the catalogs (pg_dump is
 * not available for PGlite): enums, tables and columns, constraints, indexes, triggers,
 * functions, views, text search configurations. Objects that belong to an extension
 * and the migrator's own tables are left out. Sorted, so two dumps compare as text.
 */
export async function dumpSchema(db: AnySchemaDb): Promise<string[]> {
  const { rows } = await sql<{ line: string }>`
    with owned_ns as (
      select oid, nspname from pg_namespace where nspname in ('public', 'alumni_admin')
    ),
    from_extension as (
      select objid from pg_depend where deptype = 'e'
    )
    select line from (
      select 'type ' || t.typname || ' ' || string_agg(e.enumlabel, ',' order by e.enumsortorder) as line
        from pg_type t join owned_ns n on n.oid = t.typnamespace join pg_enum e on e.enumtypid = t.oid
       group by t.typname
      union all
      select 'relation ' || n.nspname || '.' || c.relname || ' ' || c.relkind::text
        from pg_class c join owned_ns n on n.oid = c.relnamespace
       where c.relkind in ('r', 'v', 'm', 'S') and c.relname not like 'kysely_migration%'
      union all
      select 'column ' || n.nspname || '.' || c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
             || case when a.attnotnull then ' not null' else '' end
             || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '')
             || case when a.attgenerated <> '' then ' generated' else '' end
        from pg_attribute a join pg_class c on c.oid = a.attrelid join owned_ns n on n.oid = c.relnamespace
        left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
       where a.attnum > 0 and not a.attisdropped and c.relkind in ('r', 'v', 'm')
         and c.relname not like 'kysely_migration%'
      union all
      select 'constraint ' || c.relname || ' ' || pg_get_constraintdef(k.oid)
        from pg_constraint k join pg_class c on c.oid = k.conrelid join owned_ns n on n.oid = c.relnamespace
       where c.relname not like 'kysely_migration%'
      union all
      select 'index ' || pg_get_indexdef(i.indexrelid)
        from pg_index i join pg_class c on c.oid = i.indrelid join owned_ns n on n.oid = c.relnamespace
       where c.relname not like 'kysely_migration%'
      union all
      select 'trigger ' || pg_get_triggerdef(g.oid)
        from pg_trigger g join pg_class c on c.oid = g.tgrelid join owned_ns n on n.oid = c.relnamespace
       where not g.tgisinternal
      union all
      select 'function ' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ') ' || md5(p.prosrc)
        from pg_proc p join owned_ns n on n.oid = p.pronamespace
       where p.oid not in (select objid from from_extension)
      union all
      select 'view ' || c.relname || ' ' || md5(pg_get_viewdef(c.oid))
        from pg_class c join owned_ns n on n.oid = c.relnamespace where c.relkind in ('v', 'm')
      union all
      select 'ts config ' || cfgname from pg_ts_config f join owned_ns n on n.oid = f.cfgnamespace
      union all
      select 'extension ' || extname from pg_extension
    ) objects
    order by line`.execute(db);
  return rows.map((r) => r.line);
}
