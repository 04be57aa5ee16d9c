import type { ReactiveController, ReactiveControllerHost } from "lit";
import type { LinliStore } from "@linli/client";
import type { Locale } from "@linli/core/i18n";

/** Where an element's data stands. */
export type DataState<T> =
  | { readonly kind: "idle" }
  | { readonly kind: "loading" }
  | { readonly kind: "ready"; readonly value: T }
  | { readonly kind: "error"; readonly error: unknown };

/** An element that can load through a store: a `store` object, or an `api` base URL. */
export interface StoreHost extends ReactiveControllerHost, HTMLElement {
  store?: LinliStore | undefined;
  api?: string | undefined;
}

// One HTTP client per base URL. @linli/client's HTTP module (and the contract it checks
// answers against) is loaded only when a page uses the `api` attribute.
const clients = new Map<string, Promise<LinliStore>>();

/** The HTTP store for `api` (e.g. `https://api.example.gov.cn`), loaded on first use. */
export function httpStore(api: string): Promise<LinliStore> {
  let client = clients.get(api);
  if (!client) {
    client = import("@linli/client/http").then((m) => m.createClient({ baseUrl: api }));
    client.catch(() => clients.delete(api));
    clients.set(api, client);
  }
  return client;
}

/**
 * The message to show for a failed load: the client's own message in the language when it
 * has one (a `LinliClientError` carries zh-CN and en), otherwise `undefined`.
 */
export function errorMessage(error: unknown, locale: Locale): string | undefined {
  const messages = (error as { messages?: Partial<Record<Locale, unknown>> } | null)?.messages;
  const text = messages?.[locale];
  return typeof text === "string" && text !== "" ? text : undefined;
}

/**
 * Loads an element's data through a {@link LinliStore}: the host's `store` if set, otherwise
 * an HTTP client for its `api` attribute. It loads again when either changes, cancels a load
 * in flight when the element leaves the page (and resumes when it returns), and exposes the
 * state (`idle`, `loading`, `ready`, `error`) for the element to render. `retry()` loads
 * again after an error.
 *
 * @example
 * private data = new StoreController(this, (store, signal) => store.listGroups({}, { signal }),
 *   () => this.groups === undefined);
 */
export class StoreController<T> implements ReactiveController {
  state: DataState<T> = { kind: "idle" };
  private source: { store: LinliStore | undefined; api: string | undefined } | undefined;
  private inFlight: AbortController | undefined;

  /**
   * @param load what to fetch, given the store and a signal that aborts it
   * @param enabled whether to load at all (false when the host was given the data directly)
   */
  constructor(
    private readonly host: StoreHost,
    private readonly load: (store: LinliStore, signal: AbortSignal) => Promise<T>,
    private readonly enabled: () => boolean = () => true,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    // A load cut short by a disconnect starts again.
    if (this.state.kind === "loading" && !this.inFlight) {
      this.source = undefined;
      this.host.requestUpdate();
    }
  }

  hostUpdate(): void {
    const { store, api } = this.host;
    if (!this.enabled()) {
      this.cancel();
      this.source = undefined;
      this.state = { kind: "idle" };
      return;
    }
    if (this.source && this.source.store === store && this.source.api === api) return;
    this.source = { store, api };
    if (store === undefined && (api === undefined || api === "")) {
      this.cancel();
      this.state = { kind: "idle" };
      return;
    }
    void this.start();
  }

  hostDisconnected(): void {
    this.cancel();
  }

  /** Loads again from the current source (after an error, say). */
  retry(): void {
    this.source = undefined;
    this.host.requestUpdate();
  }

  private cancel(): void {
    this.inFlight?.abort();
    this.inFlight = undefined;
  }

  private async start(): Promise<void> {
    this.cancel();
    const controller = new AbortController();
    this.inFlight = controller;
    this.state = { kind: "loading" }; // rendered by the update in progress
    const { store, api } = this.host;
    let next: DataState<T>;
    try {
      const resolved = store ?? (await httpStore(api!));
      next = { kind: "ready", value: await this.load(resolved, controller.signal) };
    } catch (error) {
      next = { kind: "error", error };
    }
    if (controller.signal.aborted || this.inFlight !== controller) return;
    this.inFlight = undefined;
    this.state = next;
    this.host.requestUpdate();
  }
}
