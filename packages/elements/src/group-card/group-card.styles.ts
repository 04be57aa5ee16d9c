import { css } from "lit";

export const groupCardStyles = css`
  :host {
    block-size: 100%;
  }
  .card {
    display: flex;
    flex-direction: column;
    gap: 0.75rem;
    block-size: 100%;
    padding-block-end: var(--_space);
    overflow: hidden;
    background: var(--linli-card-bg, var(--_surface));
    border: var(--linli-card-border-width, 1px) solid var(--linli-card-border, var(--_border));
    border-radius: var(--linli-card-radius, var(--_radius));
    box-shadow: var(--linli-shadow, 0 1px 3px #0002);
  }
  .card > * {
    padding-inline: var(--_space);
  }
  .body {
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
  }
  .card *:not(img) {
    margin: 0;
  }
  /* The name comes first for screen readers; the image shows first. */
  .media {
    order: -1;
    aspect-ratio: var(--linli-card-image-ratio, 16 / 9);
    padding: 0;
    background: var(--_surface-muted);
  }
  img,
  .placeholder {
    display: grid;
    place-items: center;
    inline-size: 100%;
    block-size: 100%;
    object-fit: cover;
    font-size: 3rem;
  }
  .name {
    font-size: var(--linli-font-size-heading, 1.375rem);
    line-height: 1.35;
  }
  * {
    overflow-wrap: anywhere;
  }
  .badges {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .badges,
  .facts {
    font-size: var(--_font-size-small);
  }
  .category,
  dt,
  .summary,
  .closed,
  .placeholder {
    color: var(--_text-muted);
    font-weight: 600;
  }
  .status {
    padding: 0 0.625rem;
    border: 1px solid;
    border-radius: 1rem;
    font-weight: 600;
    background: var(--linli-status-active-bg, #dcebff);
    color: var(--linli-status-active-fg, #0a4a8f);
  }
  [data-status="proposed"] {
    background: var(--linli-status-proposed-bg, #eceef1);
    color: var(--linli-status-proposed-fg, #3a3d44);
  }
  [data-status="incubating"] {
    background: var(--linli-status-incubating-bg, #fff0c2);
    color: var(--linli-status-incubating-fg, #5c4300);
  }
  [data-status="self-operating"] {
    background: var(--linli-status-self-operating-bg, #dcf3e3);
    color: var(--linli-status-self-operating-fg, #17572b);
  }
  [data-status="archived"] {
    background: var(--linli-status-archived-bg, #ececec);
    color: var(--linli-status-archived-fg, #4a4a4a);
  }
  .summary {
    display: -webkit-box;
    overflow: hidden;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: var(--linli-card-summary-lines, 3);
    font-weight: 400;
  }
  .facts {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0.25rem 0.75rem;
  }
  .facts div {
    display: contents;
  }
  .actions {
    margin-block-start: auto;
  }
  .button {
    inline-size: 100%;
  }
`;
