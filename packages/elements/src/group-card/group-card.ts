import { html, isServer, nothing, type PropertyValues, type TemplateResult } from "lit";
import type { PublicGroup } from "@linli/core/contract";
import { GROUP_CATEGORY_LABELS, GROUP_STATUS_LABELS, nextSession } from "@linli/core/groups";
import { localize, type LocalizedText } from "@linli/core/i18n";
import { LinliElement } from "../internal/base-element.js";
import { checkGroupsLater } from "../internal/check-data.js";
import { formatNumber, formatSessionTime } from "../internal/format.js";
import { LocalizeController } from "../internal/localize.js";
import { groupCardMessages, type GroupCardStringKey } from "./group-card.messages.js";
import { groupCardStyles } from "./group-card.styles.js";

/** What `linli-group-join` carries: which group the resident wants to join. */
export interface GroupJoinDetail {
  readonly groupId: string;
  readonly slug: string;
  /** The group's name in the language shown. */
  readonly name: string;
  /** The join link followed, when the card has one (`join-href`). */
  readonly href?: string;
}

const HEADING_LEVELS = [2, 3, 4, 5, 6] as const;
type HeadingLevel = (typeof HEADING_LEVELS)[number];

// A server has no document to create the heading in (see heading()): there it is markup, one
// template per level, which the browser adopts when it hydrates.
const SERVER_HEADINGS: Record<HeadingLevel, (name: string) => TemplateResult> = {
  2: (n) => html`<h2 id="name" class="name" part="name">${n}</h2>`,
  3: (n) => html`<h3 id="name" class="name" part="name">${n}</h3>`,
  4: (n) => html`<h4 id="name" class="name" part="name">${n}</h4>`,
  5: (n) => html`<h5 id="name" class="name" part="name">${n}</h5>`,
  6: (n) => html`<h6 id="name" class="name" part="name">${n}</h6>`,
};

const isText = (t: unknown): t is LocalizedText =>
  typeof t === "object" && t !== null && typeof (t as LocalizedText)["zh-CN"] === "string";

/**
 * A resident group as a card a resident can scan and join: name, category, status, a short
 * description, organisers (public names only), member count, next session, cover image and a
 * call to action. Give it a `PublicGroup` from @linli/core (as a store's `listGroups` returns);
 * missing fields are left out and long text wraps.
 *
 * @tag linli-group-card
 * @summary A resident group's card: what it is, who runs it, when it meets, how to join.
 *
 * @fires linli-group-join - The resident chose to join. `detail`: `{ groupId, slug, name, href? }`. With `join-href` the event is cancelable: `preventDefault()` keeps the browser from following the link (for in-app routing).
 *
 * @csspart card - The `<article>` around everything.
 * @csspart media - The box that holds the cover image or its placeholder.
 * @csspart image - The cover `<img>`.
 * @csspart image-placeholder - Shown instead of the cover when there is none or it fails to load.
 * @csspart body - Text content below the image.
 * @csspart badges - The line with the category and the status.
 * @csspart category - The category name.
 * @csspart status - The status badge (also `status-incubating`, `status-self-operating`, … per status).
 * @csspart name - The heading with the group's name.
 * @csspart summary - The short description (clamped to a few lines).
 * @csspart facts - The list of organisers, members and next session.
 * @csspart organisers - The organisers' public names.
 * @csspart members - The member count.
 * @csspart next-session - The next session's date and time.
 * @csspart actions - The area with the call to action.
 * @csspart cta - The join button or link.
 * @csspart closed - The note shown instead of the call to action when the group is not taking members.
 *
 * @cssprop --linli-card-bg - Card background (falls back to `--linli-color-surface`).
 * @cssprop --linli-card-border - Card border colour (falls back to `--linli-color-border`).
 * @cssprop --linli-card-border-width - Card border width, 1px by default.
 * @cssprop --linli-card-radius - Card corner radius (falls back to `--linli-radius`).
 * @cssprop --linli-card-image-ratio - Cover aspect ratio, `16 / 9` by default.
 * @cssprop --linli-card-summary-lines - Lines of description shown before clamping, 3 by default.
 * @cssprop --linli-status-{status}-bg - Badge background per status (`proposed`, `incubating`, `active`, `self-operating`, `archived`).
 * @cssprop --linli-status-{status}-fg - Badge text colour per status.
 * @cssprop --linli-color-text - Body text colour.
 * @cssprop --linli-color-text-muted - Secondary text colour.
 * @cssprop --linli-color-surface - Card and control background.
 * @cssprop --linli-color-primary - Call-to-action colour.
 * @cssprop --linli-color-on-primary - Text on the call to action.
 * @cssprop --linli-color-focus - Focus ring colour.
 * @cssprop --linli-focus-width - Focus ring width, 3px by default.
 * @cssprop --linli-font-family - Typeface.
 * @cssprop --linli-font-size - Base text size, 1.125rem by default.
 */
export class LinliGroupCard extends LinliElement {
  static override styles = [...LinliElement.styles, groupCardStyles];

  // Reactive properties are declared here rather than with decorators: smaller in the bundle.
  static override properties = {
    group: { attribute: false },
    headingLevel: { type: Number, attribute: "heading-level" },
    joinHref: { attribute: "join-href" },
    timeZone: { attribute: "time-zone" },
    now: { type: Number },
  };

  /** The group to show: a `PublicGroup` (checked against core's schema; problems are logged). */
  declare group: PublicGroup | undefined;

  /** The heading level of the group's name (2–6), so the card fits the page's outline. */
  headingLevel: HeadingLevel = 3;

  /**
   * A join link; `{id}` and `{slug}` are replaced with the group's (e.g.
   * `/groups/{slug}/join`). Without it the card shows a button that only fires
   * `linli-group-join`. Only `http:`, `https:` and relative links are followed.
   */
  declare joinHref: string | undefined;

  /** The hub's IANA time zone, for the next session. */
  timeZone = "Asia/Shanghai";

  /** The time to count the next session from, epoch ms; the current time when unset. */
  declare now: number | undefined;

  private imageFailed = false;

  private onImageError(): void {
    this.imageFailed = true;
    this.requestUpdate();
  }

  private readonly l10n = new LocalizeController<GroupCardStringKey>(this, groupCardMessages);

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has("group")) {
      this.imageFailed = false;
      if (this.group !== undefined) checkGroupsLater("linli-group-card", [this.group]);
    }
  }

  private text(t: unknown): string | undefined {
    return isText(t) ? localize(t, this.l10n.locale) : undefined;
  }

  private joinUrl(g: Partial<PublicGroup>): string | undefined {
    if (!this.joinHref) return undefined;
    const href = this.joinHref
      .replaceAll("{id}", encodeURIComponent(String(g.id ?? "")))
      .replaceAll("{slug}", encodeURIComponent(String(g.slug ?? "")));
    try {
      // (any http base will do on a server: only the protocol matters)
      const { protocol } = new URL(href, isServer ? "http://localhost/" : document.baseURI);
      return protocol === "http:" || protocol === "https:" ? href : undefined;
    } catch {
      return undefined;
    }
  }

  private headingEl?: HTMLElement;

  /** The name as a real `<h2>`–`<h6>` (created, not templated: one template for any level). */
  private heading(name: string): HTMLElement | TemplateResult {
    const level = HEADING_LEVELS.includes(this.headingLevel) ? this.headingLevel : 3;
    if (isServer) return SERVER_HEADINGS[level](name);
    let h = this.headingEl;
    if (h?.localName !== `h${level}`) {
      // Hydrating server-rendered markup, keep the heading the server sent (lit leaves a
      // node value as it finds it, so a new one would never reach the page).
      h = this.headingEl =
        this.renderRoot.querySelector<HTMLElement>(`h${level}#name`) ??
        document.createElement(`h${level}`);
      h.id = h.className = h.part.value = "name";
    }
    if (h.textContent !== name) h.textContent = name; // text, never markup
    return h;
  }

  private onJoin(event: Event, detail: GroupJoinDetail): void {
    const followed = this.emit("linli-group-join", detail, {
      cancelable: detail.href !== undefined,
    });
    if (!followed) event.preventDefault();
  }

  protected override render(): TemplateResult {
    const g: Partial<PublicGroup> = this.group ?? {};
    const l10n = this.l10n;
    const t = (key: GroupCardStringKey, params?: Record<string, string>) => l10n.term(key, params);
    const locale = l10n.locale;
    const name = this.text(g.name) ?? t("unnamed");
    const summary = this.text(g.summary) ?? this.text(g.description);
    const category = Object.hasOwn(GROUP_CATEGORY_LABELS, g.category ?? "") && g.category;
    const status = Object.hasOwn(GROUP_STATUS_LABELS, g.status ?? "") && g.status;
    const organisers = Array.isArray(g.organisers)
      ? g.organisers.map((o) => o?.name).filter((n) => typeof n === "string" && n)
      : [];
    const members = Number.isFinite(g.memberCount) ? g.memberCount! : undefined;
    const next = Array.isArray(g.schedule)
      ? safeNextSession(g.schedule, this.now ?? Date.now(), this.timeZone)
      : undefined;
    const cover = g.cover?.url;
    const open = g.openToJoin !== false && status !== "archived" && status !== "proposed";
    const href = this.joinUrl(g);
    const detail: GroupJoinDetail = {
      groupId: String(g.id ?? ""),
      slug: String(g.slug ?? ""),
      name,
      ...(href !== undefined && { href }),
    };
    const join = (e: Event) => this.onJoin(e, detail);
    const showImage = !!cover && !this.imageFailed;
    // One static template with text bindings, and `hidden` for what a group lacks: a card is
    // cloned in one go instead of assembling a dozen nested templates (1,000 cards mount
    // about twice as fast). The hidden part of the join label names the group, so a list of
    // "Join" buttons still says which is which.
    // prettier-ignore
    const joinLabel = html`<span>${t("join")}</span> <span class="visually-hidden">${t("join.context", { name })}</span>`;

    // prettier-ignore
    return html`<article part="card" class="card" aria-labelledby="name">
      ${this.heading(name)}
      <div part="media" class="media">
        <img part="image" ?hidden=${!showImage} src=${showImage ? cover : nothing}
          alt=${this.text(g.cover?.alt) ?? ""} loading="lazy" decoding="async" @error=${this.onImageError} />
        <div part="image-placeholder" class="placeholder" aria-hidden="true" ?hidden=${showImage}>${String.fromCodePoint(name.codePointAt(0) ?? 32)}</div>
      </div>
      <div part="body" class="body">
        <p part="badges" class="badges" ?hidden=${!category && !status}>
          <span part="category" class="category" ?hidden=${!category}>${category && t(`category.${category}`)}</span>
          <span part="status status-${status}" class="status" data-status=${status || nothing}
            ?hidden=${!status}>${status && t(`status.${status}`)}</span>
        </p>
        <p part="summary" class="summary" ?hidden=${!summary}>${summary}</p>
        <dl part="facts" class="facts" ?hidden=${!organisers.length && members === undefined && !next}>
          <div ?hidden=${!organisers.length}><dt>${t("organisers")}</dt>
            <dd part="organisers">${organisers.join(t("listSeparator"))}</dd></div>
          <div ?hidden=${members === undefined}><dt>${t("members")}</dt>
            <dd part="members">${members !== undefined && t("memberCount", { count: formatNumber(members, locale) })}</dd></div>
          <div ?hidden=${!next}><dt>${t("nextSession")}</dt>
            <dd part="next-session"><time datetime=${next ? `${next.date}T${next.start}` : nothing}>${
              next && formatSessionTime(next.startsAt, next.end, this.timeZone, locale)}</time></dd></div>
        </dl>
      </div>
      <div part="actions" class="actions">${!open
        ? html`<p part="closed" class="closed">${t(status === "archived" ? "archived" : "closed")}</p>`
        : href !== undefined
          ? html`<a part="cta" class="button" href=${href} @click=${join}>${joinLabel}</a>`
          : html`<button part="cta" class="button" type="button" @click=${join}>${joinLabel}</button>`}
      </div>
    </article>`;
  }
}

/** The next session, or `undefined` when the schedule is unusable (bad times, unknown zone). */
function safeNextSession(schedule: PublicGroup["schedule"], now: number, timeZone: string) {
  try {
    return nextSession({ schedule }, now, timeZone);
  } catch {
    return undefined;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "linli-group-card": LinliGroupCard;
  }
  interface GlobalEventHandlersEventMap {
    "linli-group-join": CustomEvent<GroupJoinDetail>;
  }
}
