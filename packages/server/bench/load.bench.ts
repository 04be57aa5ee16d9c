// A load test on loopback: the built `linli-server` in its own process, autocannon with 64
// connections in this one. Every order is for the same item and slot (the hot-row worst
// case) with a unique idempotency key. GET /health on the same server in the same run is the
// baseline. Runs on SQLite, and on PostgreSQL when DATABASE_URL is set.
import autocannon from "autocannon";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { hotMenu, orderFor } from "../test/helpers.js";

const cli = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
const SECONDS = Number(process.env["LINLI_BENCH_SECONDS"] ?? 5);
const KEY = "bench-admin-key";

function report(
  name: string,
  value: number,
  unit: string,
  baseline: number,
  ratio: number,
  target: string,
) {
  const r = (x: number) => Math.round(x * 1000) / 1000;
  console.log(
    `BENCH ${JSON.stringify({ name, value: r(value), unit, baseline: r(baseline), ratio: r(ratio), target })}`,
  );
}

/** CPU time (user + system) a process has used, in ms; undefined where /proc is missing. */
function cpuMs(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    const tick = 1000 / 100; // USER_HZ is 100 on Linux
    return (Number(fields[11]) + Number(fields[12])) * tick;
  } catch {
    return undefined;
  }
}

function start(
  env: Record<string, string>,
  db: string,
): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [cli, "--db", db, "--seed", "demo", "--port", "0", "--rate-limit", "off"],
      {
        env: { ...process.env, LINLI_ADMIN_KEY: KEY, ...env },
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    let out = "";
    child.stdout!.on("data", (c: Buffer) => {
      out += c.toString();
      const m = /Linli API on (http:\/\/[\d.]+:\d+)/.exec(out);
      if (m) {
        child.stdout!.removeAllListeners("data");
        child.stdout!.resume(); // drain the request log
        resolve({ child, url: m[1]! });
      }
    });
    child.on("exit", (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
}

async function run(label: string, env: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), "linli-bench-"));
  const { child, url } = await start(env, join(dir, "linli.db"));
  try {
    const put = await fetch(`${url}/v1/admin/menus/hot-menu`, {
      method: "PUT",
      headers: { "content-type": "application/json", authorization: `Bearer ${KEY}` },
      body: JSON.stringify(hotMenu(10_000_000)),
    });
    if (put.status !== 200) throw new Error(`could not publish the bench menu: ${put.status}`);

    const cpu0 = cpuMs(child.pid!);
    const health = await autocannon({ url: `${url}/health`, connections: 64, duration: SECONDS });
    const cpu1 = cpuMs(child.pid!);
    let n = 0;
    const orders = await autocannon({
      url: `${url}/v1/orders`,
      connections: 64,
      duration: SECONDS,
      requests: [
        {
          method: "POST",
          setupRequest: (req) => ({
            ...req,
            headers: {
              "content-type": "application/json",
              "idempotency-key": `bench-${label}-${n}`,
            },
            body: JSON.stringify(orderFor("hot-menu", n++ % 10_000)),
          }),
        },
      ],
    });
    const cpu2 = cpuMs(child.pid!);
    // No oversell, no lost or doubled order: the units the menu says are taken are exactly the
    // orders stored (answers still in flight when autocannon stopped counting included).
    const read = async () => {
      const menu = (await (
        await fetch(`${url}/v1/groups/three-moms-baking/menu?date=2030-01-01`)
      ).json()) as { availability: { items: { reserved: number }[] } };
      const roster = (await (
        await fetch(`${url}/v1/admin/groups/three-moms-baking/roster?date=2030-01-01`, {
          headers: { authorization: `Bearer ${KEY}` },
        })
      ).json()) as { orders: unknown[] };
      return { menu, roster };
    };
    // Wait for the answers still in flight to land: two reads a moment apart that agree.
    let { menu, roster } = await read();
    for (let i = 0; i < 50; i++) {
      await new Promise((r) => setTimeout(r, 200));
      const again = await read();
      const settled = again.roster.orders.length === roster.orders.length;
      ({ menu, roster } = again);
      if (settled) break;
    }
    const reserved = menu.availability.items[0]!.reserved;
    console.log(
      `${label}: /health ${health.requests.average.toFixed(0)} req/s (p99 ${health.latency.p99} ms); orders ${orders.requests.average.toFixed(0)}/s (p99 ${orders.latency.p99} ms), ${orders["2xx"]} answered 201 in time, ${orders.non2xx} refused, ${orders.errors} errors; ${roster.orders.length} orders stored, ${reserved} units reserved`,
    );
    if (cpu0 !== undefined) {
      // Server CPU per answer: steadier than throughput when other work shares the machine.
      const per = (ms: number, n: number) => ((ms * 1000) / Math.max(1, n)).toFixed(0);
      console.log(
        `${label}: server CPU per answer: /health ${per(cpu1! - cpu0, health.requests.total)} µs, order ${per(cpu2! - cpu1!, orders.requests.total)} µs`,
      );
    }
    if (reserved !== roster.orders.length || orders.non2xx > 0) {
      console.error(`${label}: stored orders and reserved units disagree, or orders were refused`);
      process.exitCode = 1;
    }
    report(
      `server.${label}.orders-per-second.vs-health`,
      orders.requests.average,
      "req/s",
      health.requests.average,
      orders.requests.average / health.requests.average,
      ">= 0.4",
    );
    report(
      `server.${label}.orders-p99`,
      orders.latency.p99,
      "ms",
      health.latency.p99,
      orders.latency.p99 / Math.max(1, health.latency.p99),
      "value <= 25 ms",
    );
  } finally {
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    await exited;
    rmSync(dir, { recursive: true, force: true });
  }
}

await run("sqlite", { DATABASE_URL: "" });
const url = process.env["DATABASE_URL"];
if (url) {
  // A database of its own, dropped afterwards.
  const name = `linli_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  try {
    // Count calls of the order function: its calls per stored order are the round trips
    // an order takes to check and take stock (the menu read before it is one more).
    await admin.query(`ALTER DATABASE ${name} SET track_functions = 'pl'`);
    const benchUrl = url.replace(/\/[^/]*$/, `/${name}`);
    await run("postgres", { DATABASE_URL: benchUrl });
    // The server has exited, so its sessions have flushed their statistics.
    const db = new pg.Client({ connectionString: benchUrl });
    await db.connect();
    const calls = Number(
      (
        await db.query(
          "SELECT COALESCE(SUM(calls), 0) AS n FROM pg_stat_user_functions WHERE funcname = 'linli_place_order'",
        )
      ).rows[0].n,
    );
    const stored = Number((await db.query("SELECT COUNT(*) AS n FROM orders")).rows[0].n);
    await db.end();
    console.log(
      `postgres: linli_place_order ran ${calls} times for ${stored} orders stored (plus one menu read per order)`,
    );
    report(
      "server.postgres.order-statements-per-order",
      calls / Math.max(1, stored),
      "calls",
      1,
      calls / Math.max(1, stored),
      "1 round trip per order",
    );
  } finally {
    await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
    await admin.end();
  }
} else {
  console.log("postgres: skipped (no DATABASE_URL)");
}
