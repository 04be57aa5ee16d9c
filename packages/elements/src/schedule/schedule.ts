import { html, nothing, type PropertyValues, type TemplateResult } from "lit";
import type { LinliStore } from "@linli/client";
import { icsCalendar, type IcsEvent } from "@linli/core/calendar";
import type { PublicGroup } from "@linli/core/contract";
import {
  GROUP_CATEGORY_LABELS,
  weekSessions,
  weekStart,
  type WeekSession,
} from "@linli/core/groups";
import type { Hub } from "@linli/core/hub";
import { localize, type LocalizedText } from "@linli/core/i18n";
import { addDays, toZoned, zonedToEpoch } from "@linli/core/time";
import { LinliElement } from "../internal/base-element.js";
import { checkGroupsLater } from "../internal/check-data.js";
import { formatDay, formatNumber } from "../internal/format.js";
import { ariaLevel } from "../internal/heading.js";
import { LocalizeController, plural } from "../internal/localize.js";
import { errorMessage, StoreController } from "../internal/store-controller.js";
import { scheduleMessages, type ScheduleStringKey } from "./schedule.messages.js";
import { scheduleStyles } from "./schedule.styles.js";

/** The hub facts the timetable uses: its name, zone and rooms. */
export type ScheduleHub = Pick<Hub, "name" | "timeZone" | "rooms"> & Partial<Pick<Hub, "address">>;

/** What `linli-schedule-export` carries: the .ics file about to be downloaded. */
export interface ScheduleExportDetail {
  /** The iCalendar text (RFC 5545). */
  readonly ics: string;
  /** The file name offered, e.g. `linli-2026-11-30.ics`. */
  readonly filename: string;
  /** How many sessions it holds (1 for a single session). */
  readonly sessions: number;
}

type Session = WeekSession<PublicGroup>;

const isText = (t: unknown): t is LocalizedText =>
  typeof t === "object" && t !== null && typeof (t as LocalizedText)["zh-CN"] === "string";

/**
 * A hub's week of sessions across its resident groups (or one group): by day and time, with
 * room, group and category; filters by group and category; today highlighted; each session
 * or the whole week as an .ics file for a calendar app. Seven columns when there is room, a
 * list of the days that have sessions when the element is narrower than 40rem. Give it
 * `groups` (and `hub` for room names and the time zone), or a `store` / `api` to load both.
 *
 * @tag linli-schedule
 * @summary A hub's weekly timetable, filterable, exportable to calendars.
 *
 * @fires linli-schedule-export - An .ics file is about to download. `detail`: `{ ics, filename, sessions }`. Cancelable: `preventDefault()` stops the download (to send the file elsewhere).
 *
 * @csspart header - Title, week navigation, filters and the week's download.
 * @csspart title - The heading with the week's dates.
 * @csspart nav - The previous / this / next week buttons.
 * @csspart filters - The group and category filters.
 * @csspart group-filter - The group `<select>`.
 * @csspart category-filter - The category `<select>`.
 * @csspart export-week - The button that downloads the week's sessions.
 * @csspart count - The number of sessions shown (announced when filters change).
 * @csspart days - The list of seven days.
 * @csspart day - One day (also `today` on today's).
 * @csspart day-name - A day's heading.
 * @csspart session - One session.
 * @csspart session-time - Its start and end.
 * @csspart session-group - Its group's name.
 * @csspart session-meta - Its category and room.
 * @csspart session-export - Its "Add to calendar" button.
 * @csspart empty - Shown when the week has no sessions, or none match the filters.
 * @csspart loading - The loading message.
 * @csspart error - The error message with its retry button.
 * @csspart retry - The retry button.
 *
 * @cssprop --linli-schedule-day-bg - A day's background (falls back to `--linli-color-surface`).
 * @cssprop --linli-schedule-today-bg - Today's background.
 * @cssprop --linli-schedule-today-border - Today's border (falls back to `--linli-color-primary`).
 * @cssprop --linli-schedule-gap - Space between days and sessions, 0.5rem by default.
 */
export class LinliSchedule extends LinliElement {
  static override styles = [...LinliElement.styles, scheduleStyles];

  static override properties = {
    groups: { attribute: false },
    hub: { attribute: false },
    store: { attribute: false },
    api: {},
    groupId: { attribute: "group-id" },
    category: {},
    week: {},
    now: { type: Number },
    timeZone: { attribute: "time-zone" },
    layout: { reflect: true },
    headingLevel: { type: Number, attribute: "heading-level" },
  };

  /** The groups whose sessions to show (`PublicGroup`s); when unset, they load from the store. */
  declare groups: readonly PublicGroup[] | undefined;
  /** The hub: room names, time zone and name for calendar files. Loaded with the groups. */
  declare hub: ScheduleHub | undefined;
  /** A store to load the hub and its groups from. */
  declare store: LinliStore | undefined;
  /** A Linli server's base URL to load from, when no `store` is given. */
  declare api: string | undefined;
  /** Show one group only (its id); the group filter's value. */
  declare groupId: string | undefined;
  /** Show one category only; the category filter's value. */
  declare category: string | undefined;
  /** Any date (`YYYY-MM-DD`) in the week to show; the current week when unset. */
  declare week: string | undefined;
  /** The clock, epoch ms, for "today" and the current week; the current time when unset. */
  declare now: number | undefined;
  /** The hub's IANA time zone; the hub's own, or `Asia/Shanghai`. */
  declare timeZone: string | undefined;
  /** `week` (seven columns) or `list` (narrow): set from the element's width. */
  layout: "week" | "list" = "week";
  /** The level of the timetable's heading (2–6), so it fits the page's outline; days sit one below. */
  headingLevel = 2;

  private readonly l10n = new LocalizeController<ScheduleStringKey>(this, scheduleMessages);
  private readonly data = new StoreController<{ hub: ScheduleHub; groups: PublicGroup[] }>(
    this,
    async (store, signal) => {
      const [hub, groups] = await Promise.all([
        store.getHub({ signal }),
        store.listGroups({}, { signal }),
      ]);
      return { hub, groups };
    },
    () => this.groups === undefined,
  );
  private resizer?: ResizeObserver;
  private link?: HTMLAnchorElement;

  override connectedCallback(): void {
    super.connectedCallback();
    this.resizer ??= new ResizeObserver(([entry]) => {
      const width = entry?.contentBoxSize[0]?.inlineSize ?? this.clientWidth;
      const rem = parseFloat(getComputedStyle(this).fontSize) || 16;
      const next = width > 0 && width < 40 * rem ? "list" : "week";
      // Next frame: changing layout inside the observer would resize what it observes.
      if (next !== this.layout) requestAnimationFrame(() => (this.layout = next));
    });
    this.resizer.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizer?.disconnect();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has("groups") && this.groups !== undefined) {
      checkGroupsLater("linli-schedule", this.groups);
    }
  }

  private t(key: ScheduleStringKey, params?: Record<string, string | number>): string {
    return this.l10n.term(key, params);
  }

  private text(t: unknown): string | undefined {
    return isText(t) ? localize(t, this.l10n.locale) : undefined;
  }

  private get source():
    { hub: ScheduleHub | undefined; groups: readonly PublicGroup[] } | undefined {
    if (this.groups !== undefined) return { hub: this.hub, groups: this.groups };
    const s = this.data.state;
    return s.kind === "ready"
      ? { hub: this.hub ?? s.value.hub, groups: s.value.groups }
      : undefined;
  }

  private zone(hub: ScheduleHub | undefined): string {
    return this.timeZone || hub?.timeZone || "Asia/Shanghai";
  }

  private monday(zone: string): string {
    const w = this.week && /^\d{4}-\d{2}-\d{2}$/.test(this.week) ? this.week : undefined;
    return weekStart(w ?? toZoned(this.now ?? Date.now(), zone).date);
  }

  private roomName(hub: ScheduleHub | undefined, id: string | undefined): string | undefined {
    const room = id === undefined ? undefined : hub?.rooms?.find((r) => r.id === id);
    return room ? this.text(room.name) : undefined;
  }

  private icsEvent(
    s: Session,
    hub: ScheduleHub | undefined,
    zone: string,
    stamp: number,
  ): IcsEvent {
    const name = this.text(s.group.name) ?? s.group.id;
    const title = this.text(s.title);
    const room = this.roomName(hub, s.roomId);
    const place = [room, this.text(hub?.name), this.text(hub?.address)].filter(Boolean);
    const cat = s.group.category;
    return {
      uid: `${s.group.id}-${s.scheduleIndex}-${s.date}@linli`,
      start: s.startsAt,
      end: zonedToEpoch(s.date, s.end, zone),
      stamp,
      summary: title ? `${name}: ${title}` : name,
      ...(place.length ? { location: place.join(", ") } : {}),
      ...(Object.hasOwn(GROUP_CATEGORY_LABELS, cat)
        ? { description: this.t(`category.${cat}`) }
        : {}),
    };
  }

  private download(
    sessions: readonly Session[],
    hub: ScheduleHub | undefined,
    zone: string,
    name: string,
  ): void {
    const stamp = this.now ?? Date.now();
    const ics = icsCalendar(
      sessions.map((s) => this.icsEvent(s, hub, zone, stamp)),
      {
        name: this.t("schedule.calendarName", {
          hub: this.text(hub?.name) ?? this.t("schedule.hub"),
        }),
      },
    );
    const filename = `linli-${name}.ics`;
    if (
      !this.emit(
        "linli-schedule-export",
        { ics, filename, sessions: sessions.length },
        { cancelable: true },
      )
    ) {
      return;
    }
    const url = URL.createObjectURL(new Blob([ics], { type: "text/calendar;charset=utf-8" }));
    const a = (this.link ??= document.createElement("a"));
    a.href = url;
    a.download = filename;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  private setFilter(key: "groupId" | "category", event: Event): void {
    const v = (event.target as HTMLSelectElement).value;
    this[key] = v === "" ? undefined : v;
  }

  private clearFilters(): void {
    this.groupId = this.category = undefined;
  }

  private go(days: number | undefined, monday: string): void {
    this.week = days === undefined ? undefined : addDays(monday, days);
  }

  protected override render(): TemplateResult {
    const source = this.source;
    if (!source) return this.renderState();
    const { hub, groups } = source;
    const locale = this.l10n.locale;
    const zone = this.zone(hub);
    const monday = this.monday(zone);
    const today = toZoned(this.now ?? Date.now(), zone).date;
    let all: Session[] = [];
    try {
      all = weekSessions(
        groups.filter((g) => Array.isArray(g?.schedule)),
        monday,
        zone,
      );
    } catch {
      // an unknown time zone or a malformed schedule: show an empty week rather than throw
    }
    const shown = all.filter(
      (s) =>
        (!this.groupId || s.group.id === this.groupId) &&
        (!this.category || s.group.category === this.category),
    );
    const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
    const range = `${formatDay(days[0]!, locale)}–${formatDay(days[6]!, locale)}`;
    const scheduled = groups.filter((g) => g.schedule?.length);
    const categories = [...new Set(scheduled.map((g) => g.category))].filter((c) =>
      Object.hasOwn(GROUP_CATEGORY_LABELS, c),
    );
    const count = plural(this.l10n, "schedule.count", shown.length, {
      count: formatNumber(shown.length, locale),
    });
    const when = (s: Session) => `${formatDay(s.date, locale)} ${s.start}–${s.end}`;

    // prettier-ignore
    return html`<section class="schedule" aria-labelledby="title">
      <div part="header" class="header">
        <div part="title" class="title" id="title" role="heading" aria-level=${ariaLevel(this.headingLevel)}>${this.t("schedule.title", { range })}</div>
        <div part="nav" class="nav">
          <button class="button secondary" type="button" @click=${() => this.go(-7, monday)}>${this.t("schedule.previous")}</button>
          <button class="button secondary" type="button" @click=${() => this.go(undefined, monday)}>${this.t("schedule.thisWeek")}</button>
          <button class="button secondary" type="button" @click=${() => this.go(7, monday)}>${this.t("schedule.next")}</button>
        </div>
        <div part="filters" class="filters">
          <label>${this.t("schedule.group")}
            <select part="group-filter" @change=${(e: Event) => this.setFilter("groupId", e)}>
              <option value="" ?selected=${!this.groupId}>${this.t("schedule.allGroups")}</option>
              ${scheduled.map((g) => html`<option value=${g.id} ?selected=${g.id === this.groupId}>${this.text(g.name) ?? g.id}</option>`)}
            </select></label>
          <label>${this.t("schedule.category")}
            <select part="category-filter" @change=${(e: Event) => this.setFilter("category", e)}>
              <option value="" ?selected=${!this.category}>${this.t("schedule.allCategories")}</option>
              ${categories.map((c) => html`<option value=${c} ?selected=${c === this.category}>${this.t(`category.${c}`)}</option>`)}
            </select></label>
        </div>
        <button part="export-week" class="button" type="button" ?disabled=${!shown.length}
          @click=${() => this.download(shown, hub, zone, monday)}>${this.t("schedule.exportWeek")}</button>
      </div>
      <p part="count" class="count" role="status">${count}</p>
      ${!shown.length
        ? html`<div part="empty" class="empty"><p>${this.t(all.length ? "schedule.noMatch" : "schedule.empty")}</p>
            ${all.length ? html`<button class="button secondary" type="button" @click=${this.clearFilters}>${this.t("schedule.clear")}</button>` : nothing}</div>`
        : nothing}
      <ol part="days" class="days" ?hidden=${!shown.length}>
        ${days.map((day) => {
          const mine = shown.filter((s) => s.date === day);
          const isToday = day === today;
          return html`<li part="day${isToday ? " today" : ""}" class="day${isToday ? " today" : ""}${mine.length ? "" : " empty"}"
            aria-current=${isToday ? "date" : nothing} data-date=${day}>
            <div part="day-name" class="day-name" role="heading" aria-level=${ariaLevel(this.headingLevel, 1)}>${formatDay(day, locale)}${isToday ? html`<span class="badge">${this.t("schedule.today")}</span>` : nothing}</div>
            ${mine.length
              ? html`<ul class="sessions">${mine.map((s) => {
                  const room = this.roomName(hub, s.roomId);
                  const cat = Object.hasOwn(GROUP_CATEGORY_LABELS, s.group.category) ? this.t(`category.${s.group.category}`) : undefined;
                  const group = this.text(s.group.name) ?? s.group.id;
                  const title = this.text(s.title);
                  return html`<li part="session" class="session" data-group=${s.group.id}>
                    <time part="session-time" class="time" datetime=${`${s.date}T${s.start}`}>${s.start}–${s.end}</time>
                    <span part="session-group" class="group">${group}${title ? `: ${title}` : ""}</span>
                    <span part="session-meta" class="meta">${[cat, room].filter(Boolean).join(" · ")}</span>
                    <button part="session-export" class="link" type="button"
                      @click=${() => this.download([s], hub, zone, `${s.group.id}-${s.date}`)}>${this.t("schedule.exportSession")}<span
                      class="visually-hidden">${this.t("schedule.exportSession.context", { group, when: when(s) })}</span></button>
                  </li>`;
                })}</ul>`
              : html`<p class="none">${this.t("schedule.noSessions")}</p>`}
          </li>`;
        })}
      </ol>
    </section>`;
  }

  private renderState(): TemplateResult {
    const state = this.data.state;
    if (state.kind === "error") {
      const why = errorMessage(state.error, this.l10n.locale);
      return html`<div part="error" class="error" role="alert">
        <p>${this.t("schedule.error")}${why ? html` <span>${why}</span>` : nothing}</p>
        <button part="retry" class="button" type="button" @click=${() => this.data.retry()}>
          ${this.t("schedule.retry")}
        </button>
      </div>`;
    }
    if (state.kind === "loading") {
      return html`<p part="loading" class="loading" role="status">
        ${this.t("schedule.loading")}
      </p>`;
    }
    return html`<div part="empty" class="empty"><p>${this.t("schedule.empty")}</p></div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "linli-schedule": LinliSchedule;
  }
  interface GlobalEventHandlersEventMap {
    "linli-schedule-export": CustomEvent<ScheduleExportDetail>;
  }
}
