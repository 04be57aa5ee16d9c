import { createClient } from "@linli/client";
import { storeContract } from "../../client/test/contract-suite.js";
import { createSqliteStorage, demoSeed, startServer } from "../src/index.js";

// The same contract suite the embedded store passes, through the HTTP client, against this
// server over real HTTP on 127.0.0.1 with SQLite. The suite's clock is the server's clock.
storeContract("server over HTTP (SQLite)", async ({ now }) => {
  const storage = createSqliteStorage({ filename: ":memory:" });
  await storage.migrate();
  const seed = demoSeed(now());
  // The embedded store's default data: today's and tomorrow's bakery menus.
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
