import pg from "pg";
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
import { deepFreeze } from "../deep-freeze.js";
import {
  OversellError,
  StaleMenuError,
  StatusChangedError,
  type CreateResult,
  type Idempotent,
  type LinliStorage,
  type SeedData,
} from "../storage.js";

/** Options for {@link createPostgresStorage}. */
export interface PostgresOptions {
  /** e.g. `postgres://user@127.0.0.1:5432/linli` (the `DATABASE_URL`). */
  readonly connectionString: string;
  /** A schema to keep Linli's tables in (created if missing). Default `public`. */
  readonly schema?: string;
  /** Pool size. Default 10. */
  readonly max?: number;
}

// Documents are JSON, not JSONB: JSONB reorders keys, and a replayed answer must be
// byte-for-byte the first one.
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value JSON NOT NULL);
   CREATE TABLE IF NOT EXISTS groups (seq BIGSERIAL, id TEXT PRIMARY KEY, doc JSON NOT NULL);
   CREATE TABLE IF NOT EXISTS partners (seq BIGSERIAL, id TEXT PRIMARY KEY, doc JSON NOT NULL);
   CREATE TABLE IF NOT EXISTS menus (id TEXT PRIMARY KEY, group_id TEXT NOT NULL, date TEXT NOT NULL, doc JSON NOT NULL);
   CREATE INDEX IF NOT EXISTS menus_group_date ON menus (group_id, date);
   CREATE TABLE IF NOT EXISTS orders (seq BIGSERIAL, id TEXT PRIMARY KEY, menu_id TEXT NOT NULL, status TEXT NOT NULL, placed_at TEXT NOT NULL, doc JSON NOT NULL);
   CREATE INDEX IF NOT EXISTS orders_menu ON orders (menu_id);
   CREATE TABLE IF NOT EXISTS idempotency (scope TEXT NOT NULL, key TEXT NOT NULL, request_hash TEXT NOT NULL, result_id TEXT NOT NULL, PRIMARY KEY (scope, key));
   CREATE TABLE IF NOT EXISTS applications (seq BIGSERIAL, id TEXT PRIMARY KEY, status TEXT NOT NULL, submitted_at TEXT NOT NULL, doc JSON NOT NULL);
   CREATE TABLE IF NOT EXISTS rule_sets (seq BIGSERIAL, id TEXT PRIMARY KEY, doc JSON NOT NULL);
   CREATE TABLE IF NOT EXISTS ledger (seq BIGSERIAL PRIMARY KEY, rule_set_id TEXT NOT NULL, period TEXT NOT NULL, doc JSON NOT NULL);
   CREATE INDEX IF NOT EXISTS ledger_rule_set_period ON ledger (rule_set_id, period);
   CREATE TABLE IF NOT EXISTS refunds (seq BIGSERIAL, id TEXT PRIMARY KEY, sale_id TEXT NOT NULL, doc JSON NOT NULL);
   CREATE INDEX IF NOT EXISTS refunds_sale ON refunds (sale_id);
   CREATE TABLE IF NOT EXISTS sessions (seq BIGSERIAL, id TEXT PRIMARY KEY, doc JSON NOT NULL);
   CREATE TABLE IF NOT EXISTS requests (seq BIGSERIAL, id TEXT PRIMARY KEY, doc JSON NOT NULL);
   CREATE TABLE IF NOT EXISTS schema_version (version INT NOT NULL);`,
  // 2: counters of what each menu's orders hold, and pickup codes indexed per menu.
  `ALTER TABLE orders ADD COLUMN IF NOT EXISTS pickup_code TEXT;
   UPDATE orders SET pickup_code = doc->>'pickupCode';
   CREATE UNIQUE INDEX IF NOT EXISTS orders_menu_code ON orders (menu_id, pickup_code);
   CREATE TABLE IF NOT EXISTS reservations (menu_id TEXT NOT NULL, kind TEXT NOT NULL, ref TEXT NOT NULL, reserved INT NOT NULL, PRIMARY KEY (menu_id, kind, ref));
   INSERT INTO reservations (menu_id, kind, ref, reserved)
     SELECT menu_id, 'slot', doc->>'slotId', COUNT(*) FROM orders WHERE status <> 'cancelled' GROUP BY 1, 3
     ON CONFLICT DO NOTHING;
   INSERT INTO reservations (menu_id, kind, ref, reserved)
     SELECT o.menu_id, 'item', l->>'itemId', SUM((l->>'quantity')::int)
     FROM orders o, json_array_elements(o.doc->'lines') l WHERE o.status <> 'cancelled' GROUP BY 1, 3
     ON CONFLICT DO NOTHING;`,
  // 3: placing an order is one statement, so one round trip: lock the menu's row, answer a
  // known idempotency key, check every hold against its counter, then insert the order,
  // raise the counters and remember the key. Answers with the counters it saw, so the caller
  // can word an exact refusal and decide its next order against fresh numbers.
  `CREATE OR REPLACE FUNCTION linli_place_order(
     p_key TEXT, p_hash TEXT, p_menu TEXT, p_holds JSON,
     p_id TEXT, p_status TEXT, p_placed_at TEXT, p_code TEXT, p_doc JSON
   ) RETURNS JSON LANGUAGE plpgsql AS $$
   DECLARE
     known RECORD;
     h JSON;
     taken INT;
     outcome TEXT := 'created';
   BEGIN
     PERFORM 1 FROM menus WHERE id = p_menu FOR UPDATE;
     SELECT request_hash, result_id INTO known FROM idempotency WHERE scope = 'order' AND key = p_key;
     IF FOUND THEN
       IF known.request_hash <> p_hash THEN RETURN json_build_object('kind', 'key-reused'); END IF;
       RETURN json_build_object('kind', 'replayed', 'doc', (SELECT doc FROM orders WHERE id = known.result_id));
     END IF;
     FOR h IN SELECT * FROM json_array_elements(p_holds) LOOP
       SELECT reserved INTO taken FROM reservations
         WHERE menu_id = p_menu AND kind = h->>'kind' AND ref = h->>'ref';
       IF COALESCE(taken, 0) + (h->>'amount')::INT > (h->>'limit')::INT THEN
         outcome := 'full';
         EXIT;
       END IF;
     END LOOP;
     IF outcome = 'created' THEN
       IF EXISTS (SELECT 1 FROM orders WHERE menu_id = p_menu AND pickup_code = p_code) THEN
         outcome := 'code-taken';
       ELSE
         INSERT INTO orders (id, menu_id, status, placed_at, pickup_code, doc)
           VALUES (p_id, p_menu, p_status, p_placed_at, p_code, p_doc);
         INSERT INTO reservations (menu_id, kind, ref, reserved)
           SELECT p_menu, x->>'kind', x->>'ref', (x->>'amount')::INT FROM json_array_elements(p_holds) x
           ON CONFLICT (menu_id, kind, ref) DO UPDATE SET reserved = reservations.reserved + excluded.reserved;
         INSERT INTO idempotency (scope, key, request_hash, result_id) VALUES ('order', p_key, p_hash, p_id);
       END IF;
     END IF;
     RETURN json_build_object('kind', outcome, 'held',
       (SELECT COALESCE(json_agg(json_build_array(kind, ref, reserved)), '[]'::JSON)
          FROM reservations WHERE menu_id = p_menu));
   END $$;`,
  // 4: menus carry a version, new on every write, so a server may remember menus and still
  // place no order against one that has changed: the order statement compares the version
  // its decision was made against (NULL: not checked) once it holds the menu's lock.
  `CREATE SEQUENCE IF NOT EXISTS menu_versions;
   ALTER TABLE menus ADD COLUMN IF NOT EXISTS version BIGINT NOT NULL DEFAULT nextval('menu_versions');
   DROP FUNCTION IF EXISTS linli_place_order(TEXT, TEXT, TEXT, JSON, TEXT, TEXT, TEXT, TEXT, JSON);
   CREATE OR REPLACE FUNCTION linli_place_order(
     p_key TEXT, p_hash TEXT, p_menu TEXT, p_version BIGINT, p_holds JSON,
     p_id TEXT, p_status TEXT, p_placed_at TEXT, p_code TEXT, p_doc JSON
   ) RETURNS JSON LANGUAGE plpgsql AS $$
   DECLARE
     known RECORD;
     current_version BIGINT;
     h JSON;
     taken INT;
     outcome TEXT := 'created';
   BEGIN
     SELECT version INTO current_version FROM menus WHERE id = p_menu FOR UPDATE;
     SELECT request_hash, result_id INTO known FROM idempotency WHERE scope = 'order' AND key = p_key;
     IF FOUND THEN
       IF known.request_hash <> p_hash THEN RETURN json_build_object('kind', 'key-reused'); END IF;
       RETURN json_build_object('kind', 'replayed', 'doc', (SELECT doc FROM orders WHERE id = known.result_id));
     END IF;
     IF p_version IS NOT NULL AND current_version IS DISTINCT FROM p_version THEN
       RETURN json_build_object('kind', 'menu-changed');
     END IF;
     FOR h IN SELECT * FROM json_array_elements(p_holds) LOOP
       SELECT reserved INTO taken FROM reservations
         WHERE menu_id = p_menu AND kind = h->>'kind' AND ref = h->>'ref';
       IF COALESCE(taken, 0) + (h->>'amount')::INT > (h->>'limit')::INT THEN
         outcome := 'full';
         EXIT;
       END IF;
     END LOOP;
     IF outcome = 'created' THEN
       IF EXISTS (SELECT 1 FROM orders WHERE menu_id = p_menu AND pickup_code = p_code) THEN
         outcome := 'code-taken';
       ELSE
         INSERT INTO orders (id, menu_id, status, placed_at, pickup_code, doc)
           VALUES (p_id, p_menu, p_status, p_placed_at, p_code, p_doc);
         INSERT INTO reservations (menu_id, kind, ref, reserved)
           SELECT p_menu, x->>'kind', x->>'ref', (x->>'amount')::INT FROM json_array_elements(p_holds) x
           ON CONFLICT (menu_id, kind, ref) DO UPDATE SET reserved = reservations.reserved + excluded.reserved;
         INSERT INTO idempotency (scope, key, request_hash, result_id) VALUES ('order', p_key, p_hash, p_id);
       END IF;
     END IF;
     RETURN json_build_object('kind', outcome, 'held',
       (SELECT COALESCE(json_agg(json_build_array(kind, ref, reserved)), '[]'::JSON)
          FROM reservations WHERE menu_id = p_menu));
   END $$;`,
];

/** How long a remembered menu is served to reads before it is read again. */
const MENU_FRESH_MS = 1000;

type Client = pg.PoolClient;
const docs = <T>(r: pg.QueryResult): T[] => r.rows.map((row: { doc: T }) => row.doc);
const first = <T>(r: pg.QueryResult): T | undefined => (r.rows[0] as { doc: T } | undefined)?.doc;

/**
 * PostgreSQL storage through `pg`. Orders on one menu are serialised by locking the menu's
 * row (`SELECT … FOR UPDATE`), so the stock check and the insert cannot interleave with
 * another order for the same menu; other menus are not held up.
 *
 * @example
 * const storage = createPostgresStorage({ connectionString: process.env.DATABASE_URL! });
 * await storage.migrate();
 */
export function createPostgresStorage(options: PostgresOptions): LinliStorage {
  const schema = options.schema ?? "public";
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new RangeError(`invalid schema name: ${schema}`);
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    options: `-c search_path=${schema}`,
  });

  async function tx<T>(work: (c: Client) => Promise<T>): Promise<T> {
    const c = await pool.connect();
    try {
      await c.query("BEGIN");
      const out = await work(c);
      await c.query("COMMIT");
      return out;
    } catch (e) {
      await c.query("ROLLBACK").catch(() => {});
      throw e;
    } finally {
      c.release();
    }
  }
  const setMeta = (c: Client | pg.Pool, key: string, value: unknown) =>
    c.query(
      "INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      [key, JSON.stringify(value)],
    );
  const upsert = (c: Client | pg.Pool, table: string, id: string, doc: unknown) =>
    c.query(
      `INSERT INTO ${table} (id, doc) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET doc = excluded.doc`,
      [id, JSON.stringify(doc)],
    );
  const postLedger = async (c: Client, entries: readonly LedgerEntry[]) => {
    for (let i = 0; i < entries.length; i += 500) {
      const chunk = entries.slice(i, i + 500);
      const values = chunk
        .map((_, k) => `($${k * 3 + 1}, $${k * 3 + 2}, $${k * 3 + 3})`)
        .join(", ");
      await c.query(
        `INSERT INTO ledger (rule_set_id, period, doc) VALUES ${values}`,
        chunk.flatMap((e) => [e.ruleSetId, e.period, JSON.stringify(e)]),
      );
    }
  };
  // Menus are read on every order and change rarely. Reads are served from memory for up to
  // MENU_FRESH_MS; an order sends the version of the menu it was decided against, and the
  // order statement refuses it if the stored menu is newer, so no order is ever placed
  // against a changed menu, however recently another server changed it.
  const menus = new Map<string, { menu: Menu; at: number }>();
  const versions = new WeakMap<Menu, string>();
  const putMenu = async (c: Client | pg.Pool, m: Menu) => {
    menus.delete(m.id);
    await c.query(
      "INSERT INTO menus (id, group_id, date, doc) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO UPDATE SET group_id = excluded.group_id, date = excluded.date, doc = excluded.doc, version = nextval('menu_versions')",
      [m.id, m.groupId, m.date, JSON.stringify(m)],
    );
  };
  const seen = async (
    c: Client,
    scope: string,
    idem: Idempotent,
  ): Promise<string | "reused" | undefined> => {
    const r = await c.query(
      "SELECT request_hash, result_id FROM idempotency WHERE scope = $1 AND key = $2",
      [scope, idem.key],
    );
    const row = r.rows[0] as { request_hash: string; result_id: string } | undefined;
    if (!row) return undefined;
    return row.request_hash === idem.requestHash ? row.result_id : "reused";
  };
  const remember = (c: Client, scope: string, idem: Idempotent, id: string) =>
    c.query(
      "INSERT INTO idempotency (scope, key, request_hash, result_id) VALUES ($1, $2, $3, $4)",
      [scope, idem.key, idem.requestHash, id],
    );

  /**
   * Runs an idempotent create. Same-key requests are serialised by a transaction-scoped
   * advisory lock on the key, so the second sees the first's result.
   */
  async function create<T>(
    scope: string,
    idem: Idempotent,
    table: string,
    body: (c: Client) => Promise<CreateResult<T>>,
  ): Promise<CreateResult<T>> {
    return tx(async (c) => {
      await c.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`${scope}:${idem.key}`]);
      const s = await seen(c, scope, idem);
      if (s === "reused") return { kind: "key-reused" };
      if (s !== undefined)
        return {
          kind: "replayed",
          value: first<T>(await c.query(`SELECT doc FROM ${table} WHERE id = $1`, [s]))!,
        };
      return body(c);
    });
  }

  const bump = (c: Client, menuId: string, kind: "item" | "slot", ref: string, by: number) =>
    c.query(
      "INSERT INTO reservations (menu_id, kind, ref, reserved) VALUES ($1, $2, $3, $4) ON CONFLICT (menu_id, kind, ref) DO UPDATE SET reserved = reservations.reserved + excluded.reserved",
      [menuId, kind, ref, by],
    );
  /** Adds (sign 1) or releases (sign -1) what an order holds. */
  async function hold(c: Client, o: Order, sign: 1 | -1) {
    await bump(c, o.menuId, "slot", o.slotId, sign);
    for (const l of o.lines) await bump(c, o.menuId, "item", l.itemId, sign * l.quantity);
  }
  async function reservationsOf(c: Client | pg.Pool, menuId: string): Promise<Reservations> {
    const items: Record<string, number> = {};
    const slots: Record<string, number> = {};
    const r = await c.query("SELECT kind, ref, reserved FROM reservations WHERE menu_id = $1", [
      menuId,
    ]);
    for (const row of r.rows as { kind: string; ref: string; reserved: number }[])
      (row.kind === "item" ? items : slots)[row.ref] = row.reserved;
    return { items, slots };
  }

  type PlaceAnswer =
    | { kind: "created" | "full" | "code-taken"; held: [string, string, number][] }
    | { kind: "replayed"; doc: Order }
    | { kind: "key-reused" }
    | { kind: "menu-changed" };
  /** Counters last seen per menu: a good first guess for the next order's decision. */
  const known = new Map<string, Reservations>();
  const countersFrom = (rows: [string, string, number][]): Reservations => {
    const items: Record<string, number> = {};
    const slots: Record<string, number> = {};
    for (const [kind, ref, n] of rows) (kind === "item" ? items : slots)[ref] = n;
    return { items, slots };
  };
  /** The first answer for an order key already used, if it was. */
  async function knownOrder(idem: Idempotent): Promise<CreateResult<Order> | undefined> {
    const r = await pool.query(
      "SELECT i.request_hash, o.doc FROM idempotency i JOIN orders o ON o.id = i.result_id WHERE i.scope = 'order' AND i.key = $1",
      [idem.key],
    );
    const row = r.rows[0] as { request_hash: string; doc: Order } | undefined;
    if (!row) return undefined;
    return row.request_hash === idem.requestHash
      ? { kind: "replayed", value: row.doc }
      : { kind: "key-reused" };
  }
  async function placeOnce(
    menuId: string,
    version: string | null,
    idem: Idempotent,
    o: Order,
    holds: readonly Hold[],
  ): Promise<PlaceAnswer> {
    try {
      const r = await pool.query({
        name: "linli-place-order",
        text: "SELECT linli_place_order($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) AS answer",
        values: [
          idem.key,
          idem.requestHash,
          menuId,
          version,
          JSON.stringify(holds),
          o.id,
          o.status,
          o.placedAt,
          o.pickupCode,
          JSON.stringify(o),
        ],
      });
      return r.rows[0].answer as PlaceAnswer;
    } catch (e) {
      // The same new key sent for two menus at once: the loser finds the winner's key now.
      if ((e as { code?: string }).code === "23505")
        return placeOnce(menuId, version, idem, o, holds);
      throw e;
    }
  }

  const storage: LinliStorage = {
    kind: "postgres",
    async migrate() {
      await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      await tx(async (c) => {
        await c.query("SELECT pg_advisory_xact_lock(hashtext('linli-migrate'))");
        const exists =
          (await c.query("SELECT to_regclass('schema_version') AS t")).rows[0].t !== null;
        const version = exists
          ? (((await c.query("SELECT version FROM schema_version")).rows[0]?.version as
              number | undefined) ?? 0)
          : 0;
        for (let v = version; v < MIGRATIONS.length; v++) await c.query(MIGRATIONS[v]!);
        await c.query("DELETE FROM schema_version");
        await c.query("INSERT INTO schema_version (version) VALUES ($1)", [MIGRATIONS.length]);
      });
    },
    async isEmpty() {
      return Number((await pool.query("SELECT COUNT(*) AS n FROM groups")).rows[0].n) === 0;
    },
    async seed(data: SeedData) {
      await tx(async (c) => {
        await setMeta(c, "hub", data.hub);
        if (data.recruitmentCall) await setMeta(c, "recruitmentCall", data.recruitmentCall);
        for (const g of data.groups) await upsert(c, "groups", g.id, g);
        for (const p of data.partners) await upsert(c, "partners", p.id, p);
        for (const m of data.menus) await putMenu(c, m);
        for (const s of data.ruleSets ?? []) await upsert(c, "rule_sets", s.id, s);
        for (const s of data.sessions ?? []) await upsert(c, "sessions", s.id, s);
        for (const r of data.requests ?? []) await upsert(c, "requests", r.id, r);
        await postLedger(c, data.ledger ?? []);
      });
    },
    async close() {
      await pool.end();
    },

    async getHub() {
      return (await pool.query("SELECT value FROM meta WHERE key = 'hub'")).rows[0]?.value as
        Hub | undefined;
    },
    async listGroups() {
      return docs<Group>(await pool.query("SELECT doc FROM groups ORDER BY seq"));
    },
    async getGroup(id) {
      return first<Group>(await pool.query("SELECT doc FROM groups WHERE id = $1", [id]));
    },
    async putGroup(group) {
      await upsert(pool, "groups", group.id, group);
      return group;
    },
    async listPartners() {
      return docs<Partner>(await pool.query("SELECT doc FROM partners ORDER BY seq"));
    },
    async putPartner(partner) {
      await upsert(pool, "partners", partner.id, partner);
      return partner;
    },
    async getRecruitmentCall() {
      return (await pool.query("SELECT value FROM meta WHERE key = 'recruitmentCall'")).rows[0]
        ?.value as RecruitmentCall | undefined;
    },
    async putRecruitmentCall(call) {
      await setMeta(pool, "recruitmentCall", call);
      return call;
    },

    async getMenu(id) {
      const known = menus.get(id);
      if (known && Date.now() - known.at < MENU_FRESH_MS) return known.menu;
      const row = (await pool.query("SELECT doc, version FROM menus WHERE id = $1", [id]))
        .rows[0] as { doc: Menu; version: string } | undefined;
      if (!row) {
        menus.delete(id);
        return undefined;
      }
      const menu = deepFreeze(row.doc);
      versions.set(menu, row.version);
      menus.delete(id); // re-inserted last, so the oldest read goes first when there are many
      if (menus.size >= 256) menus.delete(menus.keys().next().value!);
      menus.set(id, { menu, at: Date.now() });
      return menu;
    },
    async listMenus(groupId) {
      return docs<Menu>(
        await pool.query("SELECT doc FROM menus WHERE group_id = $1 ORDER BY date", [groupId]),
      );
    },
    async putMenu(menu) {
      await putMenu(pool, menu);
      return menu;
    },

    async listOrders(menuId) {
      return docs<Order>(
        await pool.query("SELECT doc FROM orders WHERE menu_id = $1 ORDER BY placed_at, seq", [
          menuId,
        ]),
      );
    },
    async getOrder(id) {
      return first<Order>(await pool.query("SELECT doc FROM orders WHERE id = $1", [id]));
    },
    async getReservations(menuId) {
      return reservationsOf(pool, menuId);
    },
    async placeOrder(menu, idem, decide, newPickupCode) {
      const menuId = menu.id;
      const version = versions.get(menu) ?? null;
      // Decide against the counters last seen for this menu, and let the one statement check
      // them under the menu's lock. Stale counters cost a second try, never an oversell.
      let held = known.get(menuId) ?? (await reservationsOf(pool, menuId));
      for (let attempt = 0; attempt < 8; attempt++) {
        const decision = decide(held);
        if ("issues" in decision) {
          // A known key gets its first answer, even if the order could not be placed now.
          const answer = await knownOrder(idem);
          return answer ?? { kind: "refused", issues: decision.issues };
        }
        if (!holdsFit(decision.holds, held)) throw new OversellError(menuId);
        let o = decision.order;
        let answer: PlaceAnswer;
        for (;;) {
          answer = await placeOnce(menuId, version, idem, o, decision.holds);
          if (answer.kind !== "code-taken") break;
          o = { ...o, pickupCode: newPickupCode() };
        }
        if (answer.kind === "menu-changed") {
          menus.delete(menuId);
          throw new StaleMenuError(menuId);
        }
        if (answer.kind === "key-reused") return { kind: "key-reused" };
        if (answer.kind === "replayed") return { kind: "replayed", value: answer.doc };
        held = countersFrom(answer.held);
        known.set(menuId, held);
        if (answer.kind === "created") return { kind: "created", value: o };
      }
      throw new Error(`menu ${menuId}: counters kept changing; try again`);
    },
    async updateOrder(order, ledger, from) {
      await tx(async (c) => {
        const before = first<Order>(
          await c.query("SELECT doc FROM orders WHERE id = $1 FOR UPDATE", [order.id]),
        );
        // Decided from a status the order no longer has: the change that came first stands.
        if (before?.status !== from) throw new StatusChangedError(order.id, from);
        await c.query("UPDATE orders SET status = $1, doc = $2 WHERE id = $3", [
          order.status,
          JSON.stringify(order),
          order.id,
        ]);
        // A cancellation gives the order's units and slot place back.
        if (before && before.status !== "cancelled" && order.status === "cancelled")
          await hold(c, before, -1);
        await postLedger(c, ledger);
      });
    },

    async submitApplication(idem, make) {
      return create<Application>("application", idem, "applications", async (c) => {
        // References are numbered in order: one application at a time.
        await c.query("SELECT pg_advisory_xact_lock(hashtext('linli-applications'))");
        const references = (
          await c.query("SELECT doc->>'reference' AS r FROM applications")
        ).rows.map((x: { r: string }) => x.r);
        const a = make(references);
        if ("issues" in a) return { kind: "refused", issues: a.issues };
        await c.query(
          "INSERT INTO applications (id, status, submitted_at, doc) VALUES ($1, $2, $3, $4)",
          [a.id, a.status, a.submittedAt, JSON.stringify(a)],
        );
        await remember(c, "application", idem, a.id);
        return { kind: "created", value: a };
      });
    },
    async listApplications(status) {
      return docs<Application>(
        status
          ? await pool.query(
              "SELECT doc FROM applications WHERE status = $1 ORDER BY submitted_at, seq",
              [status],
            )
          : await pool.query("SELECT doc FROM applications ORDER BY submitted_at, seq"),
      );
    },
    async getApplication(id) {
      return first<Application>(
        await pool.query("SELECT doc FROM applications WHERE id = $1", [id]),
      );
    },
    async updateApplication(a, from) {
      const r = await pool.query(
        "UPDATE applications SET status = $1, doc = $2 WHERE id = $3 AND status = $4",
        [a.status, JSON.stringify(a), a.id, from],
      );
      if (r.rowCount === 0) throw new StatusChangedError(a.id, from);
    },

    async listRuleSets() {
      return docs<SplitRuleSet>(await pool.query("SELECT doc FROM rule_sets ORDER BY seq"));
    },
    async putRuleSet(set) {
      await upsert(pool, "rule_sets", set.id, set);
      return set;
    },
    async listLedger(filter = {}) {
      const where: string[] = [];
      const params: string[] = [];
      if (filter.ruleSetId !== undefined)
        (params.push(filter.ruleSetId), where.push(`rule_set_id = $${params.length}`));
      if (filter.period !== undefined)
        (params.push(filter.period), where.push(`period = $${params.length}`));
      return docs<LedgerEntry>(
        await pool.query(
          `SELECT doc FROM ledger ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY seq`,
          params,
        ),
      );
    },
    async listRefunds(saleId) {
      return docs<RefundSplit>(
        await pool.query("SELECT doc FROM refunds WHERE sale_id = $1 ORDER BY seq", [saleId]),
      );
    },
    async addRefund(idem, make, saleId) {
      return create<RefundSplit>("refund", idem, "refunds", async (c) => {
        await c.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`refunds:${saleId}`]);
        const previous = docs<RefundSplit>(
          await c.query("SELECT doc FROM refunds WHERE sale_id = $1 ORDER BY seq", [saleId]),
        );
        const decision = make(previous);
        if ("issues" in decision) return { kind: "refused", issues: decision.issues };
        const r = decision.refund;
        await c.query("INSERT INTO refunds (id, sale_id, doc) VALUES ($1, $2, $3)", [
          r.refundId,
          r.saleId,
          JSON.stringify(r),
        ]);
        await postLedger(c, decision.ledger);
        await remember(c, "refund", idem, r.refundId);
        return { kind: "created", value: r };
      });
    },

    async listSessions() {
      return docs<SessionRecord>(await pool.query("SELECT doc FROM sessions ORDER BY seq"));
    },
    async listRequests() {
      return docs<Request>(await pool.query("SELECT doc FROM requests ORDER BY seq"));
    },
  };
  return storage;
}
