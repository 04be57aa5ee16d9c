import { createClient } from "@linli/client";
import { describe } from "vitest";
import { storeContract } from "../../client/test/contract-suite.js";
import { demoSeed, startServer } from "../src/index.js";
import { DATABASE_URL, freshPostgres } from "./postgres.js";

describe.runIf(DATABASE_URL)("PostgreSQL", () => {
  storeContract("server over HTTP (PostgreSQL)", async ({ now }) => {
    const storage = await freshPostgres();
    await storage.migrate();
    const seed = demoSeed(now());
    await storage.seed({
      ...seed,
      menus: seed.menus.slice(1, 3),
      ledger: [],
      sessions: [],
      requests: [],
    });
    const server = await startServer({ storage, port: 0, now, rateLimitPerMinute: false });
    return {
      store: createClient({ baseUrl: server.url, retries: 0 }),
      close: async () => {
        await server.close();
        await storage.close();
      },
    };
  });
});
