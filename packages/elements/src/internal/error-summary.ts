import { css, html, type TemplateResult } from "lit";

/** One problem in an {@link errorSummary}: the id of the field it concerns, and what to do. */
export interface SummaryError {
  /** The id of the control in the same shadow root (its link moves focus there). */
  readonly id: string;
  readonly message: string;
}

/**
 * Moves focus to a control in a shadow root by id and brings it into view (a link to
 * `#id` cannot cross into a shadow root on its own).
 */
export function focusField(root: ParentNode, id: string): void {
  const el = root.querySelector<HTMLElement>(`#${CSS.escape(id)}`);
  el?.scrollIntoView?.({ block: "center" });
  el?.focus();
}

/**
 * The GOV.UK error-summary pattern: a titled box at the top of a form that lists every
 * problem as a link to its field. It is a `role="alert"` region and takes focus
 * (`tabindex="-1"`) so a screen reader announces it when it appears; call
 * `focusSummary(root)` after the update that shows it.
 *
 * @example
 * render() { return html`${errorSummary(root, "There is a problem", errors)}<form>…</form>`; }
 */
export function errorSummary(
  root: ParentNode,
  title: string,
  errors: readonly SummaryError[],
  headingLevel = 2,
): TemplateResult {
  const go = (e: Event, id: string) => {
    e.preventDefault();
    focusField(root, id);
  };
  const level = Math.min(6, Math.max(2, headingLevel));
  // prettier-ignore
  return html`<div part="error-summary" class="error-summary" id="error-summary" role="alert" tabindex="-1"
    aria-labelledby="error-summary-title">
    <div role="heading" aria-level=${level} class="error-summary-title" id="error-summary-title">${title}</div>
    <ul>${errors.map((e) => html`<li><a href="#${e.id}" @click=${(ev: Event) => go(ev, e.id)}>${e.message}</a></li>`)}</ul>
  </div>`;
}

/** Moves focus to the error summary shown by {@link errorSummary}, if there is one. */
export function focusSummary(root: ParentNode): void {
  focusField(root, "error-summary");
}

/** Styles for {@link errorSummary} and for the message shown beside a field (`.field-error`). */
export const errorSummaryStyles = css`
  :host {
    --_danger: var(--linli-color-danger, #a4161a);
  }
  .error-summary {
    margin-block-end: var(--_space);
    padding: var(--_space);
    border: 4px solid var(--_danger);
    border-radius: var(--linli-radius-small, 6px);
    background: var(--_surface);
  }
  .error-summary-title {
    margin-block-end: 0.5rem;
    font-size: 1.25em;
    font-weight: 700;
  }
  .error-summary ul {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
  .error-summary a {
    color: var(--_danger);
    font-weight: 600;
  }
  .field-error {
    margin: 0;
    color: var(--_danger);
    font-weight: 700;
  }
  [aria-invalid="true"] {
    border-color: var(--_danger) !important;
    border-inline-start-width: 0.375rem !important;
  }
`;
