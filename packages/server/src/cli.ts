#!/usr/bin/env node
// linli-server: starts the API, migrating on start and seeding an empty database (and, with
// --seed demo, keeping the demo bakery's menus current on every start).
//   linli-server --db ./linli.db --seed demo --port 8787 [--host 127.0.0.1] [--cors https://site.example]
//                [--rate-limit 60|off] [--trust-proxy]
// Storage is SQLite (--db), or PostgreSQL when DATABASE_URL is set. The admin key comes from
// LINLI_ADMIN_KEY and only its hash is kept in memory.
import { parseArgs } from "node:util";
import { hashAdminKey } from "./app.js";
import { seedDemo } from "./seed.js";
import { startServer } from "./serve.js";
import { createPostgresStorage } from "./storage/postgres/postgres.js";
import { createSqliteStorage } from "./storage/sqlite/sqlite.js";

const { values } = parseArgs({
  options: {
    db: { type: "string", default: "./linli.db" },
    seed: { type: "string" },
    port: { type: "string", default: "8787" },
    host: { type: "string", default: "127.0.0.1" },
    cors: { type: "string", multiple: true, default: [] },
    "rate-limit": { type: "string", default: "60" },
    // Behind a reverse proxy that appends X-Forwarded-For: rate-limit by its last address.
    "trust-proxy": { type: "boolean", default: false },
  },
});

const databaseUrl = process.env["DATABASE_URL"];
const storage = databaseUrl
  ? createPostgresStorage({ connectionString: databaseUrl })
  : createSqliteStorage({ filename: values.db });
const where = databaseUrl ? "PostgreSQL" : `SQLite ${values.db}`;
await storage.migrate();
if (values.seed === "demo") await seedDemo(storage, Date.now());
else if (values.seed !== undefined && values.seed !== "demo") {
  console.error(`linli-server: unknown --seed ${values.seed} (only "demo")`);
  process.exit(2);
}
// Request logs are gathered and written once per tick: stdout to a pipe is synchronous on
// Linux, and a write per request would cost a system call on every order.
let pending: string[] = [];
const logLine = (line: string) => {
  if (pending.length === 0) setImmediate(flushLogs);
  pending.push(line);
};
const flushLogs = () => {
  if (pending.length === 0) return;
  process.stdout.write(pending.join("\n") + "\n");
  pending = [];
};

const key = process.env["LINLI_ADMIN_KEY"];
const server = await startServer({
  storage,
  port: Number(values.port),
  hostname: values.host,
  corsOrigins: values.cors,
  // Public POSTs per client per minute; "off" for load tests on loopback.
  rateLimitPerMinute: values["rate-limit"] === "off" ? false : Number(values["rate-limit"]),
  trustProxy: values["trust-proxy"],
  adminKeyHashes: key ? [hashAdminKey(key)] : [],
  log: (entry) => logLine(JSON.stringify({ ts: new Date().toISOString(), ...entry })),
});
console.log(
  `Linli API on ${server.url} (${where})${key ? "" : "; admin routes disabled: set LINLI_ADMIN_KEY"}`,
);
const stop = async () => {
  flushLogs();
  await server.close();
  await storage.close();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
