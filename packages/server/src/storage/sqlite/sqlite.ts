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
import { OversellError, type CreateResult, type LinliStorage, type SeedData } from "../storage.js";
import { MIGRATIONS } from "./schema.js";

/** Options for {@link createSqliteStorage}. */
export interface SqliteOptions {
  /** A file path, or ":memory:". */
  readonly filename: string;
}

const parse = <T>(row: { doc: string } | undefined): T | undefined =>
  row ? (JSON.parse(row.doc) as T) : undefined;
const deepFreeze = <T>(value: T): T => {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
};
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

  // Statements are compiled once per SQL text: preparing costs more than running a lookup.
  const cache = new Map<string, Database.Statement>();
  const sql = (text: string) => {
    let s = cache.get(text);
    if (!s) cache.set(text, (s = db.prepare(text)));
    return s;
  };
  // Group commit: writes that arrive in the same turn of the event loop share one
  // transaction, each in its own savepoint, so one failing write does not undo the others.
  // Committing (appending to the WAL) is most of the cost of a small write; under load this
  // pays it once per turn instead of once per order. Nobody hears back before the commit.
  type Job = { work: () => unknown; resolve: (v: unknown) => void; reject: (e: unknown) => void };
  let queue: Job[] = [];
  const flush = () => {
    const batch = queue;
    queue = [];
    const results: { ok: boolean; value: unknown }[] = [];
    try {
      db.transaction(() => {
        const [savepoint, release, rollback] = [
          sql("SAVEPOINT job"),
          sql("RELEASE job"),
          sql("ROLLBACK TO job"),
        ];
        for (const job of batch) {
          savepoint.run();
          try {
            results.push({ ok: true, value: job.work() });
            release.run();
          } catch (error) {
            rollback.run();
            release.run();
            results.push({ ok: false, value: error });
          }
        }
      }).immediate();
    } catch (error) {
      for (const job of batch) job.reject(error);
      return;
    }
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
  const menuCache = (id: string): Menu | undefined => {
    const version = sql("PRAGMA data_version").pluck().get() as number;
    if (version !== seenVersion) {
      menus.clear();
      seenVersion = version;
    }
    if (!menus.has(id))
      menus.set(id, deepFreeze(one<Menu>("SELECT doc FROM menus WHERE id = ?", id)));
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

  /** Inserts an order; false when its pickup code is already used on its menu. */
  const insertOrder = (o: Order): boolean => {
    try {
      sql(
        "INSERT INTO orders (id, menu_id, status, placed_at, pickup_code, doc) VALUES (?, ?, ?, ?, ?, ?)",
      ).run(o.id, o.menuId, o.status, o.placedAt, o.pickupCode, JSON.stringify(o));
      return true;
    } catch (e) {
      if (e instanceof Database.SqliteError && /orders\.pickup_code/.test(e.message)) return false;
      throw e;
    }
  };
  /** Raises a menu's counters by an order's holds, in one statement. */
  const bumpAll = (menuId: string, holds: readonly Hold[]) => {
    if (holds.length === 0) return;
    sql(
      `INSERT INTO reservations (menu_id, kind, ref, reserved) VALUES ${holds.map(() => "(?, ?, ?, ?)").join(", ")} ON CONFLICT (menu_id, kind, ref) DO UPDATE SET reserved = reserved + excluded.reserved`,
    ).run(holds.flatMap((h) => [menuId, h.kind, h.ref, h.amount]));
  };
  const bump = (menuId: string, kind: "item" | "slot", ref: string, by: number) =>
    sql(
      "INSERT INTO reservations (menu_id, kind, ref, reserved) VALUES (?, ?, ?, ?) ON CONFLICT (menu_id, kind, ref) DO UPDATE SET reserved = reserved + excluded.reserved",
    ).run(menuId, kind, ref, by);
  /** Gives back what a cancelled order held: its slot place and its units. */
  const release = (o: Order) => {
    bump(o.menuId, "slot", o.slotId, -1);
    for (const l of o.lines) bump(o.menuId, "item", l.itemId, -l.quantity);
  };
  const reservationsSync = (menuId: string): Reservations => {
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
    async getRecruitmentCall() {
      return meta("recruitmentCall") as RecruitmentCall | undefined;
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
    async placeOrder(menuId, idem, decide, newPickupCode) {
      return write((): CreateResult<Order> => {
        const seen = idempotent("order", idem.key, idem.requestHash);
        if (seen === "reused") return { kind: "key-reused" };
        if (seen !== undefined)
          return {
            kind: "replayed",
            value: one<Order>("SELECT doc FROM orders WHERE id = ?", seen)!,
          };
        // Counters are read inside the write, so `decide` sees exactly what is held.
        const held = reservationsSync(menuId);
        const decision = decide(held);
        if ("issues" in decision) return { kind: "refused", issues: decision.issues };
        // The storage's own guard: whatever `decide` says, no counter passes its limit.
        if (!holdsFit(decision.holds, held)) throw new OversellError(menuId);
        let o = decision.order;
        // The unique index on (menu, pickup code) is the check: a clash (about one order in
        // a million per code drawn) draws another code.
        while (!insertOrder(o)) o = { ...o, pickupCode: newPickupCode() };
        bumpAll(menuId, decision.holds);
        remember("order", idem.key, idem.requestHash, o.id);
        return { kind: "created", value: o };
      });
    },
    async updateOrder(order, ledger) {
      await write(() => {
        const before = one<Order>("SELECT doc FROM orders WHERE id = ?", order.id);
        sql("UPDATE orders SET status = ?, doc = ? WHERE id = ?").run(
          order.status,
          JSON.stringify(order),
          order.id,
        );
        // A cancellation gives the order's units and slot place back.
        if (before && before.status !== "cancelled" && order.status === "cancelled")
          release(before);
        postLedger(ledger);
      });
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
    async updateApplication(a) {
      sql("UPDATE applications SET status = ?, doc = ? WHERE id = ?").run(
        a.status,
        JSON.stringify(a),
        a.id,
      );
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
