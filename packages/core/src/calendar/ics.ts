/**
 * One event of an iCalendar (RFC 5545) file: a preorder's pickup, a group's session. Times
 * are instants (epoch milliseconds) and are written in UTC, so no time-zone table is needed
 * and every calendar app shows them in its own zone.
 */
export interface IcsEvent {
  /** Globally unique and stable, e.g. `ord-1a2b@linli`: importing the file twice updates one event. */
  readonly uid: string;
  /** Start, epoch ms. */
  readonly start: number;
  /** End, epoch ms (after `start`). */
  readonly end: number;
  /** When the file was made, epoch ms (DTSTAMP). Pass the clock in: core reads none. */
  readonly stamp: number;
  /** The event's title. */
  readonly summary: string;
  readonly description?: string | undefined;
  readonly location?: string | undefined;
  readonly url?: string | undefined;
  /** A reminder this many minutes before the start. */
  readonly alarmMinutesBefore?: number | undefined;
}

/** Options of {@link icsCalendar}. */
export interface IcsCalendarOptions {
  /** PRODID: who made the file. Default `-//Linli//Linli//EN`. */
  readonly prodId?: string;
  /** A name calendar apps may show for the calendar (X-WR-CALNAME). */
  readonly name?: string;
}

/**
 * Escapes text for an iCalendar TEXT value: backslash, semicolon, comma and line breaks.
 *
 * @example
 * escapeIcsText("红房子, 一楼; 烘焙\n工作室"); // "红房子\\, 一楼\\; 烘焙\\n工作室"
 */
export function escapeIcsText(text: string): string {
  return text
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

const octets = (cp: number): number => (cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4);

/**
 * Folds a content line to at most 75 octets per physical line (RFC 5545 §3.1), continuing
 * with CRLF and a space, and never splitting a UTF-8 character (Chinese text is 3 octets a
 * character).
 */
export function foldIcsLine(line: string): string {
  let out = "";
  let used = 0;
  for (const ch of line) {
    const n = octets(ch.codePointAt(0)!);
    if (used + n > 75) {
      out += "\r\n ";
      used = 1; // the leading space counts
    }
    out += ch;
    used += n;
  }
  return out;
}

/**
 * An instant as an iCalendar UTC DATE-TIME.
 *
 * @example
 * icsDateTime(Date.parse("2026-12-01T15:00:00+08:00")); // "20261201T070000Z"
 */
export function icsDateTime(epochMs: number): string {
  return new Date(epochMs)
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

function checkEvent(e: IcsEvent): void {
  for (const k of ["start", "end", "stamp"] as const)
    if (!Number.isFinite(e[k])) throw new RangeError(`icsCalendar: ${k} must be a finite time`);
  if (e.end <= e.start) throw new RangeError("icsCalendar: an event must end after it starts");
  if (e.uid === "" || /[\r\n]/.test(e.uid))
    throw new RangeError("icsCalendar: uid must be non-empty, on one line");
}

/**
 * A whole iCalendar file (`text/calendar`) with the given events, lines ended by CRLF and
 * folded at 75 octets, ready for a download link or an HTTP answer.
 *
 * @example
 * icsCalendar([{ uid: "ord-1@linli", start, end, stamp: now, summary: "取虎皮奶油卷" }]);
 * // "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Linli//Linli//EN\r\n…END:VCALENDAR\r\n"
 */
export function icsCalendar(events: readonly IcsEvent[], options: IcsCalendarOptions = {}): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:${options.prodId ?? "-//Linli//Linli//EN"}`,
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
  ];
  if (options.name !== undefined) lines.push(`X-WR-CALNAME:${escapeIcsText(options.name)}`);
  for (const e of events) {
    checkEvent(e);
    lines.push(
      "BEGIN:VEVENT",
      `UID:${e.uid}`,
      `DTSTAMP:${icsDateTime(e.stamp)}`,
      `DTSTART:${icsDateTime(e.start)}`,
      `DTEND:${icsDateTime(e.end)}`,
      `SUMMARY:${escapeIcsText(e.summary)}`,
    );
    if (e.description !== undefined) lines.push(`DESCRIPTION:${escapeIcsText(e.description)}`);
    if (e.location !== undefined) lines.push(`LOCATION:${escapeIcsText(e.location)}`);
    if (e.url !== undefined) lines.push(`URL:${e.url.replace(/[\r\n]/g, "")}`);
    if (e.alarmMinutesBefore !== undefined) {
      lines.push(
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        `DESCRIPTION:${escapeIcsText(e.summary)}`,
        `TRIGGER:-PT${Math.max(0, Math.round(e.alarmMinutesBefore))}M`,
        "END:VALARM",
      );
    }
    lines.push("END:VEVENT");
  }
  lines.push("END:VCALENDAR");
  return lines.map(foldIcsLine).join("\r\n") + "\r\n";
}

/** {@link icsCalendar} with one event: what an "add to calendar" link downloads. */
export function icsEvent(event: IcsEvent, options: IcsCalendarOptions = {}): string {
  return icsCalendar([event], options);
}
