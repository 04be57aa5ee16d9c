import {
  ApplicationInputSchema,
  checkApplication,
  checkOrder,
  createMetricRegistry,
  errorBody,
  fieldLabels,
  httpCodeForIssues,
  IdempotencyKeySchema,
  issue,
  menuAvailability,
  pickupCodeFrom,
  PlaceOrderBodySchema,
  publicRoutes,
  toOffsetIso,
  GroupQuerySchema,
  matchesGroupQuery,
  metricsPeriodIssue,
  publicGroup,
  toZoned,
  unknownReference,
  validate,
  type Application,
  type Group,
  type LinliIssue,
  type Menu,
  type Order,
  type PlaceOrderBody,
  type PublicGroup,
  type Result,
  applicationReceipt,
  currentMenu,
  nextApplicationReference,
} from "@linli/core";
import { LinliClientError } from "../errors.js";
import type { CallOptions, LinliStore } from "../store.js";
import { checkedData, type EmbeddedData } from "./data.js";
import { fingerprint } from "./fingerprint.js";
import { defaultPeriod, monthsBefore, ownMetricsData } from "./metrics.js";
import {
  browserStorage,
  memoryPersistence,
  storagePersistence,
  type Persistence,
  type StorageLike,
} from "./persist.js";
import { storedOrderReceipt } from "./receipts.js";
import { emptyState, type EmbeddedState, type KeyUse, type StoredOrder } from "./state.js";

/** Options of {@link createEmbeddedStore}. */
export interface EmbeddedStoreOptions {
  /**
   * What the store starts from. Default: the red-house demo data ({@link defaultEmbeddedData}),
   * loaded on the first call, so a bundle that always passes data leaves it out.
   */
  readonly data?: EmbeddedData;
  /**
   * Where orders and applications are kept: only in memory, or also in `localStorage` (so
   * they survive a reload and are shared by the page's tabs). Default: `"localStorage"` when
   * `storage` is given, else `"memory"`. With `"localStorage"` and no working storage (Node,
   * a sandboxed iframe) the store quietly keeps to memory.
   */
  readonly persist?: "memory" | "localStorage";
  /** The storage key. Default {@link DEFAULT_STORAGE_KEY}. */
  readonly storageKey?: string;
  /** A Web Storage to use instead of `globalThis.localStorage` (tests, `sessionStorage`). */
  readonly storage?: StorageLike;
  /** The clock, in epoch milliseconds. Default `Date.now`. */
  readonly now?: () => number;
  /** `n` random bytes, for ids and pickup codes. Default `crypto.getRandomValues`. */
  readonly random?: (n: number) => Uint8Array;
}

/** Where orders and applications are kept in `localStorage` unless told otherwise. */
export const DEFAULT_STORAGE_KEY = "linli:embedded-store";

const defaultRandom = (n: number): Uint8Array =>
  globalThis.crypto.getRandomValues(new Uint8Array(n));

const hex = (bytes: Uint8Array): string =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");

type Valid<R> = R extends { readonly ok: true; readonly value: infer T } ? T : never;

/** The values of validations, or one `VALIDATION_FAILED` refusal with all their issues. */
function accept<const R extends readonly Result<unknown, LinliIssue[]>[]>(
  ...results: R
): { -readonly [K in keyof R]: Valid<R[K]> } {
  const issues = results.flatMap((r) => (r.ok ? [] : r.error));
  if (issues.length > 0) throw LinliClientError.fromCode("VALIDATION_FAILED", issues);
  return results.map((r) => (r as { value: unknown }).value) as never;
}

/** The idempotency key, checked like the server checks its `Idempotency-Key` header. */
function checkKey(key: unknown): Result<string, LinliIssue[]> {
  const r = validate(IdempotencyKeySchema, key, {
    labels: { "": fieldLabels["idempotencyKey"]! },
  });
  return r.ok ? r : { ok: false, error: r.error.map((i) => ({ ...i, path: KEY_PATH })) };
}

// Issues carry the paths the server gives, so a form maps both stores' refusals alike.
const KEY_PATH = "headers.idempotency-key";
const notFound = () => LinliClientError.fromCode("NOT_FOUND");
/** The server's 404 for an id that names nothing: what was looked for, at its field. */
const unknown = (...why: Parameters<typeof unknownReference>) =>
  LinliClientError.fromCode("NOT_FOUND", [unknownReference(...why)]);

const STORAGE_FULL = {
  "zh-CN": "这台设备的浏览器存储空间已满，这次提交没有保存。请清理一些浏览器数据后重试。",
  en: "This browser's storage is full, so this was not saved: clear some browsing data and try again.",
};

/** Whether a write was refused for want of room (`QuotaExceededError`, or Firefox's old name). */
const isQuotaError = (e: unknown) =>
  e instanceof Error &&
  (e.name === "QuotaExceededError" || e.name === "NS_ERROR_DOM_QUOTA_REACHED");

/**
 * A failure that is nobody's input: the browser's storage full (507, said as such, since
 * "the server" would mislead where there is none), or a bug or a refused write (500).
 */
function internal(cause: unknown): LinliClientError {
  if (isQuotaError(cause))
    return new LinliClientError({
      kind: "server",
      status: 507,
      code: "STORAGE_FULL",
      messages: STORAGE_FULL,
      cause,
    });
  return new LinliClientError({
    kind: "server",
    status: 500,
    code: "INTERNAL",
    messages: errorBody("INTERNAL").error.message,
    cause,
  });
}

/** The body an order was placed with, as a replay of its key is compared against. */
function bodyOf(order: Order): PlaceOrderBody {
  const body: PlaceOrderBody = {
    menuId: order.menuId,
    lines: order.lines.map(({ itemId, quantity }) => ({ itemId, quantity })),
    slotId: order.slotId,
    contact: order.contact,
    consent: order.consent,
  };
  if (order.note !== undefined) body.note = order.note;
  return body;
}

function storedOrder(order: Order, menu: Menu): StoredOrder {
  const slot = menu.slots.find((s) => s.id === order.slotId);
  if (!slot) throw new TypeError(`createEmbeddedStore: order ${order.id} names an unknown slot`);
  const out: StoredOrder = {
    order,
    date: menu.date,
    slot: { id: slot.id, start: slot.start, end: slot.end },
  };
  return menu.pickupLocation ? { ...out, pickupLocation: menu.pickupLocation } : out;
}

/** The state the host's data implies: its orders (with their keys) and applications. */
function seedState(data: EmbeddedData, menus: ReadonlyMap<string, Menu>): EmbeddedState {
  const orders = (data.orders ?? []).map((o) => storedOrder(o, menus.get(o.menuId)!));
  return {
    ...emptyState(),
    orders,
    applications: data.applications ?? [],
    orderKeys: new Map(
      orders.map(({ order }) => [
        order.idempotencyKey,
        { fingerprint: fingerprint(bodyOf(order)), id: order.id },
      ]),
    ),
  };
}

/**
 * A saved state with the host's own orders and applications (`data.orders`,
 * `data.applications`) that it does not hold yet: they count against stock on every visit,
 * not only on the first, before anything was saved.
 */
function withHostRecords(saved: EmbeddedState, seed: EmbeddedState): EmbeddedState {
  const orderIds = new Set(saved.orders.map((o) => o.order.id));
  const orders = seed.orders.filter((o) => !orderIds.has(o.order.id));
  const applicationIds = new Set(saved.applications.map((a) => a.id));
  const applications = seed.applications.filter((a) => !applicationIds.has(a.id));
  if (orders.length === 0 && applications.length === 0) return saved;
  const orderKeys = new Map(saved.orderKeys);
  for (const { order } of orders) {
    const use = seed.orderKeys.get(order.idempotencyKey);
    if (use && !orderKeys.has(order.idempotencyKey)) orderKeys.set(order.idempotencyKey, use);
  }
  return {
    ...saved,
    orders: [...saved.orders, ...orders],
    applications: [...saved.applications, ...applications],
    orderKeys,
  };
}

/**
 * A {@link LinliStore} that needs no server: it keeps orders and applications in memory
 * or in `localStorage`, and enforces the same rules the server does, with core's own
 * functions: every input validated against the contract's schemas, stock, slots, per-order
 * limits, cut-off and opening time checked by `checkOrder`, idempotency keys honoured, and
 * the same errors (`LinliClientError` with the HTTP status and code the server would send).
 *
 * Each call checks and writes in one synchronous turn, so concurrent calls cannot oversell.
 * Every result is a fresh copy, and no result carries a phone number or a person's name.
 *
 * @example
 * import { createEmbeddedStore } from "@linli/client";
 *
 * const store = createEmbeddedStore({ persist: "localStorage" });
 * const { menu, availability } = await store.getMenu("three-moms-baking");
 * // Between the bakery's 10:00 cut-off and 18:00, when the next menu opens, this is that
 * // next menu, with `availability.open` false: ordering then is refused (NOT_YET_OPEN).
 * const receipt = await store.placeOrder(
 *   {
 *     menuId: menu.id,
 *     slotId: "s1500",
 *     lines: [{ itemId: "tiger-roll", quantity: 2 }],
 *     contact: { name: "林晓雨", phone: "138 0013 8000" },
 *     consent: { given: true, policyVersion: "2026-11", at: new Date().toISOString() },
 *   },
 *   { idempotencyKey: crypto.randomUUID() },
 * );
 * receipt.total; // { amount: 3600, currency: "CNY" }
 * await store.getOrder(receipt.id, receipt.pickupCode); // the same receipt
 */
export function createEmbeddedStore(options: EmbeddedStoreOptions = {}): LinliStore {
  if (options.data) return storeOver(checkedData(options.data), options);
  // No data: the demo data, loaded on first use. A page that brings its own data never
  // downloads the demo's (about 16 KB compressed); calls made meanwhile wait, in order.
  let loading: Promise<LinliStore> | undefined;
  const ready = () =>
    (loading ??= import("./default-data.js").then(
      ({ defaultEmbeddedData }) =>
        storeOver(checkedData(defaultEmbeddedData((options.now ?? Date.now)())), options),
      (e: unknown) => {
        loading = undefined; // a failed download is tried again on the next call
        throw LinliClientError.local("network", e);
      },
    ));
  return {
    getHub: (...a) => ready().then((s) => s.getHub(...a)),
    listGroups: (...a) => ready().then((s) => s.listGroups(...a)),
    getGroup: (...a) => ready().then((s) => s.getGroup(...a)),
    getMenu: (...a) => ready().then((s) => s.getMenu(...a)),
    placeOrder: (...a) => ready().then((s) => s.placeOrder(...a)),
    getOrder: (...a) => ready().then((s) => s.getOrder(...a)),
    getRecruitmentCall: (...a) => ready().then((s) => s.getRecruitmentCall(...a)),
    submitApplication: (...a) => ready().then((s) => s.submitApplication(...a)),
    getMetrics: (...a) => ready().then((s) => s.getMetrics(...a)),
  };
}

/** The store over checked data. */
function storeOver(data: EmbeddedData, options: EmbeddedStoreOptions): LinliStore {
  const now = options.now ?? Date.now;
  const random = options.random ?? defaultRandom;
  const hub = data.hub;
  const menus = new Map(data.menus.map((m) => [m.id, m]));
  const partners = new Map(data.partners.map((p) => [p.id, p]));
  const registry = createMetricRegistry();

  const mode = options.persist ?? (options.storage ? "localStorage" : "memory");
  const storage = mode === "localStorage" ? (options.storage ?? browserStorage()) : undefined;
  const persistence: Persistence = storage
    ? storagePersistence(storage, options.storageKey ?? DEFAULT_STORAGE_KEY)
    : memoryPersistence;
  const seeded = seedState(data, menus);
  const saved = persistence.load();
  let state: EmbeddedState = saved ? withHostRecords(saved, seeded) : seeded;

  /** Runs one call in one synchronous turn and hands back a copy of its result. */
  function run<T>(callOptions: CallOptions | undefined, work: () => T): Promise<T> {
    try {
      const signal = callOptions?.signal;
      if (signal?.aborted) throw LinliClientError.local("aborted", signal.reason);
      state = persistence.refresh(state);
      return Promise.resolve(structuredClone(work()));
    } catch (e) {
      return Promise.reject(e instanceof LinliClientError ? e : internal(e));
    }
  }

  /** Keeps a new state: written first, so a refused write changes nothing. */
  function commit(next: EmbeddedState): void {
    persistence.save(next);
    state = next;
  }

  const ordersOf = (menuId: string): Order[] =>
    state.orders.filter((o) => o.order.menuId === menuId).map((o) => o.order);

  const asPublic = (g: Group): PublicGroup => publicGroup(g, partners);

  function findGroup(id: unknown): Group {
    const [{ id: groupId }] = accept(validate(publicRoutes.getGroup.params, { id }));
    // By id or by slug, as the server finds it (elements are given `group="three-moms-baking"`).
    const group =
      data.groups.find((g) => g.id === groupId) ?? data.groups.find((g) => g.slug === groupId);
    if (!group) throw unknown("group", groupId, "id");
    return group;
  }

  /** A fresh id: random, with a counter added in the unlikely event it is taken. */
  function newId(prefix: string, taken: (id: string) => boolean): string {
    const base = `${prefix}-${hex(random(8))}`;
    let id = base;
    for (let n = 2; taken(id); n++) id = `${base}-${n}`;
    return id;
  }

  /** A pickup code no live order of the menu has, if a few draws find one. */
  function newPickupCode(menuId: string): string {
    const used = new Set(
      ordersOf(menuId)
        .filter((o) => o.status !== "cancelled")
        .map((o) => o.pickupCode),
    );
    let code = pickupCodeFrom(random(4));
    for (let tries = 1; used.has(code) && tries < 10; tries++) code = pickupCodeFrom(random(4));
    return code;
  }

  /** The earlier use of an idempotency key: the replayed record, a refusal, or none. */
  function replay<T>(
    keys: ReadonlyMap<string, KeyUse>,
    key: string,
    print: string,
    find: (id: string) => T | undefined,
  ): T | undefined {
    const used = keys.get(key);
    if (!used) return undefined;
    if (used.fingerprint !== print)
      throw LinliClientError.fromCode("IDEMPOTENCY_KEY_REUSED", [
        issue("KEY_REUSED", {}, KEY_PATH),
      ]);
    return find(used.id);
  }

  return {
    getHub: (callOptions) => run(callOptions, () => hub),

    listGroups: (query, callOptions) =>
      run(callOptions, () => {
        const [q] = accept(validate(GroupQuerySchema, query ?? {}));
        return data.groups.filter((g) => matchesGroupQuery(g, q)).map(asPublic);
      }),

    getGroup: (id, callOptions) => run(callOptions, () => asPublic(findGroup(id))),

    getMenu: (groupId, query, callOptions) =>
      run(callOptions, () => {
        const group = findGroup(groupId);
        const [{ date }] = accept(validate(publicRoutes.getMenu.query, query ?? {}));
        const t = now();
        const mine = data.menus.filter((m) => m.groupId === group.id);
        const menu = date !== undefined ? mine.find((m) => m.date === date) : currentMenu(mine, t);
        if (!menu)
          throw LinliClientError.fromCode("NOT_FOUND", [
            issue("NO_MENU_ON_DATE", { date: date ?? toZoned(t, hub.timeZone).date }, "date"),
          ]);
        return { menu, availability: menuAvailability(menu, ordersOf(menu.id), t) };
      }),

    placeOrder: (body, createOptions) =>
      run(createOptions, () => {
        const [idempotencyKey, request] = accept(
          checkKey(createOptions?.idempotencyKey),
          validate(PlaceOrderBodySchema, body),
        );
        const print = fingerprint(request);
        const earlier = replay(state.orderKeys, idempotencyKey, print, (id) =>
          state.orders.find((o) => o.order.id === id),
        );
        if (earlier) return storedOrderReceipt(earlier);

        const menu = menus.get(request.menuId);
        if (!menu) throw unknown("menu", request.menuId, "menuId");
        const t = now();
        const checked = checkOrder(menu, ordersOf(menu.id), request, t);
        if (!checked.ok)
          throw LinliClientError.fromCode(httpCodeForIssues(checked.error), checked.error);

        const at = toOffsetIso(t, menu.timeZone);
        const order: Order = {
          id: newId("ord", (id) => state.orders.some((o) => o.order.id === id)),
          menuId: menu.id,
          groupId: menu.groupId,
          lines: checked.value.lines,
          total: checked.value.total,
          slotId: request.slotId,
          contact: request.contact,
          consent: request.consent,
          idempotencyKey,
          pickupCode: newPickupCode(menu.id),
          status: "placed",
          placedAt: at,
          updatedAt: at,
        };
        if (request.note !== undefined) order.note = request.note;
        const record = storedOrder(order, menu);
        commit({
          ...state,
          orders: [...state.orders, record],
          orderKeys: new Map(state.orderKeys).set(idempotencyKey, {
            fingerprint: print,
            id: order.id,
          }),
        });
        return storedOrderReceipt(record);
      }),

    getOrder: (id, pickupCode, callOptions) =>
      run(callOptions, () => {
        const [{ id: orderId }, { code }] = accept(
          validate(publicRoutes.getOrder.params, { id }),
          validate(publicRoutes.getOrder.query, { code: pickupCode }),
        );
        const record = state.orders.find((o) => o.order.id === orderId);
        if (!record || record.order.pickupCode !== code) throw notFound();
        return storedOrderReceipt(record);
      }),

    getRecruitmentCall: (callOptions) =>
      run(callOptions, () => {
        if (!data.recruitmentCall) throw notFound();
        return data.recruitmentCall;
      }),

    submitApplication: (input, createOptions) =>
      run(createOptions, () => {
        const [idempotencyKey, application] = accept(
          checkKey(createOptions?.idempotencyKey),
          validate(ApplicationInputSchema, input),
        );
        const print = fingerprint(application);
        const earlier = replay(state.applicationKeys, idempotencyKey, print, (id) =>
          state.applications.find((a) => a.id === id),
        );
        if (earlier) return applicationReceipt(earlier);

        if (!data.recruitmentCall || data.recruitmentCall.id !== application.callId)
          throw unknown("call", application.callId, "callId");
        const t = now();
        // Only while the call is open, with consent to its current privacy notice: as the server.
        const open = checkApplication(data.recruitmentCall, application, t, hub.timeZone);
        if (!open.ok) throw LinliClientError.fromCode(httpCodeForIssues(open.error), open.error);
        const at = toOffsetIso(t, hub.timeZone);
        const stored: Application = {
          ...application,
          id: newId("app", (id) => state.applications.some((a) => a.id === id)),
          reference: nextApplicationReference(
            state.applications.map((a) => a.reference),
            toZoned(t, hub.timeZone).date.slice(0, 4),
          ),
          status: "submitted",
          submittedAt: at,
          updatedAt: at,
        };
        commit({
          ...state,
          applications: [...state.applications, stored],
          applicationKeys: new Map(state.applicationKeys).set(idempotencyKey, {
            fingerprint: print,
            id: stored.id,
          }),
        });
        return applicationReceipt(stored);
      }),

    getMetrics: (query, callOptions) =>
      run(callOptions, () => {
        const [q] = accept(validate(publicRoutes.getMetrics.query, query ?? {}));
        const t = now();
        const today = toZoned(t, hub.timeZone).date;
        const fallback = defaultPeriod(today);
        const to = q.to ?? fallback.to;
        const from = q.from ?? (q.to !== undefined ? monthsBefore(q.to, 5) : fallback.from);
        // The schema checks a range given whole; a `from` alone runs to this month (as the server).
        const tooLong = metricsPeriodIssue(from, to, q.to === undefined ? "from" : "to");
        if (tooLong) throw LinliClientError.fromCode("VALIDATION_FAILED", [tooLong]);
        const snapshot = registry.snapshot(
          data.metrics ?? ownMetricsData(data, state, today),
          { from, to },
          toOffsetIso(t, hub.timeZone),
        );
        if (!snapshot.ok) throw LinliClientError.fromCode("VALIDATION_FAILED", [snapshot.error]);
        return snapshot.value;
      }),
  };
}
