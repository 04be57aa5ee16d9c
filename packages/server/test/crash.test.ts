import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { hotMenu, orderFor, post } from "./helpers.js";

// The built CLI, as a user runs it: `pnpm test` builds before testing.
const cli = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "linli-crash-"));
const db = join(dir, "linli.db");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function start(): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, "--db", db, "--seed", "demo", "--port", "0"], {
      // SQLite: the crash test is about the embedded default's file surviving a SIGKILL.
      env: { ...process.env, DATABASE_URL: "", LINLI_ADMIN_KEY: "crash-key" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const m = /Linli API on (http:\/\/[\d.]+:\d+)/.exec(out);
      if (m) resolve({ child, url: m[1]! });
    });
    child.stderr!.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("exit", (code) => reject(new Error(`server exited (${code}): ${out}`)));
  });
}

describe("a crash during a burst of orders", () => {
  it("keeps every order that was acknowledged with 201", async () => {
    const first = await start();
    const put = await fetch(`${first.url}/v1/admin/menus/hot-menu`, {
      method: "PUT",
      headers: { "content-type": "application/json", authorization: "Bearer crash-key" },
      body: JSON.stringify(hotMenu(100_000)),
    });
    expect(put.status).toBe(200);

    const acknowledged: { id: string; pickupCode: string }[] = [];
    let sent = 0;
    const worker = async () => {
      while (sent < 2000) {
        const n = sent++;
        try {
          const r = await post(
            `${first.url}/v1/orders`,
            orderFor("hot-menu", n),
            `crash-${String(n).padStart(6, "0")}`,
          );
          if (r.status === 201) acknowledged.push(JSON.parse(r.text));
        } catch {
          return; // the server is gone
        }
      }
    };
    const burst = Promise.all(Array.from({ length: 16 }, worker));
    while (acknowledged.length < 50) await new Promise((r) => setTimeout(r, 5));
    first.child.kill("SIGKILL");
    await burst;
    expect(acknowledged.length).toBeGreaterThanOrEqual(50);

    const second = await start();
    try {
      const missing: string[] = [];
      for (const o of acknowledged) {
        const r = await fetch(`${second.url}/v1/orders/${o.id}?code=${o.pickupCode}`);
        if (r.status !== 200) missing.push(o.id);
      }
      expect(missing).toEqual([]);
    } finally {
      second.child.kill("SIGTERM");
    }
  });
});
