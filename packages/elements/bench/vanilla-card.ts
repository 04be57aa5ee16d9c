// The hand-written baseline: a custom element with a shadow root that adopts the card's own
// stylesheets (shared by every instance, as Lit shares them) and builds the same elements as
// <linli-group-card> (hidden ones included; vanilla-card.test.ts compares the two trees) with
// createElement and textContent, for groups with everything but a cover. It computes the same text (core's
// labels and next session, Intl for numbers and dates) and keeps nothing else: no reactive
// properties, no templates, no language tracking, no data check.
import type { PublicGroup } from "@linli/core/contract";
import { GROUP_CATEGORY_LABELS, GROUP_STATUS_LABELS, nextSession } from "@linli/core/groups";
import { groupCardMessages as m } from "../src/group-card/group-card.messages.js";
import { LinliGroupCard } from "../src/group-card/group-card.js";
import { formatNumber, formatSessionTime } from "../src/internal/format.js";

const ZH = "zh-CN";
const TZ = "Asia/Shanghai";

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string>,
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const k in attrs) e.setAttribute(k, attrs[k]!);
  e.append(...children);
  return e;
}

export class VanillaGroupCard extends HTMLElement {
  static sheets: CSSStyleSheet[] = [];
  group!: PublicGroup;
  now = 0;

  connectedCallback(): void {
    if (this.shadowRoot) return;
    const root = this.attachShadow({ mode: "open" });
    root.adoptedStyleSheets = VanillaGroupCard.sheets;
    const g = this.group;
    const name = g.name[ZH];
    const hidden = (e: HTMLElement, hide: boolean) => ((e.hidden = hide), e);
    const next = nextSession(g, this.now, TZ);
    const summary = (g.summary ?? g.description)[ZH];
    const organisers = g.organisers.map((o) => o.name);
    const fact = (label: string, part: string, value: Node | string, show: boolean) =>
      hidden(el("div", {}, el("dt", {}, label), el("dd", { part }, value)), !show);
    const time = el("time", next ? { datetime: `${next.date}T${next.start}` } : {});
    if (next) time.textContent = formatSessionTime(next.startsAt, next.end, TZ, ZH);
    const img = hidden(
      el("img", { part: "image", alt: "", loading: "lazy", decoding: "async" }),
      true, // the bench's groups have no cover
    );
    const open = g.openToJoin !== false && g.status !== "archived" && g.status !== "proposed";
    const button = el(
      "button",
      { part: "cta", class: "button", type: "button" },
      el("span", {}, m.join[ZH]),
      " ",
      el("span", { class: "visually-hidden" }, m["join.context"][ZH].replace("{name}", name)),
    );
    button.addEventListener("click", () =>
      this.dispatchEvent(
        new CustomEvent("linli-group-join", {
          detail: { groupId: g.id, slug: g.slug, name },
          bubbles: true,
          composed: true,
        }),
      ),
    );
    root.append(
      el(
        "article",
        { part: "card", class: "card", "aria-labelledby": "name" },
        el("h3", { id: "name", class: "name", part: "name" }, name),
        el(
          "div",
          { part: "media", class: "media" },
          img,
          el(
            "div",
            { part: "image-placeholder", class: "placeholder", "aria-hidden": "true" },
            [...name][0]!,
          ),
        ),
        el(
          "div",
          { part: "body", class: "body" },
          el(
            "p",
            { part: "badges", class: "badges" },
            el(
              "span",
              { part: "category", class: "category" },
              GROUP_CATEGORY_LABELS[g.category][ZH],
            ),
            " ",
            el(
              "span",
              { part: `status status-${g.status}`, class: "status", "data-status": g.status },
              GROUP_STATUS_LABELS[g.status][ZH],
            ),
          ),
          el("p", { part: "summary", class: "summary" }, summary),
          el(
            "dl",
            { part: "facts", class: "facts" },
            fact(
              m.organisers[ZH],
              "organisers",
              organisers.join(m.listSeparator[ZH]),
              organisers.length > 0,
            ),
            fact(
              m.members[ZH],
              "members",
              m.memberCount[ZH].replace("{count}", formatNumber(g.memberCount, ZH)),
              true,
            ),
            fact(m.nextSession[ZH], "next-session", time, next !== undefined),
          ),
        ),
        el(
          "div",
          { part: "actions", class: "actions" },
          open
            ? button
            : el(
                "p",
                { part: "closed", class: "closed" },
                m[g.status === "archived" ? "archived" : "closed"][ZH],
              ),
        ),
      ),
    );
  }
}

/** Registers the baseline, adopting the very stylesheets Lit built for the card. */
export function defineVanillaCard(): void {
  VanillaGroupCard.sheets = LinliGroupCard.elementStyles.map((s) =>
    s instanceof CSSStyleSheet ? s : s.styleSheet!,
  );
  customElements.define("vanilla-group-card", VanillaGroupCard);
}
