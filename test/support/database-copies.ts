import pg from 'pg';

/**
 * Copies of a template database on the test server (CREATE DATABASE … TEMPLATE: a seeded
 * database in a few hundred milliseconds), named `<prefix>_<random>`; dropAll() drops
 * every copy made. `adminUrl` is the server's administrator URL (injected by the global
 * setup, hence a function: inject() answers only inside a test file's hooks).
 */
export function databaseCopies(adminUrl: () => string, prefix: string) {
  const created: string[] = [];
  const admin = async (work: (client: pg.Client) => Promise<unknown>): Promise<void> => {
    const client = new pg.Client({ connectionString: adminUrl() });
    await client.connect();
    try {
      await work(client);
    } finally {
      await client.end();
    }
  };
  return {
    async copy(template: string): Promise<string> {
      const name = `${prefix}_${Math.random().toString(36).slice(2, 12)}`;
      await admin((c) => c.query(`create database ${name} template ${template}`));
      created.push(name);
      return name;
    },
    async dropAll(): Promise<void> {
      await admin(async (c) => {
        for (const name of created) await c.query(`drop database if exists ${name} with (force)`);
      });
    },
  };
}
