import type {
  ApplicationInput,
  ApplicationReceipt,
  GroupQuery,
  Hub,
  MenuWithAvailability,
  MetricsSnapshot,
  OrderReceipt,
  PlaceOrderBody,
  PublicGroup,
  RecruitmentCall,
} from "@linli/core";

/** Options every call takes. */
export interface CallOptions {
  /** Cancels the call; it then rejects with a `LinliClientError` of kind `aborted`. */
  readonly signal?: AbortSignal;
}

/** Options of calls that create something: the key makes a retry or a double click safe. */
export interface CreateOptions extends CallOptions {
  /** One per attempt by the resident (e.g. `crypto.randomUUID()`); send it again on retry. */
  readonly idempotencyKey: string;
}

/** Filters of {@link LinliStore.listGroups}: the core `GroupQuerySchema`'s type. */
export type { GroupQuery };

/**
 * What a Linli widget needs from a backend. Implemented over HTTP by `createClient` and in
 * the browser by `createEmbeddedStore`, with the same rules and the same errors, so one
 * contract test suite runs against both.
 *
 * Every method rejects with a `LinliClientError` on failure.
 */
export interface LinliStore {
  getHub(options?: CallOptions): Promise<Hub>;
  listGroups(query?: GroupQuery, options?: CallOptions): Promise<PublicGroup[]>;
  getGroup(id: string, options?: CallOptions): Promise<PublicGroup>;
  /** The group's menu for a pickup date (default: the next menu on sale) with what is left now. */
  getMenu(
    groupId: string,
    query?: { readonly date?: string },
    options?: CallOptions,
  ): Promise<MenuWithAvailability>;
  placeOrder(order: PlaceOrderBody, options: CreateOptions): Promise<OrderReceipt>;
  getOrder(id: string, pickupCode: string, options?: CallOptions): Promise<OrderReceipt>;
  getRecruitmentCall(options?: CallOptions): Promise<RecruitmentCall>;
  submitApplication(
    application: ApplicationInput,
    options: CreateOptions,
  ): Promise<ApplicationReceipt>;
  getMetrics(
    query?: { readonly from?: string; readonly to?: string },
    options?: CallOptions,
  ): Promise<MetricsSnapshot>;
}
