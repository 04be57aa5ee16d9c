import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startCheckpointer } from "../src/storage/sqlite/checkpointer.js";
import { createApp, createSqliteStorage, demoSeed } from "../src/index.js";
import { hotMenu, orderFor } from "./helpers.js";

const dir = mkdtempSync(join(tmpdir(), "linli-checkpoint-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the WAL checkpointer", () => {
  it("copies committed orders into the database file from its own thread", async () => {
    const file = join(dir, "linli.db");
    const storage = createSqliteStorage({ filename: file });
    await storage.migrate();
    await storage.seed(demoSeed(Date.parse("2026-12-01T08:30:00+08:00")));
    await storage.putMenu(hotMenu(1000));
    const app = createApp({ storage, rateLimitPerMinute: false });
    // Until a checkpoint, commits only grow the WAL; SQLite's own checkpoint waits for
    // 10,000 pages, far more than these orders take.
    const before = statSync(file).size;
    for (let i = 0; i < 200; i++) {
      const r = await app.request("/v1/orders", {
        method: "POST",
        headers: { "content-type": "application/json", "idempotency-key": `checkpoint-${i}` },
        body: JSON.stringify(orderFor("hot-menu", i)),
      });
      expect(r.status).toBe(201);
    }
    await expect.poll(() => statSync(file).size, { timeout: 5000 }).toBeGreaterThan(before);
    await storage.close();
  });

  it("copies writes made outside the group commit too, within seconds", async () => {
    const file = join(dir, "admin.db");
    const storage = createSqliteStorage({ filename: file });
    await storage.migrate();
    const before = statSync(file).size;
    // An admin publishing menus: each write commits on its own, without the worker's flag.
    for (let i = 0; i < 200; i++) await storage.putMenu(hotMenu(10, `menu-${i}`));
    await expect.poll(() => statSync(file).size, { timeout: 15_000 }).toBeGreaterThan(before);
    await storage.close();
  });

  it("reports a worker that cannot start instead of taking the server down", async () => {
    let failure: unknown;
    let checkpointer: ReturnType<typeof startCheckpointer> | undefined;
    const failed = new Promise<void>((resolve) => {
      checkpointer = startCheckpointer(join(dir, "no-such-folder", "linli.db"), (e) => {
        failure = e;
        resolve();
      });
    });
    await failed;
    await checkpointer!.close(); // nothing to wait for: it has stopped
    expect(String(failure)).toMatch(/directory does not exist|unable to open/i);
  });
});
