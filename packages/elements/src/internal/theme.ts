import { css } from "lit";

/**
 * The design tokens Linli elements share, each as a private `--_*` property with two layers
 * of fallback: a host sets `--linli-*` (on `:root`, a container, or the element) and the
 * default here applies when it does not. Elements read only the private names, so a
 * component token (`--linli-card-bg`) can fall back to a global one (`--linli-color-surface`).
 *
 * The defaults are a light theme for a government site: 18 px type, a strong 3 px focus ring,
 * every text pair at WCAG AA contrast or better. `themes/dark.css` and
 * `themes/high-contrast.css` set the same `--linli-*` names for a dark and a high-contrast
 * look. (Tokens only one element uses are declared in that element's styles.)
 */
export const tokens = css`
  :host {
    --_font-size-small: var(--linli-font-size-small, 1rem);
    --_text: var(--linli-color-text, #1b1b1f);
    --_text-muted: var(--linli-color-text-muted, #45474d);
    --_surface: var(--linli-color-surface, #fff);
    --_surface-muted: var(--linli-color-surface-muted, #f3f4f6);
    --_border: var(--linli-color-border, #d4d6db);
    --_primary: var(--linli-color-primary, #b3261e);
    --_on-primary: var(--linli-color-on-primary, #fff);
    --_focus: var(--linli-color-focus, #0b57d0);
    --_radius: var(--linli-radius, 12px);
    --_space: var(--linli-space, 1rem);
    display: block;
    font: var(--linli-font-size, 1.125rem) / var(--linli-line-height, 1.6)
      var(--linli-font-family, system-ui, "PingFang SC", "Microsoft YaHei", sans-serif);
    color: var(--_text);
  }
`;

/** Rules every element shares: hidden means hidden, a visible focus ring, screen-reader text. */
export const baseStyles = css`
  :host([hidden]),
  [hidden] {
    display: none !important;
  }
  * {
    box-sizing: border-box;
  }
  :focus-visible {
    outline: var(--linli-focus-width, 3px) solid var(--_focus);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-block-size: 2.75rem; /* a 44 px target */
    padding: 0.5rem 1.25rem;
    border: 2px solid var(--_primary);
    border-radius: var(--linli-radius-small, 6px);
    background: var(--_primary);
    color: var(--_on-primary);
    font: inherit;
    font-weight: 600;
    text-decoration: none;
    cursor: pointer;
  }
  .button:hover {
    text-decoration: underline;
  }
`;
