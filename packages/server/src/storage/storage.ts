import type {
  Application,
  ApplicationStatus,
  Group,
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

/**
 * Storage behind the server. Implementations: SQLite (embedded default) and, later,
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
  getRecruitmentCall(): Promise<RecruitmentCall | undefined>;

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
   * Checks and takes stock and a slot place for a new order in one transaction. `decide`
   * receives what the menu's orders hold (kept as counters, not re-read order by order) and
   * receives the menu's current orders and returns the order to insert, or the issues that
   * refuse it; the storage guarantees nothing changes between the read and the write.
   */
  placeOrder(
    menuId: string,
    idempotency: Idempotent,
    decide: (reservations: Reservations) => { order: Order } | { issues: LinliIssue[] },
    /** Draws another pickup code when the first is already used on this menu. */
    newPickupCode: () => string,
  ): Promise<CreateResult<Order>>;
  /** Moves an order's status and, in the same transaction, posts ledger entries (a sale on collection). */
  updateOrder(order: Order, ledger: readonly LedgerEntry[]): Promise<void>;

  /** Stores a new application; `make` receives every reference so far, to number the next. */
  submitApplication(
    idempotency: Idempotent,
    make: (references: readonly string[]) => Application,
  ): Promise<CreateResult<Application>>;
  listApplications(status?: ApplicationStatus): Promise<Application[]>;
  getApplication(id: string): Promise<Application | undefined>;
  updateApplication(application: Application): Promise<void>;

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
