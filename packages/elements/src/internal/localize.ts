import type { ReactiveController, ReactiveControllerHost } from "lit";
import { DEFAULT_LOCALE, resolveLocale, type BilingualText, type Locale } from "@linli/core/i18n";

/** An element's strings: every key in zh-CN and in en. */
export type Catalogue<K extends string> = { readonly [P in K]: BilingualText };

/** A host's replacement for one string: the same text in every language, or per language. */
export type StringOverride = string | { readonly "zh-CN"?: string; readonly en?: string };

/**
 * Replacements for any of an element's strings, by key. Templates keep their `{placeholders}`.
 *
 * @example
 * card.strings = { join: { "zh-CN": "报名", en: "Sign up" }, "members.other": "{count} 位居民" };
 */
export type StringOverrides = { readonly [key: string]: StringOverride | undefined };

/** An element that a {@link LocalizeController} serves. */
export interface LocalizedHost extends ReactiveControllerHost, HTMLElement {
  /** Whether the host has rendered (false while server-rendered markup awaits hydration). */
  readonly hasUpdated: boolean;
  /** Per-element replacements, which win over {@link setStrings}. */
  strings?: StringOverrides | undefined;
}

let pageOverrides: StringOverrides = {};
const connected = new Set<LocalizeController<string>>();
let observer: MutationObserver | undefined;

/**
 * Replaces strings in every Linli element on the page (merged with earlier calls); an
 * element's own `strings` property still wins. Elements already shown update.
 *
 * @example
 * setStrings({ "directory.search": { "zh-CN": "搜索兴趣小组", en: "Search interest groups" } });
 */
export function setStrings(overrides: StringOverrides): void {
  pageOverrides = { ...pageOverrides, ...overrides };
  for (const c of connected) c.host.requestUpdate();
}

/**
 * The `lang` of the closest ancestor that has one, crossing shadow roots to their hosts, or
 * `undefined` when none has.
 */
export function closestLang(node: Element): string | undefined {
  let el: Element | null = node;
  while (el) {
    const found: Element | null = el.closest("[lang]");
    if (found) return found.getAttribute("lang") ?? undefined;
    const root = el.getRootNode();
    el = root instanceof ShadowRoot ? root.host : null;
  }
  return undefined;
}

function refreshAll(): void {
  for (const c of connected) c.refresh();
}

function fill(template: string, params: Readonly<Record<string, string | number>>): string {
  if (!template.includes("{")) return template; // most strings: no placeholders
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

function pick(o: StringOverride | undefined, locale: Locale): string | undefined {
  return typeof o === "string" ? o : o?.[locale];
}

/**
 * Gives an element its language and its strings. The language is the closest `[lang]` above
 * the element (zh-CN when there is none, `en`/`en-*` for English) and follows changes to any
 * `lang` attribute in the document; strings come from the element's catalogue, with the
 * host's overrides on top.
 *
 * @example
 * class MyCard extends LinliElement {
 *   private l10n = new LocalizeController(this, { title: { "zh-CN": "标题", en: "Title" } });
 *   render() { return html`<h2>${this.l10n.term("title")}</h2>`; }
 * }
 */
export class LocalizeController<K extends string> implements ReactiveController {
  /** The language in use: `zh-CN` or `en`. */
  locale: Locale = DEFAULT_LOCALE;

  constructor(
    readonly host: LocalizedHost,
    private readonly catalogue: Catalogue<K>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    connected.add(this as LocalizeController<string>);
    if (!observer && typeof MutationObserver !== "undefined") {
      observer = new MutationObserver(refreshAll);
      observer.observe(document.documentElement, {
        attributes: true,
        attributeFilter: ["lang"],
        subtree: true,
      });
    }
    // Server-rendered markup being hydrated (a filled shadow root before the first update)
    // is in the default language, and hydration must render what the server did: look the
    // language up once that first update is done.
    if (this.host.shadowRoot?.hasChildNodes() && !this.host.hasUpdated) {
      void this.host.updateComplete.then(() => this.refresh());
    } else this.refresh(); // moved under another [lang] since it last rendered?
  }

  hostDisconnected(): void {
    connected.delete(this as LocalizeController<string>);
    if (connected.size === 0) {
      observer?.disconnect();
      observer = undefined;
    }
  }

  /** Looks the language up again; re-renders the host when it changed. */
  refresh(): void {
    const next = resolveLocale(closestLang(this.host));
    if (next !== this.locale) {
      this.locale = next;
      this.host.requestUpdate();
    }
  }

  /** The string for `key` in the current language, its `{placeholders}` filled from `params`. */
  term(key: K, params: Readonly<Record<string, string | number>> = {}): string {
    const text =
      pick(this.host.strings?.[key], this.locale) ??
      pick(pageOverrides[key], this.locale) ??
      this.catalogue[key][this.locale];
    return fill(text, params);
  }
}

const rules = new Map<Locale, Intl.PluralRules>();
function pluralRules(locale: Locale): Intl.PluralRules {
  let r = rules.get(locale);
  if (!r) rules.set(locale, (r = new Intl.PluralRules(locale)));
  return r;
}

/**
 * The `<base>.one` or `<base>.other` string for a count, by the language's plural rules
 * (Intl.PluralRules): `directory.count.one` is "{count} group" in English,
 * `directory.count.other` "{count} groups". (A function rather than a method, so elements
 * that never count do not carry it.)
 */
export function plural<K extends string>(
  l10n: LocalizeController<K>,
  base: string,
  count: number,
  params: Readonly<Record<string, string | number>> = {},
): string {
  const form = pluralRules(l10n.locale).select(count) === "one" ? "one" : "other";
  return l10n.term(`${base}.${form}` as K, params);
}
