import type { MetricFigure, MetricsSnapshot } from "./schemas.js";

/** The byte-order mark that tells spreadsheet programs a CSV file is UTF-8 (so Chinese shows). */
export const UTF8_BOM = "\uFEFF";

/** Column names of {@link snapshotToCsv}. */
export const CSV_COLUMNS = [
  "metric_id",
  "metric_version",
  "name_zh_cn",
  "name_en",
  "period",
  "part",
  "part_zh_cn",
  "part_en",
  "unit",
  "currency",
  "value",
  "available",
  "reason",
  "message_zh_cn",
  "message_en",
] as const;

function cell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A snapshot as CSV (RFC 4180, CRLF, UTF-8 with a BOM): one row per figure and per breakdown
 * part, for the whole period and each month. Numbers are unformatted (minor units for money,
 * 0–1 for ratios), so a spreadsheet can compute with them.
 *
 * @example
 * const csv = snapshotToCsv(snapshot);
 * // "\uFEFFmetric_id,metric_version,…\r\nincome-uplift.mean,1.0.0,参与人月均增收（平均值）,…"
 */
export function snapshotToCsv(snapshot: MetricsSnapshot): string {
  const rows: string[] = [CSV_COLUMNS.join(",")];
  const row = (cells: Record<(typeof CSV_COLUMNS)[number], string | number | boolean | null>) =>
    rows.push(CSV_COLUMNS.map((c) => cell(cells[c])).join(","));
  const period = `${snapshot.period.from}..${snapshot.period.to}`;
  const currencyOf = (unit: string) => (unit === "money" ? snapshot.currency : "");
  for (const m of snapshot.metrics) {
    const d = m.definition;
    const head = {
      metric_id: d.id,
      metric_version: d.version,
      name_zh_cn: d.name["zh-CN"],
      name_en: d.name.en,
    };
    const emit = (when: string, f: MetricFigure) => {
      const base = {
        ...head,
        period: when,
        part: "",
        part_zh_cn: "",
        part_en: "",
        unit: d.unit,
        currency: currencyOf(d.unit),
      };
      if (!f.available) {
        row({
          ...base,
          value: null,
          available: false,
          reason: f.reason,
          message_zh_cn: f.message["zh-CN"],
          message_en: f.message.en,
        });
        return;
      }
      row({
        ...base,
        value: f.value,
        available: true,
        reason: "",
        message_zh_cn: "",
        message_en: "",
      });
      for (const b of f.breakdown) {
        row({
          ...base,
          part: b.key,
          part_zh_cn: b.label["zh-CN"],
          part_en: b.label.en,
          unit: b.unit,
          currency: currencyOf(b.unit),
          value: b.value,
          available: b.value !== null,
          reason: b.reason ?? "",
          message_zh_cn: "",
          message_en: "",
        });
      }
    };
    emit(period, m.figure);
    for (const s of m.series) emit(s.month, s.figure);
  }
  return UTF8_BOM + rows.join("\r\n") + "\r\n";
}

/** A snapshot as JSON text: the same shape `MetricsSnapshotSchema` validates. */
export function snapshotToJson(snapshot: MetricsSnapshot): string {
  return JSON.stringify(snapshot, null, 2);
}
