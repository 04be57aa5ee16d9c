import { css } from "lit";

/** `<linli-impact-board>`'s own styles. Charts are coloured here: no inline styles. */
export const impactBoardStyles = css`
  :host {
    --_chart-line: var(--linli-chart-line, var(--_primary));
    --_chart-grid: var(--linli-chart-grid, var(--_border));
    --_figure-bg: var(--linli-impact-figure-bg, var(--_surface));
  }
  .title {
    margin: 0;
    font-weight: 700;
    font-size: 1.375rem;
  }
  .period {
    margin: 0 0 var(--_space);
    color: var(--_text-muted);
    font-size: var(--_font-size-small);
  }
  .figures {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 18rem), 1fr));
    gap: var(--_space);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  :host([variant="compact"]) .figures {
    grid-template-columns: minmax(0, 1fr);
    gap: 0.5rem;
  }
  .figure {
    display: grid;
    align-content: start;
    gap: 0.25rem;
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_figure-bg);
  }
  :host([variant="compact"]) .figure {
    padding: 0.5rem;
  }
  .figure-name {
    margin: 0;
    font-weight: 700;
    font-size: 1rem;
    color: var(--_text-muted);
  }
  .value {
    margin: 0;
    font-size: 1.75rem;
    font-weight: 700;
  }
  :host([variant="compact"]) .value {
    font-size: 1.25rem;
  }
  .unavailable {
    margin: 0;
  }
  .unavailable strong {
    display: block;
    font-size: 1.25rem;
  }
  figure {
    margin: 0;
  }
  svg {
    display: block;
    inline-size: 100%;
    block-size: 4rem;
    overflow: visible;
  }
  .axis {
    stroke: var(--_chart-grid);
    stroke-width: 1;
    vector-effect: non-scaling-stroke;
  }
  .line {
    fill: none;
    stroke: var(--_chart-line);
    stroke-width: 2.5;
    stroke-linejoin: round;
    vector-effect: non-scaling-stroke;
  }
  .dot {
    fill: var(--_chart-line);
  }
  figcaption,
  .note {
    color: var(--_text-muted);
    font-size: var(--_font-size-small);
  }
  .toggle,
  summary {
    min-block-size: 2.75rem;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_primary);
    font: inherit;
    font-size: var(--_font-size-small);
    text-decoration: underline;
    cursor: pointer;
  }
  summary {
    display: list-item;
    padding-block: 0.5rem;
  }
  table {
    border-collapse: collapse;
    font-size: var(--_font-size-small);
  }
  th,
  td {
    padding: 0.125rem 0.5rem;
    border-block-end: 1px solid var(--_border);
    text-align: start;
  }
  td {
    text-align: end;
  }
  dl,
  dd {
    margin: 0;
  }
  dt {
    font-weight: 600;
  }
  dd,
  dl ul,
  dl ol {
    font-size: var(--_font-size-small);
  }
  dl ul,
  dl ol {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
`;
