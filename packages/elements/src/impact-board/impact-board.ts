import { html, nothing, svg, type PropertyValues, type TemplateResult } from "lit";
import type { LinliStore } from "@linli/client";
import type { BilingualText, LocalizedText } from "@linli/core/i18n";
import { localize } from "@linli/core/i18n";
import { currencyExponent, type CurrencyCode } from "@linli/core/money";
import type {
  MetricFigure,
  MetricsSnapshot,
  MetricUnit,
  SnapshotMetric,
} from "@linli/core/metrics";
import { LinliElement } from "../internal/base-element.js";
import { dateFormat, formatNumber, numberFormat } from "../internal/format.js";
import { ariaLevel } from "../internal/heading.js";
import { LocalizeController } from "../internal/localize.js";
import { errorMessage, StoreController } from "../internal/store-controller.js";
import { impactBoardMessages, type ImpactBoardStringKey } from "./impact-board.messages.js";
import { impactBoardStyles } from "./impact-board.styles.js";

type Locale = "zh-CN" | "en";

/** `2026年6月` / `Jun 2026` for a `YYYY-MM` month. */
function formatMonth(month: string, locale: Locale): string {
  return dateFormat(locale, {
    timeZone: "UTC",
    year: "numeric",
    month: locale === "en" ? "short" : "long",
  }).format(Date.parse(`${month}-01T00:00:00Z`));
}

/** `2026年11月28日` / `28 Nov 2026` for a `YYYY-MM-DD` date. */
function formatDate(date: string, locale: Locale): string {
  return dateFormat(locale, { timeZone: "UTC", dateStyle: "medium" }).format(
    Date.parse(`${date}T00:00:00Z`),
  );
}

/** A months' list for the chart and table: every month of the series, in order. */
type Point = { month: string; figure: MetricFigure };

/**
 * A programme's impact at a glance: a {@link MetricsSnapshot}'s headline figures with their
 * units and period; a small trend chart per monthly series (SVG, with a sentence that says
 * what it shows and a data table behind a toggle); every figure's definition, calculation,
 * assumptions, footnotes and version one click away; and figures that could not be computed
 * shown as "not available" with the snapshot's reason, never as 0. `variant="compact"` is a
 * sidebar: figures and definitions without charts. Give it a `snapshot`, or a `store` /
 * `api` to load one.
 *
 * @tag linli-impact-board
 * @summary A metrics snapshot as headline figures, accessible trend charts and definitions.
 *
 * @csspart header - The scope's name and the period.
 * @csspart title - The heading with the scope's name.
 * @csspart period - The period and the date of the data.
 * @csspart figures - The list of figures.
 * @csspart figure - One metric (also `unavailable` when it could not be computed).
 * @csspart figure-name - A metric's name.
 * @csspart value - A figure's value with its unit.
 * @csspart unavailable - The "not available" note with its reason.
 * @csspart chart - The trend chart's `<figure>`.
 * @csspart chart-alt - The sentence that says what the chart shows.
 * @csspart table-toggle - The button that shows or hides the data table.
 * @csspart table - The chart's data table.
 * @csspart definition - The `<details>` with the definition.
 * @csspart loading - The loading message.
 * @csspart error - The error message with its retry button.
 * @csspart retry - The retry button.
 *
 * @cssprop --linli-chart-line - Trend line and dots (falls back to `--linli-color-primary`).
 * @cssprop --linli-chart-grid - The chart's baseline (falls back to `--linli-color-border`).
 * @cssprop --linli-impact-figure-bg - A figure's background (falls back to `--linli-color-surface`).
 */
export class LinliImpactBoard extends LinliElement {
  static override styles = [...LinliElement.styles, impactBoardStyles];

  static override properties = {
    snapshot: { attribute: false },
    store: { attribute: false },
    api: {},
    variant: { reflect: true },
    metrics: {},
    tables: { state: true },
    headingLevel: { type: Number, attribute: "heading-level" },
  };

  /** The snapshot to show; when unset, it loads from the store (`getMetrics`). */
  declare snapshot: MetricsSnapshot | undefined;
  /** A store to load the snapshot from. */
  declare store: LinliStore | undefined;
  /** A Linli server's base URL to load from, when no `store` is given. */
  declare api: string | undefined;
  /** `full` (figures with trend charts) or `compact` (a sidebar: figures only). */
  variant: "full" | "compact" = "full";
  /** Metric ids to show, separated by spaces or commas, in that order; all when unset. */
  declare metrics: string | undefined;
  /** The level of the board's heading (2–6), so it fits the page's outline; figures sit one below. */
  headingLevel = 2;
  private tables = new Set<string>();

  private readonly l10n = new LocalizeController<ImpactBoardStringKey>(this, impactBoardMessages);
  private readonly data = new StoreController<MetricsSnapshot>(
    this,
    (store, signal) => store.getMetrics({}, { signal }),
    () => this.snapshot === undefined,
  );

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has("snapshot")) this.tables = new Set();
  }

  private t(key: ImpactBoardStringKey, params?: Record<string, string | number>): string {
    return this.l10n.term(key, params);
  }

  private text(t: BilingualText | LocalizedText | undefined): string {
    return t ? localize(t as LocalizedText, this.l10n.locale) : "";
  }

  /** A value with its unit, as a resident reads it: `¥2,600`, `81.4%`, `111 件`. */
  private format(value: number, unit: MetricUnit, currency: CurrencyCode): string {
    const locale = this.l10n.locale;
    if (unit === "money") {
      const f = numberFormat(locale, {
        style: "currency",
        currency,
        currencyDisplay: "narrowSymbol",
        maximumFractionDigits: 0,
      });
      const digits = currencyExponent(currency);
      return f.format(value / 10 ** digits);
    }
    if (unit === "ratio") {
      return numberFormat(locale, {
        style: "percent",
        maximumFractionDigits: 1,
      }).format(value);
    }
    return this.t(`unit.${unit}`, { value: formatNumber(value, locale) });
  }

  private toggle(id: string): void {
    const next = new Set(this.tables);
    if (!next.delete(id)) next.add(id);
    this.tables = next;
  }

  /** The chart's text alternative: where the series started and ended, and its gaps. */
  private sentence(m: SnapshotMetric, points: readonly Point[], currency: CurrencyCode): string {
    const known = points.filter((p) => p.figure.available);
    const first = known[0]!;
    const last = known[known.length - 1]!;
    const v = (p: Point) => (p.figure.available ? p.figure.value : 0);
    const locale = this.l10n.locale;
    const params = {
      name: this.text(m.definition.name),
      first: this.format(v(first), m.definition.unit, currency),
      last: this.format(v(last), m.definition.unit, currency),
      from: formatMonth(first.month, locale),
      to: formatMonth(last.month, locale),
    };
    const trend =
      v(last) > v(first) ? "impact.rose" : v(last) < v(first) ? "impact.fell" : "impact.flat";
    const gaps = points.length - known.length;
    return (
      this.t(trend, params) +
      (gaps ? this.t("impact.gaps", { count: gaps }) : "") +
      (locale === "en" ? "." : "。")
    );
  }

  private chart(m: SnapshotMetric, i: number, currency: CurrencyCode): TemplateResult {
    const points = [...m.series].sort((a, b) => (a.month < b.month ? -1 : 1));
    const known = points.filter((p) => p.figure.available);
    if (known.length < 2) return html`<p class="note">${this.t("impact.noTrend")}</p>`;
    const values = known.map((p) => (p.figure.available ? p.figure.value : 0));
    const lo = Math.min(0, ...values);
    const hi = Math.max(...values);
    const span = hi - lo || 1;
    const x = (j: number) => (points.length === 1 ? 50 : (j / (points.length - 1)) * 100);
    const y = (value: number) => 38 - ((value - lo) / span) * 36;
    const coords = points.flatMap((p, j) =>
      p.figure.available ? [[x(j), y(p.figure.value)] as const] : [],
    );
    const id = m.definition.id;
    const open = this.tables.has(id);
    // prettier-ignore
    return html`<figure part="chart" class="chart">
      <svg viewBox="0 0 100 40" preserveAspectRatio="none" role="img" aria-labelledby="alt-${i}">
        ${svg`<line class="axis" x1="0" x2="100" y1=${y(lo)} y2=${y(lo)}></line>
        <polyline class="line" points=${coords.map(([a, b]) => `${a},${b}`).join(" ")}></polyline>
        ${coords.map(([a, b]) => svg`<circle class="dot" cx=${a} cy=${b} r="1.2"></circle>`)}`}
      </svg>
      <figcaption part="chart-alt" id="alt-${i}">${this.sentence(m, points, currency)}</figcaption>
      <button part="table-toggle" class="toggle" type="button" aria-expanded=${open ? "true" : "false"}
        aria-controls="table-${i}" @click=${() => this.toggle(id)}>${this.t(open ? "impact.hideTable" : "impact.showTable")}</button>
      <table part="table" id="table-${i}" ?hidden=${!open}>
        <caption class="visually-hidden">${this.text(m.definition.name)}</caption>
        <thead><tr><th scope="col">${this.t("impact.month")}</th><th scope="col">${this.t("impact.value")}</th></tr></thead>
        <tbody>${points.map((p) => html`<tr><th scope="row">${formatMonth(p.month, this.l10n.locale)}</th><td>${
          p.figure.available ? this.format(p.figure.value, m.definition.unit, currency) : this.t("impact.unavailable")}</td></tr>`)}</tbody>
      </table>
    </figure>`;
  }

  private figure(m: SnapshotMetric, i: number, currency: CurrencyCode): TemplateResult {
    const d = m.definition;
    const f = m.figure;
    // prettier-ignore
    return html`<li part="figure${f.available ? "" : " unavailable"}" class="figure" data-metric=${d.id}>
      <div part="figure-name" class="figure-name" role="heading" aria-level=${ariaLevel(this.headingLevel, 1)}>${this.text(d.name)}</div>
      ${f.available
        ? html`<p part="value" class="value">${this.format(f.value, d.unit, currency)}</p>`
        : html`<p part="unavailable" class="unavailable"><strong>${this.t("impact.unavailable")}</strong> ${this.text(f.message)}</p>`}
      ${this.variant === "compact" ? nothing : this.chart(m, i, currency)}
      <details part="definition">
        <summary>${this.t("impact.definition")}<span class="visually-hidden">${" " + this.text(d.name)}</span></summary>
        <p>${this.text(d.description)}</p>
        <dl>
          <dt>${this.t("impact.calculation")}</dt><dd>${this.text(d.calculation)}</dd>
          ${d.assumptions.length ? html`<dt>${this.t("impact.assumptions")}</dt><dd><ul>${d.assumptions.map((a) => html`<li>${this.text(a)}</li>`)}</ul></dd>` : nothing}
          ${d.footnotes.length ? html`<dt>${this.t("impact.footnotes")}</dt><dd><ol>${d.footnotes.map((a) => html`<li>${this.text(a)}</li>`)}</ol></dd>` : nothing}
          <dt>${this.t("impact.version")}</dt><dd>${d.version}</dd>
        </dl>
      </details>
    </li>`;
  }

  protected override render(): TemplateResult {
    const state = this.data.state;
    const s = this.snapshot ?? (state.kind === "ready" ? state.value : undefined);
    if (!s) {
      if (state.kind === "error") {
        const why = errorMessage(state.error, this.l10n.locale);
        return html`<div part="error" class="error" role="alert">
          <p>${this.t("impact.error")}${why ? html` <span>${why}</span>` : nothing}</p>
          <button part="retry" class="button" type="button" @click=${() => this.data.retry()}>
            ${this.t("impact.retry")}
          </button>
        </div>`;
      }
      return state.kind === "loading"
        ? html`<p part="loading" role="status">${this.t("impact.loading")}</p>`
        : html`<p part="empty">${this.t("impact.empty")}</p>`;
    }
    const locale = this.l10n.locale;
    const wanted = this.metrics?.split(/[\s,]+/).filter(Boolean);
    const shown = wanted
      ? wanted.flatMap((id) => s.metrics.filter((m) => m.definition.id === id))
      : s.metrics;
    // prettier-ignore
    return html`<section aria-labelledby="title">
      <div part="header">
        <div part="title" class="title" id="title" role="heading" aria-level=${ariaLevel(this.headingLevel)}>${this.text(s.scope.name)}</div>
        <p part="period" class="period">${this.t("impact.period", {
          from: formatMonth(s.period.from, locale),
          to: formatMonth(s.period.to, locale),
          asOf: formatDate(s.asOf, locale),
        })}</p>
      </div>
      ${shown.length
        ? html`<ul part="figures" class="figures">${shown.map((m, i) => this.figure(m, i, s.currency))}</ul>`
        : html`<p part="empty">${this.t("impact.empty")}</p>`}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "linli-impact-board": LinliImpactBoard;
  }
}
