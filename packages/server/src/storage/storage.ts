import type {
  Application,
  ApplicationStatus,
  Group,
  Hold,
  Hub,
  LedgerEntry,
  LinliIssue,
  Menu,
  Order,
  OrderStatus,
  Partner,
  Reservations,
  RecruitmentCall,
  RefundSplit,
  Request,
  SessionRecord,
  SplitRuleSet,
} from "@linli/core";

/** Everything a fresh database can be seeded with. */
export interface SeedData {
  readonly hub: Hub;
  readonly groups: readonly Group[];
  readonly partners: readonly Partner[];
  readonly menus: readonly Menu[];
  readonly recruitmentCall?: RecruitmentCall;
  readonly ruleSets?: readonly SplitRuleSet[];
  readonly ledger?: readonly LedgerEntry[];
  readonly sessions?: readonly SessionRecord[];
  readonly requests?: readonly Request[];
}

/** A create request guarded by an idempotency key. */
export interface Idempotent {
  readonly key: string;
  /** A hash of the request body: the same key with another body is refused. */
  readonly requestHash: string;
}

/** How an idempotent create ended. */
export type CreateResult<T> =
  | { readonly kind: "created"; readonly value: T }
  | { readonly kind: "replayed"; readonly value: T }
  | { readonly kind: "key-reused" }
  | { readonly kind: "refused"; readonly issues: LinliIssue[] };

/** `decide` accepted an order whose holds overrun the counters it was shown: a bug, refused. */
export class OversellError extends Error {
  constructor(readonly menuId: string) {
    super(`an order's holds overrun what menu ${menuId} has left; nothing was taken`);
    this.name = "OversellError";
  }
}

/**
 * The menu an order was decided against has changed since it was read: nothing was taken.
 * Read the menu again and decide again.
 */
export class StaleMenuError extends Error {
  constructor(readonly menuId: string) {
    super(`menu ${menuId} changed while an order was being decided; nothing was taken`);
    this.name = "StaleMenuError";
  }
}

/**
 * A status change was decided from a status the order or application no longer has (another
 * change was stored first): nothing was written. Read it again and decide again.
 */
export class StatusChangedError extends Error {
  constructor(
    readonly id: string,
    readonly expected: string,
  ) {
    super(`${id} is no longer ${expected}: another change came first; nothing was written`);
    this.name = "StatusChangedError";
  }
}

/** An order ready to store with what it takes from its menu, or why it is refused. */
export type OrderDecision =
  { readonly order: Order; readonly holds: readonly Hold[] } | { readonly issues: LinliIssue[] };

/**
 * Storage behind the server. Implementations: SQLite (embedded default) and
 * PostgreSQL; one shared test suite runs against each. Every method that checks and writes
 * does both in one transaction.
 */
export interface LinliStorage {
  readonly kind: "sqlite" | "postgres";
  /** Creates or upgrades tables; safe to call on every start. */
  migrate(): Promise<void>;
  /** Whether the database holds any data yet. */
  isEmpty(): Promise<boolean>;
  seed(data: SeedData): Promise<void>;
  close(): Promise<void>;

  getHub(): Promise<Hub | undefined>;
  listGroups(): Promise<Group[]>;
  getGroup(id: string): Promise<Group | undefined>;
  putGroup(group: Group): Promise<Group>;
  listPartners(): Promise<Partner[]>;
  /** Creates or replaces a partner (its contact details and split rule set included). */
  putPartner(partner: Partner): Promise<Partner>;
  getRecruitmentCall(): Promise<RecruitmentCall | undefined>;
  /** Replaces the current recruitment call. */
  putRecruitmentCall(call: RecruitmentCall): Promise<RecruitmentCall>;

  getMenu(id: string): Promise<Menu | undefined>;
  /** Menus of a group, by pickup date ascending. */
  listMenus(groupId: string): Promise<Menu[]>;
  putMenu(menu: Menu): Promise<Menu>;

  /** Orders of a menu (every status), for availability. */
  listOrders(menuId: string): Promise<Order[]>;
  /** What a menu's orders hold: units per item and orders per slot (cancelled ones release theirs). */
  getReservations(menuId: string): Promise<Reservations>;
  getOrder(id: string): Promise<Order | undefined>;
  /**
   * Checks and takes stock and a slot place for a new order, atomically. `decide` receives
   * what the menu's orders hold (counters, not orders re-read one by one) and returns the
   * order with its holds (`holdsOf`), or the issues that refuse it. A store takes the holds
   * only if every counter stays within its limit; if not, it calls `decide` again with the
   * counters it found, for the exact refusal. A known idempotency key gets its first answer;
   * `decide` may have been called before the key was found, and its answer is then ignored.
   * `menu` is the menu `decide` decides against, as `getMenu` gave it: a store that remembers
   * menus checks, in the same statement, that it is still the stored one, and throws
   * {@link StaleMenuError} if not.
   */
  placeOrder(
    menu: Menu,
    idempotency: Idempotent,
    decide: (reservations: Reservations) => OrderDecision,
    /** Draws another pickup code when the first is already used on this menu. */
    newPickupCode: () => string,
  ): Promise<CreateResult<Order>>;
  /**
   * Moves an order's status and, in the same transaction, posts ledger entries (a sale on
   * collection), only if the stored order still has status `from`, the one the change was
   * decided from; else writes nothing and throws {@link StatusChangedError}. Two staff
   * marking one order collected at once post one sale.
   */
  updateOrder(order: Order, ledger: readonly LedgerEntry[], from: OrderStatus): Promise<void>;

  /**
   * Stores a new application; `make` receives every reference so far, to number the next, and
   * returns the application or the issues that refuse it. A known idempotency key gets its
   * first answer, whatever `make` would say now.
   */
  submitApplication(
    idempotency: Idempotent,
    make: (references: readonly string[]) => Application | { issues: LinliIssue[] },
  ): Promise<CreateResult<Application>>;
  listApplications(status?: ApplicationStatus): Promise<Application[]>;
  getApplication(id: string): Promise<Application | undefined>;
  /**
   * Stores an application's new review status if the stored one is still `from`; else writes
   * nothing and throws {@link StatusChangedError}.
   */
  updateApplication(application: Application, from: ApplicationStatus): Promise<void>;

  listRuleSets(): Promise<SplitRuleSet[]>;
  putRuleSet(set: SplitRuleSet): Promise<SplitRuleSet>;
  /** Ledger entries, optionally of one rule set and period. */
  listLedger(filter?: {
    readonly ruleSetId?: string;
    readonly period?: string;
  }): Promise<LedgerEntry[]>;
  /** Refunds already booked against a sale. */
  listRefunds(saleId: string): Promise<RefundSplit[]>;
  /** Books a refund and its ledger entries in one transaction, guarded by an idempotency key. */
  addRefund(
    idempotency: Idempotent,
    make: (
      previous: readonly RefundSplit[],
    ) => { refund: RefundSplit; ledger: LedgerEntry[] } | { issues: LinliIssue[] },
    saleId: string,
  ): Promise<CreateResult<RefundSplit>>;

  listSessions(): Promise<SessionRecord[]>;
  listRequests(): Promise<Request[]>;
}

/** Statuses an order can be moved to by staff, and which count as a sale. */
export const SALE_STATUS: OrderStatus = "collected";
