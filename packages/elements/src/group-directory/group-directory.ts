import { html, nothing, type PropertyValues, type TemplateResult } from "lit";
import { live } from "lit/directives/live.js";
import { repeat } from "lit/directives/repeat.js";
import type { LinliStore } from "@linli/client";
import type { PublicGroup } from "@linli/core/contract";
import {
  GROUP_CATEGORIES,
  GROUP_STATUSES,
  matchesGroupQuery,
  type GroupCategory,
  type GroupQuery,
  type GroupStatus,
} from "@linli/core/groups";
import { LinliElement } from "../internal/base-element.js";
import { checkGroupsLater, trustGroups } from "../internal/check-data.js";
import { formatNumber } from "../internal/format.js";
import { LocalizeController, plural } from "../internal/localize.js";
import { errorMessage, StoreController } from "../internal/store-controller.js";
import {
  groupDirectoryMessages,
  type GroupDirectoryStringKey,
} from "./group-directory.messages.js";
import { groupDirectoryStyles } from "./group-directory.styles.js";

/** What `linli-groups-filter` carries: the filters now applied and what they left. */
export interface GroupsFilterDetail {
  readonly query: GroupQuery;
  /** Groups shown. */
  readonly count: number;
  /** Groups in the directory. */
  readonly total: number;
}

/** How long the result count waits for typing to pause before it is announced, ms. */
const ANNOUNCE_AFTER_MS = 400;

const isCategory = (c: unknown): c is GroupCategory =>
  GROUP_CATEGORIES.includes(c as GroupCategory);
const isStatus = (s: unknown): s is GroupStatus => GROUP_STATUSES.includes(s as GroupStatus);

/**
 * A hub's resident groups as a responsive grid of `<linli-group-card>`s, with a search
 * (Chinese and English names), category and status filters, a result count announced to
 * screen readers, and loading, empty and error states. Give it the groups as a property, a
 * `LinliStore` (`store`), or the URL of a Linli API (`api`). Filtering happens in the
 * browser with core's `matchesGroupQuery`, so it matches the server's filter exactly.
 *
 * @tag linli-group-directory
 * @summary A searchable, filterable grid of a hub's resident groups.
 *
 * @fires linli-groups-filter - The resident changed the search or a filter. `detail`: `{ query, count, total }`.
 * @fires linli-group-join - Bubbles from a card: the resident chose to join a group. `detail`: `{ groupId, slug, name, href? }`.
 *
 * @csspart filters - The search form.
 * @csspart field - Each label-and-control pair in the form.
 * @csspart label - Each control's label.
 * @csspart hint - The hint under the search box.
 * @csspart search - The search input.
 * @csspart select - The category and status selects.
 * @csspart count - The result count (a polite live region).
 * @csspart grid - The `<ul>` of cards.
 * @csspart item - Each `<li>` around a card.
 * @csspart card - Each `<linli-group-card>` (style its own parts with `::part()` on the card's host page, or its tokens).
 * @csspart empty - The message shown when nothing matches or there are no groups.
 * @csspart clear - The button that clears the filters.
 * @csspart loading - The loading message.
 * @csspart error - The error message with its retry button.
 * @csspart retry - The retry button.
 *
 * @cssprop --linli-directory-min-column - Narrowest a column may get before the grid drops one, 18rem by default.
 * @cssprop --linli-directory-gap - Space between cards, 1.25rem by default.
 * @cssprop --linli-color-control-border - Border of the search box and selects.
 * @cssprop --linli-color-danger - Colour of the error message's accent.
 */
export class LinliGroupDirectory extends LinliElement {
  static override styles = [...LinliElement.styles, groupDirectoryStyles];

  static override properties = {
    groups: { attribute: false },
    store: { attribute: false },
    api: {},
    q: { reflect: true },
    category: { reflect: true },
    status: { reflect: true },
    headingLevel: { type: Number, attribute: "heading-level" },
    joinHref: { attribute: "join-href" },
    timeZone: { attribute: "time-zone" },
    now: { type: Number },
  };

  /** The groups to show. When set, `store` and `api` are not used. */
  declare groups: readonly PublicGroup[] | undefined;

  /** A store to load the hub's groups from (e.g. `createEmbeddedStore()` from @linli/client). */
  declare store: LinliStore | undefined;

  /** The base URL of a Linli API to load the groups from, e.g. `https://api.example.gov.cn`. */
  declare api: string | undefined;

  /** Words to find in group names (Chinese or English). */
  q = "";

  /** Only groups in this category (`baking`, `dance`, …); empty for all. */
  category = "";

  /** Only groups with this status (`incubating`, `self-operating`, …); empty for all. */
  status = "";

  /** Heading level of each card's group name (2–6). */
  headingLevel = 3;

  /** Passed to each card: a join link with `{id}` / `{slug}` placeholders. */
  declare joinHref: string | undefined;

  /** Passed to each card: the hub's IANA time zone. */
  timeZone = "Asia/Shanghai";

  /** Passed to each card: the time to count next sessions from (epoch ms). */
  declare now: number | undefined;

  private get searchInput(): HTMLInputElement | null {
    return this.renderRoot.querySelector("#q");
  }
  private get countRegion(): HTMLElement | null {
    return this.renderRoot.querySelector("#count");
  }

  /** The count as last announced; it trails typing by a moment so readers are not flooded. */
  private announced = "";

  private readonly l10n = new LocalizeController<GroupDirectoryStringKey>(
    this,
    groupDirectoryMessages,
  );

  private readonly data = new StoreController<readonly PublicGroup[]>(
    this,
    async (store, signal) => {
      const groups = await store.listGroups(undefined, { signal });
      trustGroups(groups);
      return groups;
    },
    () => this.groups === undefined,
  );

  private announceTimer: ReturnType<typeof setTimeout> | undefined;
  private filteredCache: { key: unknown[]; value: readonly PublicGroup[] } | undefined;

  private t(key: GroupDirectoryStringKey, params?: Record<string, string | number>): string {
    return this.l10n.term(key, params);
  }

  /** The groups in the directory, whichever way they came; `undefined` while there are none yet. */
  private get all(): readonly PublicGroup[] | undefined {
    if (this.groups !== undefined) return Array.isArray(this.groups) ? this.groups : [];
    return this.data.state.kind === "ready" ? this.data.state.value : undefined;
  }

  private get query(): GroupQuery {
    return {
      ...(this.q.trim() !== "" ? { q: this.q } : {}),
      ...(isCategory(this.category) ? { category: this.category } : {}),
      ...(isStatus(this.status) ? { status: this.status } : {}),
    };
  }

  /** The groups the filters let through (memoised: renders for other reasons reuse it). */
  private filtered(all: readonly PublicGroup[]): readonly PublicGroup[] {
    const key = [all, this.q, this.category, this.status];
    const c = this.filteredCache;
    if (c && c.key.every((k, i) => k === key[i])) return c.value;
    const query = this.query;
    const value =
      Object.keys(query).length === 0
        ? all
        : all.filter((g) => {
            try {
              return matchesGroupQuery(g, query);
            } catch {
              return false; // a group without a usable name cannot match a search
            }
          });
    this.filteredCache = { key, value };
    return value;
  }

  private countText(shown: number, total: number): string {
    const filtering = shown !== total || Object.keys(this.query).length > 0;
    if (shown === 0 && total > 0) return this.t("directory.noMatch");
    const count = formatNumber(shown, this.l10n.locale);
    return filtering
      ? plural(this.l10n, "directory.found", shown, {
          count,
          total: formatNumber(total, this.l10n.locale),
        })
      : plural(this.l10n, "directory.count", shown, { count });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has("groups") && Array.isArray(this.groups)) {
      checkGroupsLater("linli-group-directory", this.groups);
    }
  }

  protected override updated(): void {
    const all = this.all;
    const text =
      all === undefined
        ? this.data.state.kind === "loading"
          ? this.t("directory.loading")
          : ""
        : this.countText(this.filtered(all).length, all.length);
    clearTimeout(this.announceTimer);
    this.announceTimer = undefined;
    if (text === this.announced) return;
    // The live region's text is set here, outside the template, so a new count re-renders
    // nothing. Loading and the first count are said at once; changes while the resident
    // types, once typing pauses.
    const immediate = this.announced === "" || this.announced === this.t("directory.loading");
    if (immediate) this.announce(text);
    else this.announceTimer = setTimeout(() => this.announce(text), ANNOUNCE_AFTER_MS);
  }

  private announce(text: string): void {
    this.announced = text;
    if (this.countRegion) this.countRegion.textContent = text;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.announceTimer);
  }

  private changed(): void {
    const all = this.all ?? [];
    this.emit("linli-groups-filter", {
      query: this.query,
      count: this.filtered(all).length,
      total: all.length,
    });
  }

  private onSearch(e: Event): void {
    this.q = (e.target as HTMLInputElement).value;
    this.changed();
  }

  private onSearchKey(e: KeyboardEvent): void {
    if (e.key === "Escape" && this.q !== "") {
      e.preventDefault();
      this.q = "";
      (e.target as HTMLInputElement).value = "";
      this.changed();
    }
  }

  private onSelect(which: "category" | "status", e: Event): void {
    this[which] = (e.target as HTMLSelectElement).value;
    this.changed();
  }

  private async clearFilters(): Promise<void> {
    this.q = "";
    this.category = "";
    this.status = "";
    this.changed();
    await this.updateComplete;
    this.searchInput?.focus(); // the button that had focus may be gone
  }

  private options<V extends string>(
    all: readonly PublicGroup[],
    field: "category" | "status",
    values: readonly V[],
    selected: string,
  ): TemplateResult[] {
    const counts = new Map<string, number>();
    for (const g of all) counts.set(g[field], (counts.get(g[field]) ?? 0) + 1);
    return values
      .filter((v) => counts.has(v) || v === selected)
      .map(
        (v) =>
          html`<option value=${v} ?selected=${v === selected}>
            ${this.t("directory.option", {
              label: this.t(`${field}.${v}` as GroupDirectoryStringKey),
              count: formatNumber(counts.get(v) ?? 0, this.l10n.locale),
            })}
          </option>`,
      );
  }

  private renderResults(all: readonly PublicGroup[] | undefined): TemplateResult | typeof nothing {
    const state = this.data.state;
    if (all === undefined) {
      if (state.kind === "error") {
        const why = errorMessage(state.error, this.l10n.locale);
        return html`<div part="error" class="error" role="alert">
          <p>${this.t("directory.error")}${why ? html` <span>${why}</span>` : nothing}</p>
          <button part="retry" class="button" type="button" @click=${() => this.data.retry()}>
            ${this.t("directory.retry")}
          </button>
        </div>`;
      }
      if (state.kind === "loading") {
        return html`<p part="loading" class="loading" aria-hidden="true">
          ${this.t("directory.loading")}
        </p>`;
      }
      return html`<div part="empty" class="empty"><p>${this.t("directory.noGroups")}</p></div>`;
    }
    if (all.length === 0) {
      return html`<div part="empty" class="empty"><p>${this.t("directory.noGroups")}</p></div>`;
    }
    const shown = this.filtered(all);
    if (shown.length === 0) {
      return html`<div part="empty" class="empty">
        <p class="empty-title">${this.t("directory.noMatch")}</p>
        <p>${this.t("directory.noMatchHint")}</p>
        <button part="clear" class="button secondary" type="button" @click=${this.clearFilters}>
          ${this.t("directory.clear")}
        </button>
      </div>`;
    }
    const { headingLevel, joinHref, timeZone, now, strings } = this;
    return html`<ul part="grid" class="grid" role="list" aria-label=${this.t("directory.list")}>
      ${repeat(
        shown,
        (g) => g.id,
        (g) =>
          html`<li part="item">
            <linli-group-card
              part="card"
              .group=${g}
              .headingLevel=${headingLevel}
              .joinHref=${joinHref}
              .timeZone=${timeZone}
              .now=${now}
              .strings=${strings}
            ></linli-group-card>
          </li>`,
      )}
    </ul>`;
  }

  protected override render(): TemplateResult {
    const all = this.all;
    const filtering = this.q !== "" || this.category !== "" || this.status !== "";
    // Each select's value is bound (live: the resident may have changed it) since the browser
    // ignores `selected` once an option was picked; `?selected` still chooses on the first
    // render, when the options do not exist yet as the value is set.
    return html`
      <form
        part="filters"
        class="filters"
        role="search"
        aria-label=${this.t("directory.filters")}
        @submit=${(e: Event) => e.preventDefault()}
      >
        <div part="field" class="field search">
          <label part="label" for="q">${this.t("directory.search")}</label>
          <input
            part="search"
            id="q"
            type="search"
            autocomplete="off"
            enterkeyhint="search"
            aria-describedby="q-hint"
            .value=${this.q}
            @input=${this.onSearch}
            @keydown=${this.onSearchKey}
          />
          <p part="hint" class="hint" id="q-hint">${this.t("directory.searchHint")}</p>
        </div>
        <div part="field" class="field">
          <label part="label" for="category">${this.t("directory.category")}</label>
          <select
            part="select"
            id="category"
            .value=${live(this.category)}
            @change=${(e: Event) => this.onSelect("category", e)}
          >
            <option value="" ?selected=${this.category === ""}>
              ${this.t("directory.allCategories")}
            </option>
            ${this.options(all ?? [], "category", GROUP_CATEGORIES, this.category)}
          </select>
        </div>
        <div part="field" class="field">
          <label part="label" for="status">${this.t("directory.status")}</label>
          <select
            part="select"
            id="status"
            .value=${live(this.status)}
            @change=${(e: Event) => this.onSelect("status", e)}
          >
            <option value="" ?selected=${this.status === ""}>
              ${this.t("directory.allStatuses")}
            </option>
            ${this.options(all ?? [], "status", GROUP_STATUSES, this.status)}
          </select>
        </div>
        ${
          filtering && all !== undefined && this.filtered(all).length > 0
            ? html`<div class="field clear">
                <button
                  part="clear"
                  class="button secondary"
                  type="button"
                  @click=${this.clearFilters}
                >
                  ${this.t("directory.clear")}
                </button>
              </div>`
            : nothing
        }
      </form>
      <p part="count" class="count" id="count" role="status"></p>
      ${this.renderResults(all)}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "linli-group-directory": LinliGroupDirectory;
  }
  interface GlobalEventHandlersEventMap {
    "linli-groups-filter": CustomEvent<GroupsFilterDetail>;
  }
}
