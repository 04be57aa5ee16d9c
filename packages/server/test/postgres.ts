import { randomBytes } from "node:crypto";
import pg from "pg";
import { createPostgresStorage, type LinliStorage } from "../src/index.js";

/**
 * The PostgreSQL to test against: `DATABASE_URL`. Outside CI the PostgreSQL tests are skipped
 * (and say so) when it is not set; in CI its absence is an error, so they cannot be skipped
 * silently.
 */
export const DATABASE_URL = process.env["DATABASE_URL"] || undefined; // an empty value means none
if (!DATABASE_URL) {
  if (process.env["CI"])
    throw new Error("CI must provide DATABASE_URL for the PostgreSQL tests (.ci/run starts one)");
  console.warn(
    "PostgreSQL tests skipped: no DATABASE_URL (see TOOLCHAIN notes in the README to start one on loopback).",
  );
}

/** A storage in a fresh schema of its own, dropped again on close. */
export async function freshPostgres(): Promise<LinliStorage & { readonly schema: string }> {
  const schema = `linli_t_${randomBytes(6).toString("hex")}`;
  const storage = createPostgresStorage({ connectionString: DATABASE_URL!, schema, max: 8 });
  const close = storage.close.bind(storage);
  return Object.assign(storage, {
    schema,
    async close() {
      await close();
      const c = new pg.Client({ connectionString: DATABASE_URL! });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await c.end();
    },
  });
}
