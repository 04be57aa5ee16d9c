import { css } from "lit";

/** `<linli-schedule>`'s own styles: a seven-column week, or a list when the element is narrow. */
export const scheduleStyles = css`
  :host {
    --_day-bg: var(--linli-schedule-day-bg, var(--_surface));
    --_today-bg: var(--linli-schedule-today-bg, var(--_surface-muted));
    --_today-border: var(--linli-schedule-today-border, var(--_primary));
    --_gap: var(--linli-schedule-gap, 0.5rem);
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_gap) var(--_space);
    align-items: end;
    margin-block-end: var(--_space);
  }
  .title {
    flex: 1 1 100%;
    margin: 0;
    font-weight: 700;
    font-size: 1.375rem;
  }
  .nav,
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_gap);
    align-items: end;
  }
  label {
    display: grid;
    font-size: var(--_font-size-small);
    color: var(--_text-muted);
  }
  select {
    min-block-size: 2.75rem;
    padding-inline: 0.75rem;
    border: 2px solid var(--_border);
    border-radius: var(--linli-radius-small, 6px);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
  }
  .secondary {
    background: var(--_surface);
    color: var(--_primary);
  }
  .count {
    margin: 0 0 var(--_gap);
    color: var(--_text-muted);
  }
  .days {
    display: grid;
    grid-template-columns: repeat(7, minmax(0, 1fr));
    gap: var(--_gap);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  :host([layout="list"]) .days {
    grid-template-columns: minmax(0, 1fr);
  }
  :host([layout="list"]) .day.empty {
    display: none;
  }
  .day {
    padding: var(--_gap);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_day-bg);
  }
  .day.today {
    border: 3px solid var(--_today-border);
    background: var(--_today-bg);
  }
  .day-name {
    margin: 0 0 var(--_gap);
    font-weight: 700;
    font-size: 1rem;
  }
  .badge {
    display: inline-block;
    margin-inline-start: 0.25rem;
    padding-inline: 0.375rem;
    border-radius: 999px;
    background: var(--_primary);
    color: var(--_on-primary);
    font-size: var(--_font-size-small);
  }
  .sessions {
    display: grid;
    gap: var(--_gap);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .session {
    display: grid;
    padding-block-start: var(--_gap);
    border-block-start: 1px solid var(--_border);
    font-size: var(--_font-size-small);
    overflow-wrap: anywhere;
  }
  .time {
    font-weight: 700;
  }
  .group {
    font-weight: 600;
  }
  .meta {
    color: var(--_text-muted);
  }
  .link {
    justify-self: start;
    min-block-size: 2.75rem;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_primary);
    font: inherit;
    text-decoration: underline;
    cursor: pointer;
  }
  .none {
    margin: 0;
    color: var(--_text-muted);
    font-size: var(--_font-size-small);
  }
`;
