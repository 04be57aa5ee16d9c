import { css } from "lit";

export const groupDirectoryStyles = css`
  :host {
    --_min-column: var(--linli-directory-min-column, 18rem);
    --_gap: var(--linli-directory-gap, 1.25rem);
    --_control-border: var(--linli-color-control-border, #6b6e76);
    --_danger: var(--linli-color-danger, #a4161a);
  }

  .filters {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    gap: var(--_space);
    margin-block-end: var(--_space);
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    min-inline-size: 10rem;
  }
  .field.search {
    flex: 1 1 18rem;
  }
  .field.clear {
    align-self: flex-end;
    /* line up with the controls, under the hint's height */
    margin-block-end: calc(var(--_font-size-small) * 1.6 + 0.25rem);
  }
  label {
    font-weight: 600;
  }
  .hint {
    margin: 0;
    color: var(--_text-muted);
    font-size: var(--_font-size-small);
  }
  input,
  select {
    min-block-size: 2.75rem;
    padding-block: 0.375rem;
    padding-inline: 0.75rem;
    border: 2px solid var(--_control-border);
    border-radius: var(--linli-radius-small, 6px);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
  }

  .count {
    margin-block: 0 var(--_space);
    font-weight: 600;
  }
  .count:empty {
    margin: 0;
  }

  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--_min-column)), 1fr));
    gap: var(--_gap);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .grid > li {
    display: flex;
    flex-direction: column;
    min-inline-size: 0;
    /* Cards off screen skip layout and paint until scrolled near: 1,000 groups first paint
       about four times sooner. "auto" remembers each card's real height once seen. */
    content-visibility: auto;
    contain-intrinsic-size: auto 32rem;
  }

  .empty,
  .error,
  .loading {
    padding: calc(var(--_space) * 1.5);
    border: 1px dashed var(--_control-border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .empty p,
  .error p {
    margin-block: 0 var(--_space);
  }
  .empty-title {
    font-weight: 700;
  }
  .error {
    border: 2px solid var(--_danger);
    border-inline-start-width: 0.5rem;
  }
  .loading {
    margin: 0;
    color: var(--_text-muted);
  }
`;
