import { css } from "lit";

export const recruitFormStyles = css`
  :host {
    --_danger: var(--linli-color-danger, #a4161a);
    --_control-border: var(--linli-color-control-border, #6b6e76);
    max-inline-size: var(--linli-form-max-width, 40rem);
  }
  * {
    overflow-wrap: anywhere;
  }
  p,
  ul,
  fieldset {
    margin: 0;
  }
  .h {
    margin-block: 1.5rem 0.5rem;
    font-size: 1.25em;
    font-weight: 700;
    line-height: 1.3;
  }
  .call-title {
    margin-block-start: 0;
    font-size: 1.5em;
  }
  .pitch {
    font-size: 1.125em;
    font-weight: 600;
  }
  .call ul {
    padding-inline-start: 1.25rem;
  }
  .deadline,
  .hint,
  .count {
    color: var(--_text-muted);
  }
  .deadline {
    margin-block-start: 0.75rem;
  }
  .all {
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    margin-block: 0 1.25rem;
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }
  .field.invalid {
    padding-inline-start: 0.875rem;
    border-inline-start: 4px solid var(--_danger);
  }
  .label {
    padding: 0;
    font-weight: 700;
  }
  .input {
    inline-size: 100%;
    min-block-size: 2.75rem;
    padding: 0.375rem 0.5rem;
    border: 2px solid var(--_control-border);
    border-radius: 0;
    background: var(--_surface);
    color: inherit;
    font: inherit;
  }
  #phone {
    max-inline-size: 14em;
  }
  textarea.input {
    resize: vertical;
  }
  .count.over {
    color: var(--_danger);
    font-weight: 700;
  }
  .check {
    display: flex;
    align-items: flex-start;
    gap: 0.5rem;
    padding-block: 0.25rem;
  }
  .check input {
    flex: none;
    inline-size: 1.5rem;
    block-size: 1.5rem;
    margin: 0.125rem 0 0;
    accent-color: var(--_primary);
  }
  a {
    color: var(--_focus);
  }
  .hp {
    position: absolute;
    inset-inline-start: -100vw;
    inline-size: 1px;
    overflow: hidden;
  }
  .notice {
    margin-block-end: 1rem;
    padding: 0.75rem var(--_space);
    border-inline-start: 4px solid var(--_danger);
    background: var(--_surface-muted);
  }
  .notice .button {
    margin-block-start: 0.5rem;
  }
  .secondary {
    background: var(--_surface);
    color: var(--_primary);
  }
  .submit[aria-disabled="true"] {
    opacity: 0.7;
    cursor: progress;
  }
  .status:empty {
    display: none;
  }
  .success {
    padding: var(--_space);
    border: 4px solid var(--linli-color-success, #17572b);
  }
  .success .h:first-child {
    margin-block-start: 0;
  }
  .reference {
    font-size: 1.75em;
    font-weight: 700;
    letter-spacing: 0.05em;
  }
`;
