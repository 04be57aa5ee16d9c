// A load test on loopback: the built `linli-server` in its own process, autocannon with 64
// connections in this one. Every order is for the same item and slot (the hot-row worst
// case) with a unique idempotency key. GET /health on the same server in the same run is the
// baseline. Runs on SQLite, and on PostgreSQL when DATABASE_URL is set.
//
// On a 2-core machine the load generator and the server compete for the cores, and other work
// comes and goes. So: where `taskset` exists, the server runs on one CPU and this process on
// the other; after a warm-up, /health and orders are measured in alternating phases, several
// rounds, and the figures are medians of per-round values (a round's two phases meet the same
// conditions). Throughput also depends on how fast autocannon can send; the server's own CPU
// time per answer does not, so its ratio is printed too.
//   LINLI_BENCH_ROUNDS (default 5), LINLI_BENCH_SECONDS per phase (default 3)
import autocannon from "autocannon";
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { hotMenu, orderFor } from "../test/helpers.js";

const cli = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
const ROUNDS = Number(process.env["LINLI_BENCH_ROUNDS"] ?? 5);
const SECONDS = Number(process.env["LINLI_BENCH_SECONDS"] ?? 3);
const CONNECTIONS = 64;
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

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const range = (xs: readonly number[], digits: number) =>
  `${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)}`;

/** Pins a process (all its threads) to one CPU; false where that cannot be done. */
function pin(pid: number, cpu: number): boolean {
  try {
    execFileSync("taskset", ["-a", "-p", "-c", String(cpu), String(pid)], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}
const pinned = availableParallelism() >= 2 && pin(process.pid, 0);

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
    if (pinned) pin(child.pid!, 1);
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

interface Phase {
  readonly perSecond: number;
  readonly p99: number;
  readonly answered: number;
  readonly refused: number;
  /** Server CPU per answer, µs (NaN without /proc). */
  readonly cpuUs: number;
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

    // Bodies are made before the clock starts, so the load generator spends its time sending;
    // each request still gets a key of its own.
    const bodies = Array.from({ length: 10_000 }, (_, i) =>
      JSON.stringify(orderFor("hot-menu", i)),
    );
    let n = 0;
    const measure = async (what: "health" | "orders", seconds: number): Promise<Phase> => {
      const cpu0 = cpuMs(child.pid!);
      const r =
        what === "health"
          ? await autocannon({ url: `${url}/health`, connections: CONNECTIONS, duration: seconds })
          : await autocannon({
              url: `${url}/v1/orders`,
              connections: CONNECTIONS,
              duration: seconds,
              requests: [
                {
                  method: "POST",
                  setupRequest: (req) => {
                    const i = n++;
                    return {
                      ...req,
                      headers: {
                        "content-type": "application/json",
                        "idempotency-key": `bench-${label}-${i}`,
                      },
                      body: bodies[i % bodies.length]!,
                    };
                  },
                },
              ],
            });
      // Answers still in flight when autocannon stopped belong to this phase's CPU time.
      await new Promise((done) => setTimeout(done, 100));
      const cpu1 = cpuMs(child.pid!);
      return {
        perSecond: r.requests.average,
        p99: r.latency.p99,
        answered: r.requests.total,
        refused: r.non2xx + r.errors,
        cpuUs:
          cpu0 === undefined || cpu1 === undefined
            ? NaN
            : ((cpu1 - cpu0) * 1000) / Math.max(1, r.requests.total),
      };
    };

    // Warm-up: the JIT, SQLite's page cache and the WAL reach their steady state.
    await measure("health", 1);
    await measure("orders", 2);
    const rounds: { health: Phase; orders: Phase }[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      // Alternate which phase goes first, so neither always follows the other's after-effects.
      let health: Phase, orders: Phase;
      if (i % 2 === 0) {
        health = await measure("health", SECONDS);
        orders = await measure("orders", SECONDS);
      } else {
        orders = await measure("orders", SECONDS);
        health = await measure("health", SECONDS);
      }
      rounds.push({ health, orders });
      console.log(
        `${label} round ${i + 1}: /health ${health.perSecond.toFixed(0)}/s p99 ${health.p99} ms ${health.cpuUs.toFixed(0)} µs CPU; orders ${orders.perSecond.toFixed(0)}/s p99 ${orders.p99} ms ${orders.cpuUs.toFixed(0)} µs CPU; ratio ${(orders.perSecond / health.perSecond).toFixed(3)}, CPU ratio ${(health.cpuUs / orders.cpuUs).toFixed(3)}`,
      );
    }

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
    const refused = rounds.reduce((s, r) => s + r.orders.refused + r.health.refused, 0);
    const ratios = rounds.map((r) => r.orders.perSecond / r.health.perSecond);
    const cpuRatios = rounds.map((r) => r.health.cpuUs / r.orders.cpuUs);
    const ordersP99 = rounds.map((r) => r.orders.p99);
    const healthP99 = rounds.map((r) => r.health.p99);
    const m = {
      orders: median(rounds.map((r) => r.orders.perSecond)),
      health: median(rounds.map((r) => r.health.perSecond)),
      ordersCpu: median(rounds.map((r) => r.orders.cpuUs)),
      healthCpu: median(rounds.map((r) => r.health.cpuUs)),
    };
    console.log(
      `${label}: ${ROUNDS} rounds of ${SECONDS} s per phase, ${CONNECTIONS} connections, ${pinned ? "server on CPU 1, autocannon on CPU 0" : "not pinned"}`,
    );
    console.log(
      `${label}: /health ${m.health.toFixed(0)}/s (p99 ${median(healthP99)} ms, range ${range(healthP99, 0)}); orders ${m.orders.toFixed(0)}/s (p99 ${median(ordersP99)} ms, range ${range(ordersP99, 0)}); ratio ${median(ratios).toFixed(3)} (range ${range(ratios, 3)})`,
    );
    console.log(
      `${label}: server CPU per answer: /health ${m.healthCpu.toFixed(0)} µs, order ${m.ordersCpu.toFixed(0)} µs; CPU ratio ${median(cpuRatios).toFixed(3)} (range ${range(cpuRatios, 3)})`,
    );
    console.log(
      `${label}: ${roster.orders.length} orders stored, ${reserved} units reserved, ${refused} requests refused or failed`,
    );
    if (reserved !== roster.orders.length || refused > 0) {
      console.error(
        `${label}: stored orders and reserved units disagree, or requests were refused`,
      );
      process.exitCode = 1;
    }
    report(
      `server.${label}.orders-per-second.vs-health`,
      m.orders,
      "req/s",
      m.health,
      median(ratios),
      // The throughput and latency targets are for SQLite; PostgreSQL's is one round
      // trip per order, reported below.
      label === "sqlite" ? ">= 0.4" : "informative",
    );
    report(
      `server.${label}.orders-p99`,
      median(ordersP99),
      "ms",
      median(healthP99),
      median(ordersP99) / Math.max(1, median(healthP99)),
      label === "sqlite" ? "value <= 25 ms" : "informative",
    );
    if (!Number.isNaN(m.ordersCpu))
      report(
        `server.${label}.order-cpu.vs-health`,
        m.ordersCpu,
        "µs",
        m.healthCpu,
        median(cpuRatios),
        "health CPU / order CPU, informative",
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
    // Count calls of the order function: its calls per stored order are the round trips an
    // order takes to check and take stock. Every statement the server sends on its own is a
    // transaction, so the database's committed transactions per stored order count every
    // round trip, menu reads included (and the few reads of the setup and the check after).
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
    const transactions = Number(
      (
        await db.query(
          "SELECT xact_commit + xact_rollback AS n FROM pg_stat_database WHERE datname = current_database()",
        )
      ).rows[0].n,
    );
    await db.end();
    console.log(
      `postgres: linli_place_order ran ${calls} times for ${stored} orders stored; ${transactions} transactions in all, ${(transactions / Math.max(1, stored)).toFixed(3)} per order`,
    );
    report(
      "server.postgres.order-statements-per-order",
      calls / Math.max(1, stored),
      "calls",
      1,
      calls / Math.max(1, stored),
      "1 round trip per order",
    );
    report(
      "server.postgres.transactions-per-order",
      transactions / Math.max(1, stored),
      "transactions",
      1,
      transactions / Math.max(1, stored),
      "1 round trip per order, menu reads included",
    );
  } finally {
    await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
    await admin.end();
  }
} else {
  console.log("postgres: skipped (no DATABASE_URL)");
}
