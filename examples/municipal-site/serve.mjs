#!/usr/bin/env node
// The street office's demo site with its Linli API:
//   node serve.mjs [--port 8080] [--host 127.0.0.1] [--db .data/linli.db] [--fresh]
// The admin API is on when LINLI_ADMIN_KEY is set. Ctrl-C stops it and closes the database.
import { rmSync } from "node:fs";
import { parseArgs } from "node:util";
import { startSite } from "./server.mjs";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: process.env.PORT ?? "8080" },
    host: { type: "string", default: "127.0.0.1" },
    db: { type: "string", default: new URL("./.data/linli.db", import.meta.url).pathname },
    // Start from the demo data again: orders and applications placed so far are dropped. (Each
    // start adds the bakery's menus up to a week ahead, so today's is always there.)
    fresh: { type: "boolean", default: false },
  },
});

if (values.fresh) for (const s of ["", "-wal", "-shm"]) rmSync(values.db + s, { force: true });

const adminKey = process.env.LINLI_ADMIN_KEY;
let site;
try {
  site = await startSite({ port: Number(values.port), host: values.host, db: values.db, adminKey });
} catch (e) {
  if (e?.code === "EADDRINUSE") {
    console.error(`Port ${values.port} is taken: try --port 8081 (or PORT=8081).`);
    process.exit(1);
  }
  throw e;
}

console.log(`
  红房子 · Linli demo site:  ${site.url}/
  Linli API (same origin):   ${site.url}/api/v1/groups
  Database (SQLite):         ${values.db}
  Admin API:                 ${adminKey ? "on (Authorization: Bearer $LINLI_ADMIN_KEY)" : "off; set LINLI_ADMIN_KEY to turn it on"}

  Press Ctrl-C to stop.
`);

let stopping = false;
const stop = async (signal) => {
  if (stopping) return;
  stopping = true;
  await site.close();
  console.log(`Stopped (${signal}); database closed.`);
  process.exit(0);
};
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));
