import Database from "better-sqlite3";
import type {
  Application,
  Group,
  Hub,
  LedgerEntry,
  Menu,
  Order,
  Partner,
  RecruitmentCall,
  Reservations,
  RefundSplit,
  Request,
  SessionRecord,
  SplitRuleSet,
} from "@linli/core";
import { holdsFit, type Hold } from "@linli/core";
import {
  OversellError,
  StaleMenuError,
  StatusChangedError,
  type CreateResult,
  type LinliStorage,
  type SeedData,
} from "../storage.js";
import { deepFreeze } from "../deep-freeze.js";
import { startCheckpointer } from "./checkpointer.js";
import { MIGRATIONS } from "./schema.js";

/** Options for {@link createSqliteStorage}. */
export interface SqliteOptions {
  /** A file path, or ":memory:". */
  readonly filename: string;
}

const parse = <T>(row: { doc: string } | undefined): T | undefined =>
  row ? (JSON.parse(row.doc) as T) : undefined;
const parseAll = <T>(rows: { doc: string }[]): T[] => rows.map((r) => JSON.parse(r.doc) as T);

/**
 * SQLite storage through better-sqlite3: one file, WAL journal, synchronous transactions.
 * A transaction in better-sqlite3 runs start to finish without yielding, so a stock check
 * and the insert that takes the stock cannot interleave with another order.
 *
 * @example
 * const storage = createSqliteStorage({ filename: "./linli.db" });
 * await storage.migrate();
 */
export function createSqliteStorage(options: SqliteOptions): LinliStorage {
  const db = new Database(options.filename);
  db.pragma("journal_mode = WAL");
  // NORMAL loses nothing on a process crash in WAL mode (only on power loss), and is what
  // makes committing an order fast.
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  db.pragma("busy_timeout = 5000");
  // A file's WAL is checkpointed by a worker (see checkpointer.ts). SQLite's own checkpoint
  // stays as a backstop, at 10,000 pages (40 MB) instead of 1,000, should the worker fall behind.
  const checkpointer =
    options.filename === ":memory:" || options.filename === ""
      ? undefined
      : // Should the worker fail, SQLite checkpoints by itself again, as it does by default.
        startCheckpointer(options.filename, () => {
          if (db.open) db.pragma("wal_autocheckpoint = 1000");
        });
  if (checkpointer) db.pragma("wal_autocheckpoint = 10000");

  // Statements are compiled once per SQL text: preparing costs more than running a lookup.
  const cache = new Map<string, Database.Statement>();
  const sql = (text: string) => {
    let s = cache.get(text);
    if (!s) cache.set(text, (s = db.prepare(text)));
    return s;
  };
  // Group commit: writes that arrive in the same turn of the event loop share one
  // transaction. Committing (appending to the WAL) is most of the cost of a small write; under
  // load this pays it once per turn instead of once per order. Nobody hears back before the
  // commit. One failing write must not undo the others: the batch first runs as it is (writes
  // that fail are rare: an oversell bug, a full disk); if one throws, the whole transaction is
  // rolled back and the batch runs again with each write in its own savepoint, so only the
  // failing one is refused. Writes may run twice that way; nothing of the first run remains.
  type Job = { work: () => unknown; resolve: (v: unknown) => void; reject: (e: unknown) => void };
  type Outcome = { ok: boolean; value: unknown };
  let queue: Job[] = [];
  const together = db.transaction((batch: readonly Job[]) => {
    foreignCommits();
    const counters = (batchCounters = new Map());
    try {
      const outcomes = batch.map((job): Outcome => ({ ok: true, value: job.work() }));
      writeBatchCounters(counters);
      return outcomes;
    } finally {
      batchCounters = undefined;
    }
  });
  const apart = db.transaction((batch: readonly Job[]) => {
    foreignCommits();
    const [savepoint, release, rollback] = [
      sql("SAVEPOINT job"),
      sql("RELEASE job"),
      sql("ROLLBACK TO job"),
    ];
    return batch.map((job): Outcome => {
      savepoint.run();
      try {
        const value = job.work();
        release.run();
        return { ok: true, value };
      } catch (error) {
        rollback.run();
        release.run();
        return { ok: false, value: error };
      }
    });
  });
  const flush = () => {
    const batch = queue;
    queue = [];
    let results: Outcome[];
    try {
      try {
        results = together.immediate(batch);
      } catch {
        results = apart.immediate(batch);
      }
    } catch (error) {
      for (const job of batch) job.reject(error);
      return;
    }
    checkpointer?.written();
    batch.forEach((job, i) => (results[i]!.ok ? job.resolve : job.reject)(results[i]!.value));
  };
  const write = <T>(work: () => T): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (queue.length === 0) setImmediate(flush);
      queue.push({ work, resolve: resolve as (v: unknown) => void, reject });
    });

  const all = <T>(text: string, ...params: unknown[]) =>
    parseAll<T>(sql(text).all(...params) as { doc: string }[]);
  const one = <T>(text: string, ...params: unknown[]) =>
    parse<T>(sql(text).get(...params) as { doc: string } | undefined);
  const meta = (key: string) => {
    const row = sql("SELECT value FROM meta WHERE key = ?").get(key) as
      { value: string } | undefined;
    return row ? JSON.parse(row.value) : undefined;
  };
  const setMeta = (key: string, value: unknown) =>
    sql(
      "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    ).run(key, JSON.stringify(value));

  const postLedger = (entries: readonly LedgerEntry[]) => {
    const insert = sql("INSERT INTO ledger (rule_set_id, period, doc) VALUES (?, ?, ?)");
    for (const e of entries) insert.run(e.ruleSetId, e.period, JSON.stringify(e));
  };
  const upsert = (table: string, id: string, doc: unknown) =>
    sql(
      `INSERT INTO ${table} (id, doc) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET doc = excluded.doc`,
    ).run(id, JSON.stringify(doc));
  // Menus are read on every order and change rarely: kept parsed (and frozen, since callers
  // share them) until this connection writes one or another connection commits anything.
  const menus = new Map<string, Menu | undefined>();
  let seenVersion = -1;
  // Asked once per turn of the event loop, not per read: a burst of orders shares one turn.
  // Another connection's commit is seen from the next turn on, and a request sent after that
  // commit is read in a later turn than the one that asked, so it never gets a stale menu.
  let versionAsked = false;
  const menuCache = (id: string): Menu | undefined => {
    if (!versionAsked) {
      versionAsked = true;
      setImmediate(() => (versionAsked = false));
      const version = sql("PRAGMA data_version").pluck().get() as number;
      if (version !== seenVersion) {
        menus.clear();
        seenVersion = version;
      }
    }
    if (!menus.has(id)) {
      if (menus.size >= 256) menus.delete(menus.keys().next().value!); // the oldest read
      menus.set(id, deepFreeze(one<Menu>("SELECT doc FROM menus WHERE id = ?", id)));
    }
    return menus.get(id);
  };
  const putMenuSync = (m: Menu) => {
    menus.delete(m.id);
    sql(
      "INSERT INTO menus (id, group_id, date, doc) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET group_id = excluded.group_id, date = excluded.date, doc = excluded.doc",
    ).run(m.id, m.groupId, m.date, JSON.stringify(m));
  };

  /** Looks up an idempotency key in a scope; returns the stored result id, "reused", or undefined. */
  const idempotent = (scope: string, key: string, hash: string): string | "reused" | undefined => {
    const row = sql(
      "SELECT request_hash, result_id FROM idempotency WHERE scope = ? AND key = ?",
    ).get(scope, key) as { request_hash: string; result_id: string } | undefined;
    if (!row) return undefined;
    return row.request_hash === hash ? row.result_id : "reused";
  };
  const remember = (scope: string, key: string, hash: string, id: string) =>
    sql("INSERT INTO idempotency (scope, key, request_hash, result_id) VALUES (?, ?, ?, ?)").run(
      scope,
      key,
      hash,
      id,
    );

  // Pickup codes in use, per menu: a menu's codes are read once, then kept up to date as
  // orders are inserted. Only read and changed inside a write, which holds the database's
  // write lock; a commit by another connection since the last write empties them all (see
  // `foreignCommits`). Codes of a batch that is rolled back stay in: they are only avoided.
  const codes = new Map<string, Set<string>>();
  const codesOf = (menuId: string): Set<string> => {
    let c = codes.get(menuId);
    if (!c) {
      if (codes.size >= 64) codes.delete(codes.keys().next().value!); // the oldest menu
      c = new Set(
        sql("SELECT pickup_code FROM orders WHERE menu_id = ?").pluck().all(menuId) as string[],
      );
      codes.set(menuId, c);
    }
    return c;
  };
  let writeVersion = -1;
  /** At the start of a write: forgets what another connection may have changed since. */
  const foreignCommits = () => {
    const version = sql("PRAGMA data_version").pluck().get() as number;
    if (version !== writeVersion) codes.clear();
    writeVersion = version;
    // Remembered menus too, so `placeOrder` can trust one it finds (see `stillStored`).
    if (version !== seenVersion) {
      menus.clear();
      seenVersion = version;
    }
  };
  /**
   * Whether `menu` is the stored menu, inside a write. The menu handed out by `getMenu` is
   * the remembered one until this connection writes that menu or another commits anything,
   * so the common case is one identity check; otherwise the stored document is read and
   * compared.
   */
  const stillStored = (menu: Menu): boolean => {
    if (menus.get(menu.id) === menu) return true;
    const row = sql("SELECT doc FROM menus WHERE id = ?").get(menu.id) as
      { doc: string } | undefined;
    return row !== undefined && row.doc === JSON.stringify(menu);
  };
  /** Inserts an order with a pickup code no other order of its menu has. */
  const insertOrder = (o: Order, newPickupCode: () => string): Order => {
    const used = codesOf(o.menuId);
    while (used.has(o.pickupCode)) o = { ...o, pickupCode: newPickupCode() };
    sql(
      "INSERT INTO orders (id, menu_id, status, placed_at, pickup_code, doc) VALUES (?, ?, ?, ?, ?, ?)",
    ).run(o.id, o.menuId, o.status, o.placedAt, o.pickupCode, JSON.stringify(o));
    used.add(o.pickupCode);
    return o;
  };
  type Change = Pick<Hold, "kind" | "ref" | "amount">;
  /** Writes counters in one statement: raised by `amount`, or set to it when `absolute`. */
  const counterSql = new Map<string, string>();
  const writeCounters = (menuId: string, changes: readonly Change[], absolute: boolean) => {
    if (changes.length === 0) return;
    const shape = `${changes.length}${absolute ? "=" : "+"}`;
    let text = counterSql.get(shape);
    if (!text)
      counterSql.set(
        shape,
        (text = `INSERT INTO reservations (menu_id, kind, ref, reserved) VALUES ${changes.map(() => "(?, ?, ?, ?)").join(", ")} ON CONFLICT (menu_id, kind, ref) DO UPDATE SET reserved = ${absolute ? "" : "reserved + "}excluded.reserved`),
      );
    const params: (string | number)[] = [];
    for (const h of changes) params.push(menuId, h.kind, h.ref, h.amount);
    sql(text).run(params);
  };
  type Held = { items: Record<string, number>; slots: Record<string, number> };
  const reservationsSync = (menuId: string): Held => {
    const items: Record<string, number> = {};
    const slots: Record<string, number> = {};
    for (const r of sql("SELECT kind, ref, reserved FROM reservations WHERE menu_id = ?").all(
      menuId,
    ) as {
      kind: string;
      ref: string;
      reserved: number;
    }[]) {
      (r.kind === "item" ? items : slots)[r.ref] = r.reserved;
    }
    return { items, slots };
  };
  // While a batch runs in one go, each menu's counters are read once, kept in memory as its
  // orders take from them, and written once before the commit: the batch holds the write lock
  // throughout, so nobody else can change them, and a batch that fails is rolled back whole
  // and run again without this (see `flush`). A burst of orders on one menu, the busiest case,
  // pays one read and one write for all of them.
  type Counters = { held: Held; changed: Map<string, Pick<Hold, "kind" | "ref">> };
  let batchCounters: Map<string, Counters> | undefined;
  const countersIn = (batch: Map<string, Counters>, menuId: string) => {
    let c = batch.get(menuId);
    if (!c) batch.set(menuId, (c = { held: reservationsSync(menuId), changed: new Map() }));
    return c;
  };
  /** What a menu's orders hold now, inside a write. */
  const heldNow = (menuId: string): Reservations =>
    batchCounters ? countersIn(batchCounters, menuId).held : reservationsSync(menuId);
  /** Adds to a menu's counters, inside a write. */
  const addToCounters = (menuId: string, changes: readonly Change[]) => {
    if (!batchCounters) return writeCounters(menuId, changes, false);
    const c = countersIn(batchCounters, menuId);
    for (const h of changes) {
      const bucket = h.kind === "item" ? c.held.items : c.held.slots;
      bucket[h.ref] = (bucket[h.ref] ?? 0) + h.amount;
      c.changed.set(`${h.kind} ${h.ref}`, h);
    }
  };
  const writeBatchCounters = (batch: Map<string, Counters>) => {
    for (const [menuId, c] of batch)
      writeCounters(
        menuId,
        [...c.changed.values()].map(({ kind, ref }) => ({
          kind,
          ref,
          amount: (kind === "item" ? c.held.items : c.held.slots)[ref]!,
        })),
        true,
      );
  };
  /** Gives back what a cancelled order held: its slot place and its units. */
  const release = (o: Order) =>
    addToCounters(o.menuId, [
      { kind: "slot", ref: o.slotId, amount: -1 },
      ...o.lines.map((l) => ({ kind: "item" as const, ref: l.itemId, amount: -l.quantity })),
    ]);

  const storage: LinliStorage = {
    kind: "sqlite",
    async migrate() {
      const version = (db.pragma("user_version", { simple: true }) as number) ?? 0;
      for (let v = version; v < MIGRATIONS.length; v++) {
        db.transaction(() => {
          db.exec(MIGRATIONS[v]!);
          db.pragma(`user_version = ${v + 1}`);
        })();
      }
    },
    async isEmpty() {
      return (sql("SELECT COUNT(*) AS n FROM groups").get() as { n: number }).n === 0;
    },
    async seed(data: SeedData) {
      db.transaction(() => {
        setMeta("hub", data.hub);
        if (data.recruitmentCall) setMeta("recruitmentCall", data.recruitmentCall);
        for (const g of data.groups) upsert("groups", g.id, g);
        for (const p of data.partners) upsert("partners", p.id, p);
        for (const m of data.menus) putMenuSync(m);
        for (const s of data.ruleSets ?? []) upsert("rule_sets", s.id, s);
        for (const s of data.sessions ?? []) upsert("sessions", s.id, s);
        for (const r of data.requests ?? []) upsert("requests", r.id, r);
        postLedger(data.ledger ?? []);
      })();
    },
    async close() {
      await checkpointer?.close();
      db.close();
    },

    async getHub() {
      return meta("hub") as Hub | undefined;
    },
    async listGroups() {
      return all<Group>("SELECT doc FROM groups ORDER BY rowid");
    },
    async getGroup(id) {
      return one<Group>("SELECT doc FROM groups WHERE id = ?", id);
    },
    async putGroup(group) {
      upsert("groups", group.id, group);
      return group;
    },
    async listPartners() {
      return all<Partner>("SELECT doc FROM partners ORDER BY rowid");
    },
    async putPartner(partner) {
      upsert("partners", partner.id, partner);
      return partner;
    },
    async getRecruitmentCall() {
      return meta("recruitmentCall") as RecruitmentCall | undefined;
    },
    async putRecruitmentCall(call) {
      setMeta("recruitmentCall", call);
      return call;
    },

    async getMenu(id) {
      return menuCache(id);
    },
    async listMenus(groupId) {
      return all<Menu>("SELECT doc FROM menus WHERE group_id = ? ORDER BY date", groupId);
    },
    async putMenu(menu) {
      putMenuSync(menu);
      return menu;
    },

    async listOrders(menuId) {
      return all<Order>(
        "SELECT doc FROM orders WHERE menu_id = ? ORDER BY placed_at, rowid",
        menuId,
      );
    },
    async getOrder(id) {
      return one<Order>("SELECT doc FROM orders WHERE id = ?", id);
    },
    async getReservations(menuId) {
      return reservationsSync(menuId);
    },
    async placeOrder(menu, idem, decide, newPickupCode) {
      const menuId = menu.id;
      // A changed menu is answered after the write, not thrown inside it: a throw rolls back
      // the whole batch and runs it again job by job (see `flush`).
      const result = await write((): CreateResult<Order> | "stale" => {
        const seen = idempotent("order", idem.key, idem.requestHash);
        if (seen === "reused") return { kind: "key-reused" };
        if (seen !== undefined)
          return {
            kind: "replayed",
            value: one<Order>("SELECT doc FROM orders WHERE id = ?", seen)!,
          };
        if (!stillStored(menu)) return "stale";
        // Counters are read inside the write, so `decide` sees exactly what is held.
        const held = heldNow(menuId);
        const decision = decide(held);
        if ("issues" in decision) return { kind: "refused", issues: decision.issues };
        // The storage's own guard: whatever `decide` says, no counter passes its limit.
        if (!holdsFit(decision.holds, held)) throw new OversellError(menuId);
        // A code already used on the menu (about one order in a million per code drawn, on
        // a menu of a few orders) draws another.
        const o = insertOrder(decision.order, newPickupCode);
        addToCounters(menuId, decision.holds);
        remember("order", idem.key, idem.requestHash, o.id);
        return { kind: "created", value: o };
      });
      if (result === "stale") throw new StaleMenuError(menuId);
      return result;
    },
    async updateOrder(order, ledger, from) {
      const moved = await write(() => {
        const before = one<Order>("SELECT doc FROM orders WHERE id = ?", order.id);
        // Decided from a status the order no longer has: the change that came first stands.
        if (before?.status !== from) return false;
        sql("UPDATE orders SET status = ?, doc = ? WHERE id = ?").run(
          order.status,
          JSON.stringify(order),
          order.id,
        );
        // A cancellation gives the order's units and slot place back.
        if (before && before.status !== "cancelled" && order.status === "cancelled")
          release(before);
        postLedger(ledger);
        return true;
      });
      if (!moved) throw new StatusChangedError(order.id, from);
    },

    async submitApplication(idem, make) {
      return write((): CreateResult<Application> => {
        const seen = idempotent("application", idem.key, idem.requestHash);
        if (seen === "reused") return { kind: "key-reused" };
        if (seen !== undefined)
          return {
            kind: "replayed",
            value: one<Application>("SELECT doc FROM applications WHERE id = ?", seen)!,
          };
        const references = (
          sql("SELECT json_extract(doc, '$.reference') AS r FROM applications").all() as {
            r: string;
          }[]
        ).map((x) => x.r);
        const a = make(references);
        if ("issues" in a) return { kind: "refused", issues: a.issues };
        sql("INSERT INTO applications (id, status, submitted_at, doc) VALUES (?, ?, ?, ?)").run(
          a.id,
          a.status,
          a.submittedAt,
          JSON.stringify(a),
        );
        remember("application", idem.key, idem.requestHash, a.id);
        return { kind: "created", value: a };
      });
    },
    async listApplications(status) {
      return status
        ? all<Application>(
            "SELECT doc FROM applications WHERE status = ? ORDER BY submitted_at, rowid",
            status,
          )
        : all<Application>("SELECT doc FROM applications ORDER BY submitted_at, rowid");
    },
    async getApplication(id) {
      return one<Application>("SELECT doc FROM applications WHERE id = ?", id);
    },
    async updateApplication(a, from) {
      const { changes } = sql(
        "UPDATE applications SET status = ?, doc = ? WHERE id = ? AND status = ?",
      ).run(a.status, JSON.stringify(a), a.id, from);
      if (changes === 0) throw new StatusChangedError(a.id, from);
    },

    async listRuleSets() {
      return all<SplitRuleSet>("SELECT doc FROM rule_sets ORDER BY rowid");
    },
    async putRuleSet(set) {
      upsert("rule_sets", set.id, set);
      return set;
    },
    async listLedger(filter = {}) {
      const where: string[] = [];
      const params: string[] = [];
      if (filter.ruleSetId !== undefined)
        (where.push("rule_set_id = ?"), params.push(filter.ruleSetId));
      if (filter.period !== undefined) (where.push("period = ?"), params.push(filter.period));
      return all<LedgerEntry>(
        `SELECT doc FROM ledger ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY seq`,
        ...params,
      );
    },
    async listRefunds(saleId) {
      return all<RefundSplit>("SELECT doc FROM refunds WHERE sale_id = ? ORDER BY rowid", saleId);
    },
    async addRefund(idem, make, saleId) {
      return write((): CreateResult<RefundSplit> => {
        const seen = idempotent("refund", idem.key, idem.requestHash);
        if (seen === "reused") return { kind: "key-reused" };
        if (seen !== undefined)
          return {
            kind: "replayed",
            value: one<RefundSplit>("SELECT doc FROM refunds WHERE id = ?", seen)!,
          };
        const previous = all<RefundSplit>(
          "SELECT doc FROM refunds WHERE sale_id = ? ORDER BY rowid",
          saleId,
        );
        const decision = make(previous);
        if ("issues" in decision) return { kind: "refused", issues: decision.issues };
        const r = decision.refund;
        sql("INSERT INTO refunds (id, sale_id, doc) VALUES (?, ?, ?)").run(
          r.refundId,
          r.saleId,
          JSON.stringify(r),
        );
        postLedger(decision.ledger);
        remember("refund", idem.key, idem.requestHash, r.refundId);
        return { kind: "created", value: r };
      });
    },

    async listSessions() {
      return all<SessionRecord>("SELECT doc FROM sessions ORDER BY rowid");
    },
    async listRequests() {
      return all<Request>("SELECT doc FROM requests ORDER BY rowid");
    },
  };
  return storage;
}
