import { html, nothing, type PropertyValues, type TemplateResult } from "lit";
import { live } from "lit/directives/live.js";
import type { LinliStore } from "@linli/client";
import type { LinliIssue } from "@linli/core";
import type { MenuWithAvailability, OrderReceipt, PlaceOrderBody } from "@linli/core/contract";
import type { Hub } from "@linli/core/hub";
import { localize, type BilingualText, type Locale, type LocalizedText } from "@linli/core/i18n";
import { formatMoney, type Money } from "@linli/core/money";
import type { Menu } from "@linli/core/preorder";
import { formatDateTime, zonedToEpoch } from "@linli/core/time";
import { LinliElement } from "../internal/base-element.js";
import {
  errorSummary,
  errorSummaryStyles,
  focusField,
  focusSummary,
  type SummaryError,
} from "../internal/error-summary.js";
import { formatDay, formatSessionTime } from "../internal/format.js";
import { ariaLevel } from "../internal/heading.js";
import { LocalizeController, plural } from "../internal/localize.js";
import { errorMessage, httpStore, StoreController } from "../internal/store-controller.js";
import { preorderMessages, type PreorderStringKey } from "./preorder.messages.js";
import { preorderStyles } from "./preorder.styles.js";

type Rules = typeof import("./preorder.rules.js");
let rulesChunk: Promise<Rules> | undefined;
/** core's rules, loaded once, in parallel with the first menu. */
function loadRules(): Promise<Rules> {
  rulesChunk ??= import("./preorder.rules.js");
  rulesChunk.catch(() => (rulesChunk = undefined));
  return rulesChunk;
}

/** What `linli-order-placed` carries: the order as the store took it (no personal data). */
export interface OrderPlacedDetail {
  readonly orderId: string;
  readonly menuId: string;
  /** Pickup date, `YYYY-MM-DD` in the hub's zone. */
  readonly date: string;
  /** Exact, in minor units (fen for CNY). */
  readonly total: Money;
  readonly slot: { readonly id: string; readonly start: string; readonly end: string };
}

/** What `linli-order-failed` carries: why the store refused or could not be reached. */
export interface OrderFailedDetail {
  /** A machine code: `SOLD_OUT`, `SLOT_FULL`, `CUTOFF_PASSED`, `NETWORK`, `TIMEOUT`, … */
  readonly code: string;
  /** `network`, `timeout`, `conflict`, `validation`, `server`, … (as `LinliClientError.kind`). */
  readonly kind: string;
  /** Whether trying the same order again may work (the form offers "Try again"). */
  readonly retryable: boolean;
  readonly message: BilingualText;
  readonly issues: readonly LinliIssue[];
}

/** The failure a store rejects with (a `LinliClientError`), read by shape. */
interface StoreFailure {
  readonly kind?: string;
  readonly code?: string;
  readonly messages?: BilingualText;
  readonly issues?: readonly LinliIssue[];
  readonly retryable?: boolean;
}

/** A problem to show: which control it concerns and the message in both languages. */
interface Problem {
  readonly id: string;
  readonly message: BilingualText;
}

/** `network`: trying again may work; `refused`: the store said no, and retrying cannot help. */
type Failure = {
  readonly kind: "network" | "refused" | "conflict";
  readonly message?: BilingualText;
};

type NextMenu =
  | { readonly kind: "loading" }
  | { readonly kind: "none" }
  | { readonly kind: "found"; readonly value: MenuWithAvailability };

const GENERIC_FAILURE: BilingualText = {
  "zh-CN": "出了点问题，请稍后重试",
  en: "Something went wrong: try again in a moment",
};

// The order in which fields appear, so the error summary lists problems top to bottom.
const FIELD_ORDER = ["qty-", "slot", "name", "phone", "note", "consent"];
const rank = (id: string) => {
  const i = FIELD_ORDER.findIndex((p) => id.startsWith(p));
  return i < 0 ? FIELD_ORDER.length : i;
};

/** Only `http:`, `https:` and relative links are followed. */
function safeHref(href: string | undefined): string | undefined {
  if (!href) return undefined;
  try {
    const { protocol } = new URL(href, document.baseURI);
    return protocol === "http:" || protocol === "https:" ? href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A group's daily menu as a preorder form: photo, name, description, price, what is left
 * and the per-order limit of each item; the order cut-off; pickup slots with the places
 * left; quantity steppers; the exact total (priced by @linli/core); the resident's name,
 * mobile number, an optional note and consent to the host's privacy notice. Problems are
 * shown beside their fields and in an error summary at the top, which takes focus.
 *
 * Orders go through a `LinliStore` (`store`, e.g. `createEmbeddedStore()`) or a Linli API
 * (`api`), with one idempotency key per attempt: a double click or a retry after a network
 * failure never makes two orders. While the page is open, what is left is refreshed, and
 * items that sell out while the resident chooses are flagged before the order is sent.
 *
 * @tag linli-preorder
 * @summary Preorder from a group's daily menu and collect at the hub.
 *
 * @fires linli-order-placed - The store took the order. `detail`: `{ orderId, menuId, date, total, slot }` (no personal data).
 * @fires linli-order-failed - The store refused the order or could not be reached, or a submission found the menu closed (`code` its reason, e.g. `CUTOFF_PASSED`, kind `conflict`). `detail`: `{ code, kind, retryable, message, issues }`. Problems found in the form before sending do not fire it.
 *
 * @csspart menu - The menu section (heading, cut-off, items, form).
 * @csspart heading - The menu's heading.
 * @csspart cutoff - The order cut-off line.
 * @csspart notice - Why the menu cannot be ordered from now (not yet open, closed, sold out).
 * @csspart next - What is said about the next menu when this one has closed.
 * @csspart items - The list of items.
 * @csspart item - Each item (also `item-sold-out` when none are left).
 * @csspart photo - Each item's photo.
 * @csspart item-name - Each item's name.
 * @csspart description - Each item's description.
 * @csspart price - Each item's price.
 * @csspart stock - How many are left, or "sold out".
 * @csspart limit - The per-order limit.
 * @csspart flag - A note that an item sold out or ran low while the resident was choosing.
 * @csspart stepper - The group of − button, number input and + button.
 * @csspart step-down - The − button.
 * @csspart step-up - The + button.
 * @csspart quantity - The number input.
 * @csspart slots - The pickup-slot fieldset.
 * @csspart slot - Each pickup slot's label (also `slot-full`).
 * @csspart contact - The fieldset with name, phone and note.
 * @csspart field - Each label, hint, error and control.
 * @csspart input - The name and phone inputs and the note.
 * @csspart field-error - A message beside a field.
 * @csspart consent - The consent checkbox line.
 * @csspart total - The order total.
 * @csspart submit - The submit button.
 * @csspart error-summary - The list of problems at the top of the form.
 * @csspart failure - The box shown when the order could not be sent (with "Try again") or was refused.
 * @csspart retry - The "Try again" buttons.
 * @csspart confirmation - The confirmation: order number, pickup code, time, place, total.
 * @csspart pickup-code - The pickup code.
 * @csspart calendar - The add-to-calendar (.ics) link.
 * @csspart another - The "Place another order" button.
 * @csspart loading - The loading message.
 * @csspart error - The message shown when the menu cannot be loaded.
 *
 * @cssprop --linli-preorder-photo-size - Width of item photos, 7rem by default.
 * @cssprop --linli-color-danger - Colour of errors and the error summary.
 * @cssprop --linli-color-success - Colour of the confirmation's accent.
 * @cssprop --linli-color-control-border - Border of inputs and steppers.
 * @cssprop --linli-color-primary - Submit button and accents.
 * @cssprop --linli-color-focus - Focus ring colour.
 */
export class LinliPreorder extends LinliElement {
  static override styles = [...LinliElement.styles, errorSummaryStyles, preorderStyles];

  static override properties = {
    group: {},
    date: {},
    api: {},
    store: { attribute: false },
    privacyHref: { attribute: "privacy-href" },
    privacyVersion: { attribute: "privacy-version" },
    headingLevel: { type: Number, attribute: "heading-level" },
    refreshInterval: { type: Number, attribute: "refresh-interval" },
  };

  /** The group whose menu to show (its id, e.g. `three-moms-baking`). */
  declare group: string | undefined;

  /** The pickup date (`YYYY-MM-DD`); without it, the menu now on sale (or the next one). */
  declare date: string | undefined;

  /** The base URL of a Linli API, e.g. `https://api.example.gov.cn`. */
  declare api: string | undefined;

  /** A store to use instead of `api` (e.g. `createEmbeddedStore()` from @linli/client). */
  declare store: LinliStore | undefined;

  /** The host's privacy notice, linked beside the consent box (opens in a new window). */
  declare privacyHref: string | undefined;

  /** The version of that notice, recorded with the resident's consent. */
  privacyVersion = "1";

  /** The level of the menu's heading (2–6); items and the error summary sit one below. */
  headingLevel = 2;

  /** How often to refresh what is left while the page is visible, seconds (0: never). */
  refreshInterval = 30;

  private readonly l10n = new LocalizeController<PreorderStringKey>(this, preorderMessages);

  private readonly data = new StoreController<MenuWithAvailability>(
    this,
    async (store, signal) => {
      const [menu, rules] = await Promise.all([
        this.fetchMenu(store, this.date, signal),
        loadRules(),
      ]);
      this.rules = rules;
      return menu;
    },
    () => !!this.group,
  );

  /** The menu as last refreshed (newer than the first load). */
  private latest: MenuWithAvailability | undefined;
  private qty: Record<string, number> = {};
  private name = "";
  private phone = "";
  private note = "";
  private consent = false;
  private consentAt = "";
  private slotId = "";
  private submitting = false;
  private problems: readonly Problem[] = [];
  /** Why the last attempt did not go through when no field is to blame. */
  private failure: Failure | undefined;
  /** Items that sold out or ran low while the resident was choosing. */
  private flags: Record<string, BilingualText> = {};
  private receipt: OrderReceipt | undefined;
  private hub: Hub | undefined;
  private icsUrl: string | undefined;
  private next: NextMenu | undefined;
  /** The current attempt: its idempotency key, reused while the order sent stays the same. */
  private attempt: { key: string; body: string } | undefined;
  private lastBody: PlaceOrderBody | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;
  private failedImages = new Set<string>();
  /** core's rules: present whenever a menu is (the first load waits for both). */
  private rules!: Rules;
  /** The id of the menu last shown open, to notice it closing while the resident fills in. */
  private shownOpen: string | undefined;
  /** The menu has just closed; `focus`: focus was in what closing removes. */
  private closing: { focus: boolean } | undefined;

  private t(key: PreorderStringKey, params?: Record<string, string | number>): string {
    return this.l10n.term(key, params);
  }
  private text(t: LocalizedText | BilingualText | undefined): string {
    return t ? localize(t, this.l10n.locale) : "";
  }

  private fetchMenu(store: LinliStore, date: string | undefined, signal?: AbortSignal) {
    return store.getMenu(this.group!, date ? { date } : {}, signal ? { signal } : {});
  }

  private resolveStore(): Promise<LinliStore> {
    return this.store ? Promise.resolve(this.store) : httpStore(this.api ?? "");
  }

  /** The menu shown: the last refresh, else the first load. */
  private get current(): MenuWithAvailability | undefined {
    const s = this.data.state;
    return this.latest ?? (s.kind === "ready" ? s.value : undefined);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has("group") || changed.has("date")) && this.hasUpdated) {
      // Another date of the same group's menu ("See the menu for …"): the same resident,
      // so their name, phone and note stay.
      const sameGroup = !changed.has("group");
      const note = this.note;
      this.reset(!sameGroup);
      if (sameGroup) this.note = note;
      this.data.retry();
    }
    const cur = this.current;
    const open = cur?.availability.open && !this.receipt ? cur.menu.id : undefined;
    if (cur && !cur.availability.open && this.shownOpen === cur.menu.id) {
      // Closing removes the fields (and any error box): checked before they go, so focus
      // is not lost with them.
      const a = this.shadowRoot?.activeElement;
      this.closing = { focus: !!a?.closest("form, #error-summary") };
    }
    this.shownOpen = open;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener("visibilitychange", this.onVisible);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener("visibilitychange", this.onVisible);
    clearInterval(this.timer);
    this.timer = undefined;
    this.dropIcs();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has("refreshInterval") || !this.timer) {
      clearInterval(this.timer);
      this.timer =
        this.refreshInterval > 0
          ? setInterval(() => void this.tick(), this.refreshInterval * 1000)
          : undefined;
    }
    const cur = this.current;
    if (cur?.availability.closedReason === "CUTOFF_PASSED" && this.next === undefined) {
      void this.findNext(cur);
    }
    // The page's language changed while the order is on its way: say it again in the new one,
    // as the button now reads, unless something newer was announced meanwhile.
    const placing = this.t("preorder.submitting");
    if (this.submittingSaid !== undefined && this.submittingSaid !== placing) {
      const region = this.renderRoot.querySelector("#announce");
      if (region?.textContent === this.submittingSaid) region.textContent = placing;
      this.submittingSaid = placing;
    }
    if (cur && this.closing) {
      // Said in the live region (replacing "Placing your order…"), as the fields disappear.
      this.announce(this.closedWhy(cur));
      if (this.closing.focus) focusField(this.renderRoot, "notice");
      this.closing = undefined;
    }
  }

  private readonly onVisible = () => {
    if (document.visibilityState === "visible") void this.tick();
  };

  private async tick(): Promise<void> {
    if (document.visibilityState === "visible" && !this.submitting && !this.receipt)
      await this.refresh();
  }

  /** Loads what is left of the menu shown; flags chosen items that ran out. */
  private async refresh(): Promise<MenuWithAvailability | undefined> {
    const cur = this.current;
    if (!cur) return undefined;
    try {
      const fresh = await this.fetchMenu(await this.resolveStore(), cur.menu.date);
      if (fresh.menu.id !== this.current?.menu.id) return undefined;
      const announce: string[] = [];
      for (const a of fresh.availability.items) {
        const q = this.qty[a.itemId] ?? 0;
        const item = fresh.menu.items.find((i) => i.id === a.itemId)!;
        const name = item.name;
        const flag: BilingualText | undefined =
          q > 0 && a.soldOut
            ? this.both("preorder.soldOutWhileChoosing", { item: name })
            : q > a.maxPerOrder && q <= item.perOrderLimit
              ? this.both("preorder.fewerLeftNow", { item: name, count: a.remaining })
              : undefined;
        if (flag && this.flags[a.itemId]?.en !== flag.en) announce.push(this.text(flag));
        if (flag) this.flags[a.itemId] = flag;
        else delete this.flags[a.itemId];
      }
      this.latest = fresh;
      this.requestUpdate();
      if (announce.length) this.announce(announce.join(" "));
      return fresh;
    } catch {
      return undefined; // the next tick tries again; submitting reports its own failure
    }
  }

  /** A message in both languages from this element's catalogue. */
  private both(key: PreorderStringKey, params: { item: LocalizedText; count?: number }) {
    return this.inBoth((locale) =>
      this.t(key, { item: localize(params.item, locale), count: params.count ?? 0 }),
    );
  }

  /** What `say` says in each language, for messages kept until the page's language changes. */
  private inBoth(say: (locale: Locale) => string): BilingualText {
    const out = {} as Record<Locale, string>;
    const saved = this.l10n.locale;
    for (const locale of ["zh-CN", "en"] as const) {
      this.l10n.locale = locale;
      out[locale] = say(locale);
    }
    this.l10n.locale = saved;
    return out;
  }

  /** Why the menu cannot be ordered from now: not yet open, all sold out, or closed. */
  private closedWhy({ menu, availability: a }: MenuWithAvailability): string {
    const at = (iso: string) => formatDateTime(Date.parse(iso), menu.timeZone, this.l10n.locale);
    return a.closedReason === "NOT_YET_OPEN" && a.opensAt
      ? this.t("preorder.notOpen", { time: at(a.opensAt) })
      : a.closedReason === "SOLD_OUT"
        ? this.t("preorder.allSoldOut")
        : this.t("preorder.closed", { time: at(a.cutoffAt) });
  }

  private async findNext(cur: MenuWithAvailability): Promise<void> {
    this.next = { kind: "loading" };
    let next: NextMenu = { kind: "none" };
    try {
      const found = await this.fetchMenu(await this.resolveStore(), undefined);
      if (found.menu.date > cur.menu.date) next = { kind: "found", value: found };
    } catch {
      // no later menu (404) or no answer: say none has been posted
    }
    if (this.current === cur) {
      this.next = next;
      this.requestUpdate();
    }
  }

  private announce(text: string): void {
    const region = this.renderRoot.querySelector("#announce");
    if (region) region.textContent = text;
  }

  private reset(all: boolean): void {
    this.latest = undefined;
    this.qty = {};
    this.flags = {};
    this.problems = [];
    this.failure = undefined;
    this.receipt = undefined;
    this.hub = undefined;
    this.next = undefined;
    this.attempt = undefined;
    this.note = "";
    this.consent = false;
    this.slotId = "";
    if (all) {
      this.name = "";
      this.phone = "";
    }
    this.dropIcs();
  }

  private dropIcs(): void {
    if (this.icsUrl) URL.revokeObjectURL(this.icsUrl);
    this.icsUrl = undefined;
  }

  // ————— input —————

  private setQty(itemId: string, value: number, max: number, say: boolean): void {
    const q = Math.max(0, Math.min(Number.isFinite(value) ? Math.trunc(value) : 0, max));
    this.qty = { ...this.qty, [itemId]: q };
    delete this.flags[itemId];
    this.problems = this.problems.filter((p) => p.id !== `qty-${itemId}` && p.id !== "qty-");
    this.requestUpdate();
    const cur = this.current!;
    const item = cur.menu.items.find((i) => i.id === itemId)!;
    if (say) {
      this.announce(
        `${this.t("preorder.chosen", { item: this.text(item.name), count: q })} ${this.t(
          "preorder.totalIs",
          { total: formatMoney(this.total(cur.menu), this.l10n.locale) },
        )}`,
      );
    }
  }

  private onField(field: "name" | "phone" | "note", e: Event): void {
    this[field] = (e.target as HTMLInputElement).value;
  }

  private onConsent(e: Event): void {
    this.consent = (e.target as HTMLInputElement).checked;
    this.consentAt = this.consent ? new Date().toISOString() : "";
    this.requestUpdate();
  }

  // ————— rules (from core) —————

  private lines(menu: Menu) {
    return menu.items
      .filter((i) => (this.qty[i.id] ?? 0) > 0)
      .map((i) => ({ itemId: i.id, quantity: this.qty[i.id]! }));
  }

  /** The exact total of what is chosen, priced by core. */
  private total(menu: Menu): Money {
    return this.rules.quote(menu, this.lines(menu));
  }

  private body(menu: Menu): PlaceOrderBody {
    const body = {
      menuId: menu.id,
      lines: this.lines(menu),
      slotId: this.slotId,
      contact: { name: this.name, phone: this.phone },
      consent: { given: this.consent, policyVersion: this.privacyVersion, at: this.consentAt },
    } as PlaceOrderBody;
    if (this.note.trim() !== "") body.note = this.note;
    return body;
  }

  /** The control an issue's path concerns, in this form. */
  private fieldOf(path: string | undefined, body: PlaceOrderBody): string {
    if (!path) return "";
    const line = /^lines\.(\d+)/.exec(path);
    if (line) return `qty-${body.lines[Number(line[1])]?.itemId ?? ""}`;
    if (path === "lines") return "qty-";
    if (path.startsWith("slot")) return "slot";
    if (path.startsWith("contact.")) return path.slice(8);
    if (path.startsWith("consent")) return "consent";
    return path.split(".")[0]!;
  }

  /** Every problem with the order as it stands, as core's rules see them. */
  private check(fresh: MenuWithAvailability, body: PlaceOrderBody): Problem[] {
    return this.toProblems(this.rules.draftIssues(fresh, body), body);
  }

  private toProblems(issues: readonly LinliIssue[], body: PlaceOrderBody): Problem[] {
    const seen = new Set<string>();
    const out: Problem[] = [];
    for (const i of issues) {
      const id = this.fieldOf(i.path, body);
      if (seen.has(id)) continue;
      seen.add(id);
      out.push({ id, message: i.message });
    }
    return out.sort((a, b) => rank(a.id) - rank(b.id));
  }

  // ————— submitting —————

  private async onSubmit(e?: Event): Promise<void> {
    e?.preventDefault();
    const cur = this.current;
    if (this.submitting || !cur) return; // a double click sends one order
    this.submitting = true;
    this.failure = undefined;
    this.requestUpdate();
    this.submittingSaid = this.t("preorder.submitting");
    this.announce(this.submittingSaid);
    try {
      const store = await this.resolveStore();
      // What sold out while the resident was choosing is flagged before anything is sent.
      const fresh = (await this.refresh()) ?? cur;
      if (!fresh.availability.open) {
        // Closed since the page loaded: refused as the store would refuse it (a 409).
        this.emit("linli-order-failed", {
          code: fresh.availability.closedReason ?? "CUTOFF_PASSED",
          kind: "conflict",
          retryable: false,
          message: this.inBoth(() => this.closedWhy(fresh)),
          issues: [],
        });
        return;
      }
      const body = this.body(fresh.menu);
      this.lastBody = body;
      const problems = this.check(fresh, body);
      if (problems.length > 0) return await this.showProblems(problems);
      const json = JSON.stringify(body);
      if (this.attempt?.body !== json) this.attempt = { key: crypto.randomUUID(), body: json };
      const receipt = await store.placeOrder(body, { idempotencyKey: this.attempt.key });
      await this.confirm(receipt, fresh.menu, store);
    } catch (error) {
      await this.fail(error);
    } finally {
      this.submitting = false;
      this.endSubmittingAnnouncement();
      this.requestUpdate();
    }
  }

  /** What "placing your order…" was announced as, in the language of the moment. */
  private submittingSaid: string | undefined;

  /** "Placing your order…" must not outlive the attempt; a newer announcement stays. */
  private endSubmittingAnnouncement(): void {
    const region = this.renderRoot.querySelector("#announce");
    if (region && region.textContent === this.submittingSaid) region.textContent = "";
    this.submittingSaid = undefined;
  }

  private async showProblems(problems: Problem[], failure?: Failure): Promise<void> {
    this.problems = problems;
    this.failure = failure;
    this.endSubmittingAnnouncement(); // the summary or the box takes focus and speaks
    this.requestUpdate();
    await this.updateComplete;
    focusSummary(this.renderRoot);
  }

  private async fail(error: unknown): Promise<void> {
    const e = (error ?? {}) as StoreFailure;
    const detail: OrderFailedDetail = {
      code: e.code ?? "UNKNOWN",
      kind: e.kind ?? "server",
      retryable: e.retryable ?? true,
      message: e.messages ?? GENERIC_FAILURE,
      issues: e.issues ?? [],
    };
    this.emit("linli-order-failed", detail);
    const body = this.lastBody;
    if (detail.code === "CUTOFF_PASSED" || detail.code === "NOT_YET_OPEN") {
      const cur = this.current;
      const fresh = await this.refresh();
      if (cur && fresh?.availability.open !== false) {
        // The store says closed though its menu still reads open: believe the refusal.
        this.latest = {
          menu: cur.menu,
          availability: { ...cur.availability, open: false, closedReason: detail.code },
        };
      }
      this.requestUpdate();
      return;
    }
    if (body && detail.issues.length > 0 && !detail.retryable) {
      if (detail.kind === "conflict") await this.refresh(); // show what is still available
      await this.showProblems(
        this.toProblems(detail.issues, body),
        detail.kind === "conflict" ? { kind: "conflict" } : undefined,
      );
      return;
    }
    // Not found, not allowed, a request the server cannot take: a retry button would not help.
    await this.showProblems([], {
      kind: detail.retryable ? "network" : "refused",
      message: detail.message,
    });
  }

  private async confirm(receipt: OrderReceipt, menu: Menu, store: LinliStore): Promise<void> {
    this.receipt = receipt;
    this.problems = [];
    this.attempt = undefined;
    this.emit("linli-order-placed", {
      orderId: receipt.id,
      menuId: receipt.menuId,
      date: receipt.date,
      total: receipt.total,
      slot: receipt.slot,
    });
    this.requestUpdate();
    await this.updateComplete;
    focusField(this.renderRoot, "confirmation");
    this.announce(
      this.t("preorder.confirmedAnnounce", {
        code: receipt.pickupCode,
        slot: this.slotText(receipt.date, receipt.slot, menu.timeZone),
      }),
    );
    try {
      this.hub = await store.getHub();
    } catch {
      // the pickup place from the menu is enough to find the bakery
    }
    this.makeIcs(receipt, menu);
    this.requestUpdate();
  }

  private slotText(date: string, slot: { start: string; end: string }, timeZone: string) {
    return formatSessionTime(
      zonedToEpoch(date, slot.start, timeZone),
      slot.end,
      timeZone,
      this.l10n.locale,
    );
  }

  private makeIcs(receipt: OrderReceipt, menu: Menu): void {
    this.dropIcs();
    const tz = menu.timeZone;
    const names = this.lineTexts(receipt, menu).join(this.t("preorder.listSeparator"));
    const where = [this.text(receipt.pickupLocation), this.text(this.hub?.address)].filter(Boolean);
    const text = this.rules.icsEvent({
      uid: `${receipt.id}@linli`,
      start: zonedToEpoch(receipt.date, receipt.slot.start, tz),
      end: zonedToEpoch(receipt.date, receipt.slot.end, tz),
      stamp: Date.now(),
      summary: this.t("preorder.calendarTitle", { item: names, code: receipt.pickupCode }),
      description: [
        `${this.t("preorder.orderNumber")}: ${receipt.id}`,
        `${this.t("preorder.pickupCode")}: ${receipt.pickupCode}`,
        `${this.t("preorder.total")}: ${formatMoney(receipt.total, this.l10n.locale)}`,
      ].join("\n"),
      location: where.join(this.l10n.locale === "en" ? ", " : "，"),
      alarmMinutesBefore: 30,
    });
    this.icsUrl = URL.createObjectURL(new Blob([text], { type: "text/calendar;charset=utf-8" }));
  }

  private lineTexts(receipt: OrderReceipt, menu: Menu): string[] {
    return receipt.lines.map((l) =>
      this.t("preorder.line", {
        item: this.text(menu.items.find((i) => i.id === l.itemId)?.name) || l.itemId,
        count: l.quantity,
      }),
    );
  }

  private async another(): Promise<void> {
    this.reset(false);
    this.requestUpdate();
    await this.refresh();
    await this.updateComplete;
    focusField(this.renderRoot, "heading");
  }

  // ————— rendering —————

  private level(offset = 0): number {
    return ariaLevel(this.headingLevel, offset);
  }

  private messageFor(id: string): string | undefined {
    const p = this.problems.find((x) => x.id === id);
    return p ? this.text(p.message) : undefined;
  }

  /** A field's error line and the attributes of its control. */
  private fieldError(id: string) {
    const message = this.messageFor(id);
    return {
      invalid: message ? "true" : "false",
      describedBy: message ? `${id}-error` : "",
      line: message
        ? html`<p part="field-error" class="field-error" id="${id}-error">${message}</p>`
        : nothing,
    };
  }

  protected override render(): TemplateResult {
    const state = this.data.state;
    const cur = this.current;
    if (!cur) {
      if (state.kind === "error") {
        const notFound = (state.error as StoreFailure | null)?.kind === "not-found";
        const why = notFound ? undefined : errorMessage(state.error, this.l10n.locale);
        return html`<div part="error" class="box error" role="alert">
            <p>
              ${this.t(notFound ? "preorder.noMenu" : "preorder.loadError")}
              ${why ? html` <span>${why}</span>` : nothing}
            </p>
            ${
              notFound
                ? nothing
                : html`<button
                    part="retry"
                    class="button"
                    type="button"
                    @click=${() => this.data.retry()}
                  >
                    ${this.t("preorder.retry")}
                  </button>`
            }
          </div>
          ${this.liveRegion()}`;
      }
      return html`<p part="loading" class="box loading" role="status">
        ${state.kind === "loading" ? this.t("preorder.loading") : ""}
      </p>`;
    }
    return html`${this.receipt ? this.renderConfirmation(this.receipt, cur.menu) : this.renderMenu(cur)}
    ${this.liveRegion()}`;
  }

  private liveRegion(): TemplateResult {
    return html`<p class="visually-hidden" id="announce" role="status" aria-live="polite"></p>`;
  }

  private renderMenu(cur: MenuWithAvailability): TemplateResult {
    const { menu, availability: a } = cur;
    const locale = this.l10n.locale;
    const tz = menu.timeZone;
    const open = a.open;
    const day = formatDay(menu.date, locale);
    const at = (iso: string) => formatDateTime(Date.parse(iso), tz, locale);
    // prettier-ignore
    return html`<section part="menu" class="menu" aria-labelledby="heading">
      <div part="heading" class="heading" id="heading" role="heading" aria-level=${this.level()} tabindex="-1">
        ${this.t("preorder.heading", { date: day })}</div>
      <p part="cutoff" class="cutoff">${this.t("preorder.cutoff", { time: at(a.cutoffAt) })}${
        menu.pickupLocation ? html`<br />${this.t("preorder.pickupAt", { place: this.text(menu.pickupLocation) })}` : nothing}</p>
      ${open ? nothing : this.renderClosed(cur, at)}
      ${open && (this.problems.length > 0 || this.failure) ? this.renderProblems() : nothing}
      <form class="form" novalidate @submit=${this.onSubmit}>
        ${open ? this.fieldError("qty-").line : nothing}
        <ul part="items" class="items" role="list" aria-label=${this.t("preorder.items")}>
          ${menu.items.map((item) => this.renderItem(cur, item.id, open))}
        </ul>
        ${open ? this.renderOrderFields(cur, day) : nothing}
      </form>
    </section>`;
  }

  private renderClosed(cur: MenuWithAvailability, at: (iso: string) => string): TemplateResult {
    const a = cur.availability;
    const next = this.next;
    const n = next?.kind === "found" ? next.value : undefined;
    const nextDay = n ? formatDay(n.menu.date, this.l10n.locale) : "";
    const nextLine =
      !next || next.kind === "loading"
        ? nothing
        : !n
          ? this.t("preorder.noNext")
          : n.availability.open
            ? html`${this.t("preorder.nextOpen", { date: nextDay })}
                <button
                  part="retry"
                  class="button secondary"
                  type="button"
                  @click=${() => (this.date = n.menu.date)}
                >
                  ${this.t("preorder.showNext", { date: nextDay })}
                </button>`
            : n.availability.opensAt
              ? this.t("preorder.nextOpens", { date: nextDay, time: at(n.availability.opensAt) })
              : this.t("preorder.noNext");
    // Focusable: it takes focus when the menu closes under the resident's fields.
    return html`<div part="notice" class="box notice" id="notice" role="status" tabindex="-1">
      <p>${this.closedWhy(cur)}</p>
      ${
        a.closedReason === "CUTOFF_PASSED"
          ? html`<p part="next" class="next">${nextLine}</p>`
          : nothing
      }
    </div>`;
  }

  private renderProblems(): TemplateResult {
    const failure = this.failure;
    if (failure && failure.kind !== "conflict") {
      const network = failure.kind === "network";
      // prettier-ignore
      return html`<div part="failure" class="error-summary" id="error-summary" role="alert" tabindex="-1"
        aria-labelledby="error-summary-title">
        <div role="heading" aria-level=${this.level(1)} class="error-summary-title" id="error-summary-title">
          ${this.t(network ? "preorder.networkTitle" : "preorder.refusedTitle")}</div>
        <p>${this.text(failure.message)}</p>
        ${network ? html`<p>${this.t("preorder.networkHint")}</p>
          <button part="retry" class="button" type="button" @click=${() => this.onSubmit()}>
            ${this.t("preorder.tryAgain")}</button>` : nothing}
      </div>`;
    }
    const errors: SummaryError[] = this.problems.map((p) => ({
      id: this.targetOf(p.id),
      message: this.text(p.message),
    }));
    const title = this.t(
      failure?.kind === "conflict" ? "preorder.conflictTitle" : "preorder.errorTitle",
    );
    return html`${errorSummary(this.renderRoot, title, errors, this.level(1))}${
      failure?.kind === "conflict"
        ? html`<p class="conflict-hint">${this.t("preorder.conflictHint")}</p>`
        : nothing
    }`;
  }

  /** The control a summary link focuses: the quantity, the first free slot, the field. */
  private targetOf(id: string): string {
    const cur = this.current!;
    if (id === "qty-") {
      const first = cur.availability.items.find((i) => !i.soldOut);
      return `qty-${first?.itemId ?? cur.menu.items[0]!.id}`;
    }
    if (id === "slot") {
      const s =
        cur.availability.slots.find((x) => x.slotId === this.slotId && !x.full) ??
        cur.availability.slots.find((x) => !x.full) ??
        cur.availability.slots[0]!;
      return `slot-${s.slotId}`;
    }
    return id === "" ? "error-summary" : id;
  }

  private renderItem(cur: MenuWithAvailability, itemId: string, open: boolean): TemplateResult {
    const item = cur.menu.items.find((i) => i.id === itemId)!;
    const a = cur.availability.items.find((i) => i.itemId === itemId)!;
    const locale = this.l10n.locale;
    const name = this.text(item.name);
    const q = this.qty[itemId] ?? 0;
    const max = Math.max(a.maxPerOrder, Math.min(q, item.perOrderLimit));
    const id = `qty-${itemId}`;
    const flag = this.flags[itemId];
    const err = this.fieldError(id);
    // "Choose at least one item" concerns no one item: the input its summary link lands on
    // is described by it.
    const none = id === this.targetOf("qty-") ? this.fieldError("qty-") : undefined;
    const photo = item.photo && !this.failedImages.has(itemId) ? item.photo : undefined;
    const showStepper = open && (!a.soldOut || q > 0);
    const describedBy = [
      `${itemId}-facts`,
      flag ? `${itemId}-flag` : "",
      err.describedBy,
      none?.describedBy,
    ]
      .filter(Boolean)
      .join(" ");
    const step = (delta: number) => () => {
      const next = (this.qty[itemId] ?? 0) + delta; // two quick clicks count twice
      if (next < 0 || next > max) return; // aria-disabled: keep focus, do nothing
      this.setQty(itemId, next, max, true);
    };
    // prettier-ignore
    return html`<li part="item${a.soldOut ? " item-sold-out" : ""}" class="item ${a.soldOut ? "sold-out" : ""}">
      ${photo
        ? html`<img part="photo" class="photo" src=${photo.url} alt=${this.text(photo.alt)} loading="lazy"
            decoding="async" @error=${() => { this.failedImages.add(itemId); this.requestUpdate(); }} />`
        : html`<div class="photo placeholder" aria-hidden="true">${[...name][0]}</div>`}
      <div class="item-body">
        <div part="item-name" class="item-name" id="${itemId}-name" role="heading" aria-level=${this.level(1)}>${name}</div>
        ${item.description ? html`<p part="description" class="description">${this.text(item.description)}</p>` : nothing}
        <p class="facts" id="${itemId}-facts">
          <span part="price" class="price">${formatMoney(item.price, locale)}</span>
          <span part="stock" class="stock ${a.soldOut ? "out" : ""}">${a.soldOut
            ? this.t("preorder.soldOut")
            : plural(this.l10n, "preorder.left", a.remaining, { count: a.remaining })}</span>
          <span part="limit" class="limit">${this.t("preorder.limit", { limit: item.perOrderLimit })}</span>
        </p>
        ${flag ? html`<p part="flag" class="flag" id="${itemId}-flag">${this.text(flag)}</p>` : nothing}
        ${err.line}
        ${showStepper
          ? html`<div part="stepper" class="stepper" role="group" aria-labelledby="${itemId}-name">
              <button part="step-down" class="step" type="button" aria-controls=${id}
                aria-label=${this.t("preorder.fewer", { item: name })} aria-disabled=${q <= 0 ? "true" : "false"}
                @click=${step(-1)}>−</button>
              <input part="quantity" class="quantity" id=${id} type="number" inputmode="numeric" min="0"
                max=${max} step="1" .value=${live(String(q))} aria-label=${this.t("preorder.quantity", { item: name })}
                aria-describedby=${describedBy} aria-invalid=${err.invalid}
                @change=${(e: Event) => this.setQty(itemId, (e.target as HTMLInputElement).valueAsNumber, max, true)} />
              <button part="step-up" class="step" type="button" aria-controls=${id}
                aria-label=${this.t("preorder.more", { item: name })} aria-disabled=${q >= max ? "true" : "false"}
                @click=${step(1)}>+</button>
            </div>`
          : nothing}
      </div>
    </li>`;
  }

  private renderOrderFields(cur: MenuWithAvailability, day: string): TemplateResult {
    const { menu, availability } = cur;
    const place = this.text(menu.pickupLocation) || this.text(this.hub?.address);
    const slotErr = this.fieldError("slot");
    const name = this.fieldError("name");
    const phone = this.fieldError("phone");
    const note = this.fieldError("note");
    const consent = this.fieldError("consent");
    const privacy = safeHref(this.privacyHref);
    // prettier-ignore
    return html`
      <p part="total" class="total">${this.t("preorder.total")}
        <output>${formatMoney(this.total(menu), this.l10n.locale)}</output></p>
      <fieldset part="slots" class="slots" aria-describedby="slot-hint ${slotErr.describedBy}">
        <legend>${this.t("preorder.slots")}</legend>
        <p class="hint" id="slot-hint">${place ? this.t("preorder.slotsHint", { date: day, place }) : day}</p>
        ${slotErr.line}
        ${menu.slots.map((s) => {
          const left = availability.slots.find((x) => x.slotId === s.id)!;
          return html`<label part="slot${left.full ? " slot-full" : ""}" class="slot">
            <input type="radio" name="slot" id="slot-${s.id}" value=${s.id} .checked=${this.slotId === s.id}
              ?disabled=${left.full && this.slotId !== s.id} aria-invalid=${slotErr.invalid}
              @change=${() => { this.slotId = s.id; this.requestUpdate(); }} />
            <span>${s.start}–${s.end}</span>
            <span class="slot-left">${left.full
              ? this.t("preorder.slotFull")
              : plural(this.l10n, "preorder.slotLeft", left.remaining, { count: left.remaining })}</span>
          </label>`;
        })}
      </fieldset>
      <fieldset part="contact" class="contact">
        <legend>${this.t("preorder.contact")}</legend>
        <div part="field" class="field">
          <label for="name">${this.t("preorder.name")}</label>
          <p class="hint" id="name-hint">${this.t("preorder.nameHint")}</p>
          ${name.line}
          <input part="input" id="name" name="name" autocomplete="name" .value=${this.name}
            aria-describedby="name-hint ${name.describedBy}" aria-invalid=${name.invalid}
            @input=${(e: Event) => this.onField("name", e)} />
        </div>
        <div part="field" class="field">
          <label for="phone">${this.t("preorder.phone")}</label>
          <p class="hint" id="phone-hint">${this.t("preorder.phoneHint")}</p>
          ${phone.line}
          <input part="input" id="phone" name="phone" type="tel" autocomplete="tel" inputmode="tel"
            .value=${this.phone} aria-describedby="phone-hint ${phone.describedBy}" aria-invalid=${phone.invalid}
            @input=${(e: Event) => this.onField("phone", e)} />
        </div>
        <div part="field" class="field">
          <label for="note">${this.t("preorder.note")}</label>
          <p class="hint" id="note-hint">${this.t("preorder.noteHint")}</p>
          ${note.line}
          <textarea part="input" id="note" name="note" rows="2" .value=${this.note}
            aria-describedby="note-hint ${note.describedBy}" aria-invalid=${note.invalid}
            @input=${(e: Event) => this.onField("note", e)}></textarea>
        </div>
      </fieldset>
      <div part="consent" class="consent">
        ${consent.line}
        <input type="checkbox" id="consent" .checked=${this.consent} aria-invalid=${consent.invalid}
          aria-describedby=${consent.describedBy} @change=${this.onConsent} />
        <label for="consent">${this.t("preorder.consent")}</label>
        ${privacy
          ? html`<a href=${privacy} target="_blank" rel="noopener">${this.t("preorder.privacyLink")}<span
              class="visually-hidden">${this.t("preorder.newWindow")}</span></a>`
          : nothing}
      </div>
      <button part="submit" class="button submit" type="submit" aria-disabled=${this.submitting ? "true" : "false"}>
        ${this.t(this.submitting ? "preorder.submitting" : "preorder.submit")}</button>`;
  }

  private renderConfirmation(receipt: OrderReceipt, menu: Menu): TemplateResult {
    const locale = this.l10n.locale;
    const where = [this.text(receipt.pickupLocation), this.text(this.hub?.address)].filter(Boolean);
    // prettier-ignore
    return html`<section part="confirmation" class="confirmation" id="confirmation" tabindex="-1"
      aria-labelledby="confirmed">
      <div role="heading" aria-level=${this.level()} class="confirmed" id="confirmed">${this.t("preorder.confirmed")}</div>
      <dl class="receipt">
        <div><dt>${this.t("preorder.pickupCode")}</dt>
          <dd part="pickup-code" class="pickup-code">${receipt.pickupCode}</dd>
          <dd class="hint">${this.t("preorder.pickupCodeHint")}</dd></div>
        <div><dt>${this.t("preorder.orderNumber")}</dt><dd part="order-number">${receipt.id}</dd></div>
        <div><dt>${this.t("preorder.when")}</dt>
          <dd part="when">${this.slotText(receipt.date, receipt.slot, menu.timeZone)}</dd></div>
        <div ?hidden=${where.length === 0}><dt>${this.t("preorder.where")}</dt>
          <dd part="where">${where.map((w) => html`<span class="line">${w}</span>`)}</dd></div>
        <div><dt>${this.t("preorder.ordered")}</dt>
          <dd part="lines">${this.lineTexts(receipt, menu).map((l) => html`<span class="line">${l}</span>`)}</dd></div>
        <div><dt>${this.t("preorder.total")}</dt><dd part="order-total">${formatMoney(receipt.total, locale)}</dd></div>
      </dl>
      <p class="actions">
        ${this.icsUrl
          ? html`<a part="calendar" class="button" href=${this.icsUrl} download="linli-${receipt.id}.ics"
              type="text/calendar">${this.t("preorder.addToCalendar")}</a>`
          : nothing}
        <button part="another" class="button secondary" type="button" @click=${this.another}>
          ${this.t("preorder.another")}</button>
      </p>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "linli-preorder": LinliPreorder;
  }
  interface GlobalEventHandlersEventMap {
    "linli-order-placed": CustomEvent<OrderPlacedDetail>;
    "linli-order-failed": CustomEvent<OrderFailedDetail>;
  }
}
