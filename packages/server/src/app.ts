import { createHash, hash, timingSafeEqual } from "node:crypto";
import {
  allocateSale,
  applicationReceipt,
  applicationLifecycle,
  checkApplication,
  paysPartner,
  unknownReference,
  checkOrder,
  createMetricRegistry,
  currentMenu,
  emptyPeriodState,
  errorBody,
  holdsOf,
  httpCodeForIssues,
  issue,
  localize,
  matchesGroupQuery,
  maskPhone,
  metricsPeriodIssue,
  menuAvailability,
  monthFromNumber,
  monthNumber,
  nextApplicationReference,
  openApiDocument,
  orderLifecycle,
  orderReceipt,
  periodOf,
  pickupCodeFrom,
  publicGroup,
  refundEntries,
  routes,
  saleEntries,
  settle,
  splitRefund,
  toOffsetIso,
  toZoned,
  versionAt,
  type Allocation,
  type Application,
  type ApplicationInput,
  type CurrencyCode,
  type ApplicationStatus,
  type Group,
  type GroupQuery,
  type LedgerEntry,
  type LinliIssue,
  type Menu,
  type Money,
  type Order,
  type OrderStatus,
  type Partner,
  type PeriodState,
  type PlaceOrderBody,
  type RecruitmentCall,
  type RouteDefinition,
  type RouteId,
  type SplitRuleSet,
} from "@linli/core";
import { Hono, type Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { corsFor } from "./cors.js";
import { HttpError } from "./http-error.js";
import { readInput } from "./input.js";
import { newId, randomBytesPooled } from "./random.js";
import {
  StaleMenuError,
  StatusChangedError,
  type CreateResult,
  type LinliStorage,
} from "./storage/storage.js";

/** Options for {@link createApp}. */
export interface AppOptions {
  readonly storage: LinliStorage;
  /** The server's clock; cut-offs are enforced with it. Default `Date.now`. */
  readonly now?: () => number;
  /** SHA-256 hex digests of the admin API keys (keys themselves are never stored). */
  readonly adminKeyHashes?: readonly string[];
  /** Origins allowed to call the API from a browser (the sites that embed the widgets). */
  readonly corsOrigins?: readonly string[];
  /** Largest request body, bytes. Default 64 KiB. */
  readonly bodyLimitBytes?: number;
  /**
   * Public POSTs per client address per minute; `false` turns the limit off. Default 60. A
   * refusal (429) says in `Retry-After` how many seconds are left of the client's minute.
   */
  readonly rateLimitPerMinute?: number | false;
  /**
   * Behind a reverse proxy: take the client's address for the rate limit from the last
   * address in `X-Forwarded-For` (the one the proxy appended), not from the socket, which is
   * the proxy's for everyone. Only with a proxy that appends it: without one, a client
   * could name any address. Default `false`.
   */
  readonly trustProxy?: boolean;
  /** Structured log sink; entries carry no personal data. Default: none. */
  readonly log?: (entry: Readonly<Record<string, string | number>>) => void;
  /** Reported in /health and the OpenAPI document. */
  readonly version?: string;
}

/** SHA-256 hex of an admin key, as `adminKeyHashes` expects. */
export const hashAdminKey = (key: string): string => createHash("sha256").update(key).digest("hex");

// One call, no Hash object: the request hash of every order and application.
const sha256 = (text: string) => hash("sha256", text, "hex");

/**
 * The Linli HTTP API on Hono, every route from the core contract. Storage decides
 * atomicity; the app validates, applies core's rules, and shapes answers.
 *
 * @example
 * const app = createApp({ storage: createSqliteStorage({ filename: "linli.db" }), adminKeyHashes: [hashAdminKey(key)] });
 * serve({ fetch: app.fetch, port: 8787, hostname: "127.0.0.1" });
 */
export function createApp(options: AppOptions): Hono {
  const { storage } = options;
  const now = options.now ?? Date.now;
  const log = options.log ?? (() => {});
  const adminHashes = (options.adminKeyHashes ?? []).map((h) => Buffer.from(h, "hex"));
  const registry = createMetricRegistry();
  const app = new Hono();

  app.use("*", async (c, next) => {
    const started = performance.now();
    await next();
    // Route patterns, not URLs: no pickup codes or ids of people in the logs.
    log({
      method: c.req.method,
      route: c.req.routePath,
      status: c.res.status,
      ms: Math.round(performance.now() - started),
    });
  });
  app.use(
    "*",
    corsFor({
      origins: options.corsOrigins ?? [],
      methods: ["GET", "POST", "PUT"],
      headers: ["content-type", "idempotency-key", "authorization"],
      maxAge: 600,
    }),
  );
  const maxBody = options.bodyLimitBytes ?? 64 * 1024;
  const streamedLimit = bodyLimit({
    maxSize: maxBody,
    onError: (c) => c.json(errorBody("PAYLOAD_TOO_LARGE"), 413),
  });
  app.use("*", async (c, next) => {
    // Reads carry no body. A declared length is checked from the header alone. Hono's own limit first touches
    // `raw.body`, which makes @hono/node-server build a full fetch Request (a stream, an
    // AbortSignal) for every POST: about half the cost of an order under load. Bodies without
    // a length (chunked) still go through it and are counted as they stream.
    if (c.req.method === "GET" || c.req.method === "HEAD") return next();
    const length = c.req.header("content-length");
    if (length === undefined || c.req.header("transfer-encoding") !== undefined)
      return streamedLimit(c, next);
    if (!/^\d+$/.test(length) || Number(length) > maxBody)
      return c.json(errorBody("PAYLOAD_TOO_LARGE"), 413);
    await next();
  });

  const limit = options.rateLimitPerMinute ?? 60;
  const windows = new Map<string, { start: number; count: number }>();
  const clientAddress = (c: Context): string => {
    if (options.trustProxy) {
      // The proxy appends the address it was reached from; earlier entries are the client's say.
      const forwarded = c.req.header("x-forwarded-for");
      const last = forwarded?.slice(forwarded.lastIndexOf(",") + 1).trim();
      if (last) return last;
    }
    const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)
      ?.incoming;
    return incoming?.socket?.remoteAddress ?? "unknown";
  };
  /** Counts a public POST; the seconds until the client may send again when over the limit. */
  const rateLimited = (c: Context): number | undefined => {
    if (limit === false) return undefined;
    const who = clientAddress(c);
    const t = Date.now();
    const w = windows.get(who);
    if (!w || t - w.start >= 60_000) {
      windows.set(who, { start: t, count: 1 });
      if (windows.size > 10_000) windows.clear();
      return undefined;
    }
    w.count++;
    return w.count > limit ? Math.max(1, Math.ceil((w.start + 60_000 - t) / 1000)) : undefined;
  };

  const requireAdmin = (c: Context) => {
    const header = c.req.header("authorization") ?? "";
    const m = /^Bearer\s+(.+)$/i.exec(header);
    const given = m ? Buffer.from(sha256(m[1]!.trim()), "hex") : undefined;
    if (!given || !adminHashes.some((h) => h.length === given.length && timingSafeEqual(h, given)))
      throw new HttpError("UNAUTHORIZED");
  };

  /** Registers a contract route with input validation, auth and its success status. */
  function route<P = unknown, Q = unknown, H = unknown, B = unknown>(
    id: RouteId,
    handler: (input: { params: P; query: Q; headers: H; body: B }, c: Context) => Promise<unknown>,
  ) {
    const r: RouteDefinition = routes[id];
    const method = r.method.toLowerCase() as "get" | "post" | "put";
    app[method](r.path, async (c) => {
      if (r.auth === "admin") requireAdmin(c);
      if (r.auth === "public" && r.method === "POST") {
        const retryAfter = rateLimited(c);
        if (retryAfter !== undefined)
          return c.json(errorBody("RATE_LIMITED"), 429, { "retry-after": String(retryAfter) });
      }
      const input = await readInput<P, Q, H, B>(c, r);
      const result = await handler(input, c);
      return c.json(result as object, r.status);
    });
  }

  const hubZone = async () => (await storage.getHub())?.timeZone ?? "Asia/Shanghai";
  const partnerMap = async () => new Map((await storage.listPartners()).map((p) => [p.id, p]));
  const findGroup = async (idOrSlug: string): Promise<Group> => {
    const g =
      (await storage.getGroup(idOrSlug)) ??
      (await storage.listGroups()).find((x) => x.slug === idOrSlug);
    if (!g) throw new HttpError("NOT_FOUND", [unknownReference("group", idOrSlug, "id")]);
    return g;
  };

  route("getHub", async () => {
    const hub = await storage.getHub();
    if (!hub) throw new HttpError("NOT_FOUND");
    return hub;
  });

  route<unknown, GroupQuery>("listGroups", async ({ query }) => {
    const partners = await partnerMap();
    const hubId = (await storage.getHub())?.id;
    // The hub's own groups: a server serves one hub, though its ledger may cover more.
    const groups = (await storage.listGroups()).filter(
      (g) => g.hubId === hubId && matchesGroupQuery(g, query),
    );
    return { groups: groups.map((g) => publicGroup(g, partners)) };
  });

  route<{ id: string }>("getGroup", async ({ params }) =>
    publicGroup(await findGroup(params.id), await partnerMap()),
  );

  route<{ id: string }, { date?: string }>("getMenu", async ({ params, query }) => {
    const group = await findGroup(params.id);
    const menus = await storage.listMenus(group.id);
    const today = toZoned(now(), await hubZone()).date;
    const menu =
      query.date !== undefined
        ? menus.find((m) => m.date === query.date)
        : currentMenu(menus, now());
    if (!menu)
      throw new HttpError("NOT_FOUND", [
        issue("NO_MENU_ON_DATE", { date: query.date ?? today }, "date"),
      ]);
    return {
      menu,
      availability: menuAvailability(menu, await storage.getReservations(menu.id), now()),
    };
  });

  route<unknown, unknown, { "idempotency-key": string }, PlaceOrderBody>(
    "placeOrder",
    async ({ headers, body }, c) => {
      // A menu that changed while the order was being decided is read again (see
      // StaleMenuError); three changes in a row inside one order would be a storm of edits.
      for (let attempt = 1; ; attempt++) {
        const menu = await storage.getMenu(body.menuId);
        if (!menu)
          throw new HttpError("NOT_FOUND", [unknownReference("menu", body.menuId, "menuId")]);
        let result: CreateResult<Order>;
        try {
          result = await storage.placeOrder(
            menu,
            { key: headers["idempotency-key"], requestHash: sha256(JSON.stringify(body)) },
            (reservations) => {
              const t = now();
              const quote = checkOrder(menu, reservations, body, t);
              if (!quote.ok) return { issues: quote.error };
              const pickupCode = pickupCodeFrom(randomBytesPooled(4));
              const at = toOffsetIso(t, menu.timeZone);
              const order: Order = {
                id: newId("o", t),
                menuId: menu.id,
                groupId: menu.groupId,
                lines: quote.value.lines,
                total: quote.value.total,
                slotId: body.slotId,
                contact: body.contact,
                ...(body.note ? { note: body.note } : {}),
                consent: body.consent,
                idempotencyKey: headers["idempotency-key"],
                pickupCode,
                status: "placed",
                placedAt: at,
                updatedAt: at,
              };
              return { order, holds: holdsOf(menu, order) };
            },
            () => pickupCodeFrom(randomBytesPooled(4)),
          );
        } catch (e) {
          if (e instanceof StaleMenuError && attempt < 3) continue;
          throw e;
        }
        c.status(201);
        return settleCreate(result, (o) => orderReceipt(o, menu));
      }
    },
  );

  route<{ id: string }, { code: string }>("getOrder", async ({ params, query }) => {
    const order = await storage.getOrder(params.id);
    // A wrong code looks exactly like a missing order: nothing to learn by guessing.
    if (!order || order.pickupCode !== query.code) throw new HttpError("NOT_FOUND");
    const menu = await storage.getMenu(order.menuId);
    if (!menu) throw new HttpError("NOT_FOUND");
    return orderReceipt(order, menu);
  });

  route("getRecruitmentCall", async () => {
    const call = await storage.getRecruitmentCall();
    if (!call) throw new HttpError("NOT_FOUND");
    return call;
  });

  route<unknown, unknown, unknown, ApplicationInput>("submitApplication", async ({ body }, c) => {
    const call = await storage.getRecruitmentCall();
    const key = c.req.header("idempotency-key") ?? sha256(JSON.stringify(body));
    const zone = await hubZone();
    let unknownCall = false;
    const result = await storage.submitApplication(
      { key, requestHash: sha256(JSON.stringify(body)) },
      (references) => {
        // Checked here, after the key: a retry of an application taken for a call since
        // replaced still gets its receipt.
        if (!call || call.id !== body.callId) {
          unknownCall = true;
          return { issues: [unknownReference("call", body.callId, "callId")] };
        }
        // Only while the call is open, with consent to its current privacy notice.
        const open = checkApplication(call, body, now(), zone);
        if (!open.ok) return { issues: open.error };
        const at = toOffsetIso(now(), zone);
        const reference = nextApplicationReference(references, at.slice(0, 4));
        const application: Application = {
          ...body,
          id: newId("a", now()),
          reference,
          status: "submitted",
          submittedAt: at,
          updatedAt: at,
        };
        return application;
      },
    );
    if (unknownCall && result.kind === "refused") throw new HttpError("NOT_FOUND", result.issues);
    c.status(201);
    return settleCreate(result, applicationReceipt);
  });

  route<unknown, { from?: string; to?: string }>("getMetrics", async ({ query }) => {
    const hub = await storage.getHub();
    const zone = hub?.timeZone ?? "Asia/Shanghai";
    const today = toZoned(now(), zone).date;
    const to = query.to ?? today.slice(0, 7);
    // Six months ending this month, unless asked otherwise.
    const from = query.from ?? monthFromNumber(monthNumber(to) - 5);
    // The contract checks a range given whole; a `from` alone runs to this month.
    const tooLong = metricsPeriodIssue(from, to, query.to === undefined ? "from" : "to");
    if (tooLong) throw new HttpError("VALIDATION_FAILED", [tooLong]);
    const [sessions, requests, ledger] = await Promise.all([
      storage.listSessions(),
      storage.listRequests(),
      storage.listLedger(),
    ]);
    // The platform's records start with the earliest sale, session or request it holds:
    // months before that are "not recorded", and their income unknown rather than zero.
    let recordsSince = today;
    for (const s of sessions) if (s.date < recordsSince) recordsSince = s.date;
    for (const r of requests) if (r.receivedOn < recordsSince) recordsSince = r.receivedOn;
    // Entries are stored in UTC; the day that counts is the hub's.
    let firstPosted = Infinity;
    for (const e of ledger) firstPosted = Math.min(firstPosted, Date.parse(e.at));
    if (firstPosted !== Infinity) {
      const day = toZoned(firstPosted, zone).date;
      if (day < recordsSince) recordsSince = day;
    }
    // Figures are in the currency most of the ledger is in (entries in others are left out,
    // and the snapshot says how many); CNY for a hub with no ledger yet.
    const perCurrency = new Map<CurrencyCode, number>();
    for (const e of ledger) perCurrency.set(e.currency, (perCurrency.get(e.currency) ?? 0) + 1);
    let currency: CurrencyCode = "CNY";
    for (const [code, n] of perCurrency) if (n > (perCurrency.get(currency) ?? 0)) currency = code;
    const data = {
      scope: { id: hub?.id ?? "linli", name: hub?.name ?? { "zh-CN": "邻里" } },
      currency,
      asOf: today,
      recordsSince,
      partners: await storage.listPartners(),
      groups: await storage.listGroups(),
      sessions,
      requests,
      ledger,
      ruleSets: await storage.listRuleSets(),
      coverage: [],
    };
    const r = registry.snapshot(data, { from, to }, toOffsetIso(now(), zone));
    if (!r.ok) throw new HttpError("VALIDATION_FAILED", [r.error]);
    return r.value;
  });

  // Admin.

  route<unknown, { status?: ApplicationStatus }>("listApplications", async ({ query }) => ({
    applications: await storage.listApplications(query.status),
  }));

  route<{ id: string }, unknown, unknown, { status: ApplicationStatus }>(
    "moveApplication",
    async ({ params, body }) => {
      // Stored only if nobody moved it meanwhile; if someone did, decided again from there.
      for (let attempt = 1; ; attempt++) {
        const a = await storage.getApplication(params.id);
        if (!a) throw new HttpError("NOT_FOUND");
        const moved = applicationLifecycle.transition(a.status, body.status);
        if (!moved.ok) throw new HttpError("TRANSITION_REFUSED", [moved.error]);
        const updated: Application = {
          ...a,
          status: moved.value,
          updatedAt: toOffsetIso(now(), await hubZone()),
        };
        try {
          await storage.updateApplication(updated, a.status);
        } catch (e) {
          if (e instanceof StatusChangedError && attempt < 3) continue;
          throw e;
        }
        return updated;
      }
    },
  );

  route<{ id: string }, unknown, unknown, { status: OrderStatus }>(
    "moveOrder",
    async ({ params, body }) => {
      // Stored only if nobody moved the order meanwhile; if someone did, decided again from
      // where they left it (two "collected" at once: one sale, and the other is refused).
      for (let attempt = 1; ; attempt++) {
        const order = await storage.getOrder(params.id);
        if (!order) throw new HttpError("NOT_FOUND");
        const moved = orderLifecycle.transition(order.status, body.status);
        if (!moved.ok) throw new HttpError("TRANSITION_REFUSED", [moved.error]);
        const menu = (await storage.getMenu(order.menuId))!;
        const updated: Order = {
          ...order,
          status: moved.value,
          updatedAt: toOffsetIso(now(), menu.timeZone),
        };
        // A collection is a sale: split it under the group's rule set and post it to the ledger.
        const ledger = moved.value === "collected" ? await saleLedger(updated, menu) : [];
        try {
          await storage.updateOrder(updated, ledger, order.status);
        } catch (e) {
          if (e instanceof StatusChangedError && attempt < 3) continue;
          throw e;
        }
        return updated;
      }
    },
  );

  route<{ id: string }, unknown, { "idempotency-key": string }, { amount: Money }>(
    "refundOrder",
    async ({ params, headers, body }, c) => {
      const order = await storage.getOrder(params.id);
      if (!order) throw new HttpError("NOT_FOUND");
      // The rule set the sale was posted under, which the group may have left since.
      const sale = (await storage.listLedger()).find((e) => e.txId === `sale:${order.id}`);
      const set = sale && (await ruleSetById(sale.ruleSetId));
      if (!set || !sale || order.status !== "collected") {
        throw new HttpError("TRANSITION_REFUSED", [
          issue(
            "TRANSITION_REFUSED",
            {
              fromLabel: orderLifecycle.labels[order.status],
              toLabel: { "zh-CN": "退款", en: "Refunded" },
            },
            "status",
          ),
        ]);
      }
      const allocation = await reallocate(order, set);
      const result = await storage.addRefund(
        // The order is part of the request: a key sent again for another order is a reuse.
        {
          key: headers["idempotency-key"],
          requestHash: sha256(JSON.stringify({ orderId: order.id, ...body })),
        },
        (previous) => {
          const r = splitRefund(
            allocation,
            {
              id: newId("r", now()),
              saleId: order.id,
              amount: body.amount,
              at: toOffsetIso(now(), set.timeZone),
            },
            previous,
          );
          return r.ok
            ? { refund: r.value, ledger: refundEntries(r.value, set) }
            : { issues: [r.error] };
        },
        order.id,
      );
      c.status(201);
      return settleCreate(result, (r) => r);
    },
  );

  route<{ id: string }, { date?: string }>("getRoster", async ({ params, query }) => {
    const group = await findGroup(params.id);
    const zone = await hubZone();
    const date = query.date ?? toZoned(now(), zone).date;
    const menu = (await storage.listMenus(group.id)).find((m) => m.date === date);
    if (!menu) throw new HttpError("NOT_FOUND");
    const orders = (await storage.listOrders(menu.id)).filter((o) => o.status !== "cancelled");
    const bySlot = [...menu.slots].sort((a, b) => a.start.localeCompare(b.start));
    const lines = [`${localize(group.name, "zh-CN")} ${date} 取货名单（共 ${orders.length} 单）`];
    for (const slot of bySlot) {
      const here = orders.filter((o) => o.slotId === slot.id);
      if (here.length === 0) continue;
      lines.push(`【${slot.start}–${slot.end}】`);
      for (const o of here) {
        const items = o.lines
          .map(
            (l) =>
              `${localize(menu.items.find((i) => i.id === l.itemId)?.name ?? { "zh-CN": l.itemId }, "zh-CN")}×${l.quantity}`,
          )
          .join("、");
        lines.push(`${o.pickupCode} ${maskPhone(o.contact.phone)} ${items}`);
      }
    }
    return { groupId: group.id, date, text: lines.join("\n"), orders };
  });

  /** A PUT's body must name the id in its path: a typo must not write another record. */
  const sameId = (params: { id: string }, body: { id: string }) => {
    if (body.id !== params.id)
      throw new HttpError("VALIDATION_FAILED", [
        issue("INVALID_INPUT", { label: { "zh-CN": "编号", en: "the id" } }, "id"),
      ]);
  };

  route<{ id: string }, unknown, unknown, Group>("putGroup", async ({ params, body }) => {
    sameId(params, body);
    return storage.putGroup(body);
  });

  route<{ id: string }, unknown, unknown, Menu>("putMenu", async ({ params, body }) => {
    sameId(params, body);
    if (!(await storage.getGroup(body.groupId)))
      throw new HttpError("NOT_FOUND", [unknownReference("group", body.groupId, "groupId")]);
    return storage.putMenu(body);
  });

  route<{ id: string }, unknown, unknown, SplitRuleSet>(
    "putSplitRuleSet",
    async ({ params, body }) => {
      sameId(params, body);
      return storage.putRuleSet(body);
    },
  );

  route<unknown, unknown, unknown, RecruitmentCall>("putRecruitmentCall", async ({ body }) => {
    const elsewhere = await otherHub(body.hubId);
    if (elsewhere) throw new HttpError("NOT_FOUND", [elsewhere]);
    return storage.putRecruitmentCall(body);
  });

  route("listPartners", async () => ({ partners: await storage.listPartners() }));

  route("listSplitRuleSets", async () => ({ ruleSets: await storage.listRuleSets() }));

  route<{ id: string }, unknown, unknown, Partner>("putPartner", async ({ params, body }) => {
    sameId(params, body);
    const issues: LinliIssue[] = [];
    const groups: Group[] = [];
    for (const [i, id] of body.groupIds.entries()) {
      const group = await storage.getGroup(id);
      if (group) groups.push(group);
      else issues.push(unknownReference("group", id, `groupIds.${i}`));
    }
    const setId = body.splitRuleSetId;
    const set = setId === undefined ? undefined : await ruleSetById(setId);
    if (setId !== undefined && !set)
      issues.push(unknownReference("ruleSet", setId, "splitRuleSetId"));
    if (issues.length > 0) throw new HttpError("NOT_FOUND", issues);
    if (set && !paysPartner(set, body, groups))
      throw new HttpError("VALIDATION_FAILED", [
        issue("RULE_SET_NOT_THEIRS", {}, "splitRuleSetId"),
      ]);
    return storage.putPartner(body);
  });

  route<unknown, { ruleSetId: string; partyId: string; period: string }>(
    "getSettlement",
    async ({ query }) => {
      const set = await ruleSetById(query.ruleSetId);
      if (!set || !set.parties.some((p) => p.id === query.partyId))
        throw new HttpError("NOT_FOUND");
      return settle(
        await storage.listLedger({ ruleSetId: set.id, period: query.period }),
        set,
        query.partyId,
        query.period,
      );
    },
  );

  app.get("/openapi.json", (c) => c.json(openApiDocument({ version: options.version ?? "0.0.0" })));
  app.get("/health", (c) =>
    c.json({ ok: true, storage: storage.kind, version: options.version ?? "0.0.0" }),
  );

  // A known address asked with another method is a 405 naming the methods it takes, not a 404.
  const addresses = [
    ...Object.values(routes).map((r) => ({ method: r.method, path: r.path })),
    { method: "GET", path: "/openapi.json" },
    { method: "GET", path: "/health" },
  ].map(({ method, path }) => ({
    method,
    pattern: new RegExp(`^${path.replace(/:[^/]+/g, "[^/]+")}/?$`),
  }));
  app.notFound((c) => {
    const allowed = [
      ...new Set(addresses.filter((a) => a.pattern.test(c.req.path)).map((a) => a.method)),
    ];
    if (allowed.length === 0) return c.json(errorBody("NOT_FOUND"), 404);
    if (allowed.includes("GET")) allowed.push("HEAD");
    c.header("Allow", [...allowed, "OPTIONS"].join(", "));
    return c.json(errorBody("METHOD_NOT_ALLOWED"), 405);
  });
  app.onError((err, c) => {
    if (err instanceof HttpError)
      return c.json(errorBody(err.code, err.issues), errorBody(err.code).error.status as 400);
    log({
      level: "error",
      route: c.req.routePath,
      error: err instanceof Error ? err.name : "unknown",
    });
    return c.json(errorBody("INTERNAL"), 500);
  });

  /** The answer to an idempotent create: the value (new or replayed), or the refusal. */
  function settleCreate<T, R>(result: CreateResult<T>, view: (value: T) => R): R {
    if (result.kind === "key-reused") {
      throw new HttpError("IDEMPOTENCY_KEY_REUSED", [
        issue("KEY_REUSED", {}, "headers.idempotency-key"),
      ]);
    }
    if (result.kind === "refused")
      throw new HttpError(httpCodeForIssues(result.issues), result.issues);
    return view(result.value);
  }

  async function ruleSetById(id: string): Promise<SplitRuleSet | undefined> {
    return (await storage.listRuleSets()).find((s) => s.id === id);
  }

  /** The 404 issue for a `hubId` that is not this server's hub, at that field. */
  async function otherHub(hubId: string): Promise<LinliIssue | undefined> {
    const hub = await storage.getHub();
    return hub && hubId === hub.id ? undefined : unknownReference("hub", hubId, "hubId");
  }

  async function ruleSetFor(groupId: string): Promise<SplitRuleSet | undefined> {
    const group = await storage.getGroup(groupId);
    const partners = await partnerMap();
    const ids = (group?.organiserIds ?? [])
      .map((id) => partners.get(id)?.splitRuleSetId)
      .filter((x): x is string => !!x);
    const sets = await storage.listRuleSets();
    return sets.find((s) => ids.includes(s.id));
  }

  /** The period state before a sale: volume and each party's share so far, from the ledger. */
  async function periodState(set: SplitRuleSet, period: string): Promise<PeriodState> {
    const entries = await storage.listLedger({ ruleSetId: set.id, period });
    const state = emptyPeriodState(period);
    const received: Record<string, number> = {};
    let volume = 0;
    for (const e of entries) {
      if (e.kind !== "sale") continue;
      if (e.account === "cash") volume += e.amount;
      else
        received[e.account.slice("party:".length)] =
          (received[e.account.slice("party:".length)] ?? 0) - e.amount;
    }
    return { ...state, volume, received };
  }

  /**
   * A collection's sale, split under the group's rule set, as ledger entries. Refused (409)
   * when the group has no rule set or the split refuses the sale (another currency, say): a
   * collection is never stored without its sale, or settlements and metrics would miss it.
   */
  async function saleLedger(order: Order, menu: Menu): Promise<LedgerEntry[]> {
    const set = await ruleSetFor(order.groupId);
    if (!set) throw new HttpError("TRANSITION_REFUSED", [issue("NO_RULE_SET", {}, "status")]);
    const at = toOffsetIso(now(), menu.timeZone);
    const r = allocateSale(
      { id: order.id, amount: order.total, at },
      set,
      await periodState(set, periodOf(now(), set.timeZone)),
    );
    if (!r.ok) throw new HttpError("TRANSITION_REFUSED", [r.error]);
    return saleEntries(r.value.allocation);
  }

  /**
   * Rebuilds a collected order's allocation from its ledger entries, for a refund: what each
   * party received net of fees, under the rule set version in force when the sale was posted.
   */
  async function reallocate(order: Order, set: SplitRuleSet): Promise<Allocation> {
    const entries = (await storage.listLedger({ ruleSetId: set.id })).filter(
      (e) => e.saleId === order.id && e.txId === `sale:${order.id}`,
    );
    const net = new Map<string, number>();
    for (const e of entries)
      if (e.account !== "cash")
        net.set(e.account.slice(6), (net.get(e.account.slice(6)) ?? 0) - e.amount);
    const first = entries[0]!;
    const version = versionAt(set, Date.parse(first.at));
    if (!version) throw new Error(`no version of rule set ${set.id} was in force at ${first.at}`);
    return {
      saleId: order.id,
      ruleSetId: set.id,
      version: version.version,
      period: first.period,
      at: first.at,
      amount: order.total,
      lines: set.parties.map((p) => ({
        partyId: p.id,
        amount: { amount: net.get(p.id) ?? 0, currency: set.currency },
        beforeFees: { amount: net.get(p.id) ?? 0, currency: set.currency },
      })),
      fees: [],
      explanation: [],
    };
  }

  return app;
}
