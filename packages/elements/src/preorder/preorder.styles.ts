import { css } from "lit";

export const preorderStyles = css`
  :host {
    --_photo: var(--linli-preorder-photo-size, 7rem);
    --_control-border: var(--linli-color-control-border, #6b6e76);
    --_success: var(--linli-color-success, #17572b);
  }
  * {
    overflow-wrap: anywhere;
  }
  p,
  dl,
  dd,
  fieldset {
    margin: 0;
  }
  .menu,
  .form,
  .confirmation {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
  }
  .heading,
  .confirmed {
    font-size: var(--linli-font-size-heading, 1.5rem);
    font-weight: 700;
    line-height: 1.35;
  }
  .cutoff,
  .hint,
  .description,
  .limit,
  .slot-left {
    color: var(--_text-muted);
  }
  .hint,
  .limit,
  .slot-left {
    font-size: var(--_font-size-small);
  }
  .box {
    padding: var(--_space);
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .box p + p {
    margin-block-start: 0.5rem;
  }
  .error {
    border-color: var(--_danger, #a4161a);
    border-inline-start-width: 0.5rem;
  }
  .error .button {
    margin-block-start: var(--_space);
  }
  .notice {
    border-inline-start: 0.5rem solid var(--_primary);
    font-weight: 600;
  }
  .next .button {
    margin-block-start: 0.5rem;
  }
  .loading {
    color: var(--_text-muted);
  }
  .loading:empty {
    display: none;
  }
  .items {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .item {
    display: grid;
    grid-template-columns: var(--_photo) 1fr;
    gap: var(--_space);
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  @container (inline-size < 24rem) {
    .item {
      grid-template-columns: 1fr;
    }
  }
  :host {
    container-type: inline-size;
  }
  .photo {
    inline-size: var(--_photo);
    aspect-ratio: 1;
    object-fit: cover;
    border-radius: var(--linli-radius-small, 6px);
    background: var(--_surface-muted);
  }
  .placeholder {
    display: grid;
    place-items: center;
    font-size: 2.5rem;
    color: var(--_text-muted);
  }
  .sold-out .photo {
    filter: grayscale(1);
  }
  .item-body {
    display: flex;
    flex-direction: column;
    gap: 0.375rem;
    min-inline-size: 0;
  }
  .item-name {
    font-size: 1.25rem;
    font-weight: 700;
  }
  .facts {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    align-items: baseline;
  }
  .price {
    font-weight: 700;
    font-size: 1.125em;
  }
  .stock {
    font-weight: 600;
  }
  .stock.out,
  .flag {
    color: var(--_danger, #a4161a);
    font-weight: 700;
  }
  .stepper {
    display: inline-flex;
    align-items: stretch;
    gap: 0.25rem;
  }
  .step {
    min-inline-size: 2.75rem;
    min-block-size: 2.75rem;
    border: 2px solid var(--_control-border);
    border-radius: var(--linli-radius-small, 6px);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
    font-size: 1.375rem;
    font-weight: 700;
    cursor: pointer;
  }
  .step[aria-disabled="true"] {
    color: var(--_text-muted);
    border-style: dashed;
    cursor: not-allowed;
  }
  input,
  textarea {
    min-block-size: 2.75rem;
    padding-block: 0.375rem;
    padding-inline: 0.75rem;
    border: 2px solid var(--_control-border);
    border-radius: var(--linli-radius-small, 6px);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
  }
  .quantity {
    inline-size: 4.5rem;
    text-align: center;
  }
  .total {
    display: flex;
    justify-content: space-between;
    padding-block: 0.75rem;
    border-block: 2px solid var(--_border);
    font-size: 1.25rem;
    font-weight: 700;
  }
  fieldset {
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
    padding: 0;
    border: 0;
  }
  legend {
    margin-block-end: 0.5rem;
    padding: 0;
    font-size: 1.25rem;
    font-weight: 700;
  }
  .slot {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.75rem;
    padding: 0.5rem 0.75rem;
    border: 2px solid var(--_border);
    border-radius: var(--linli-radius-small, 6px);
    cursor: pointer;
  }
  .slot:has(:checked) {
    border-color: var(--_primary);
  }
  .slot:has(:disabled) {
    color: var(--_text-muted);
    cursor: not-allowed;
  }
  input[type="radio"],
  input[type="checkbox"] {
    inline-size: 1.5rem;
    block-size: 1.5rem;
    min-block-size: 0;
    margin: 0;
    accent-color: var(--_primary);
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
  }
  .field label {
    font-weight: 600;
  }
  .consent {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 0.75rem;
  }
  .consent .field-error {
    flex-basis: 100%;
  }
  .consent a,
  .error-summary a {
    color: var(--_focus);
  }
  .button.secondary {
    background: var(--_surface);
    color: var(--_primary);
  }
  .submit[aria-disabled="true"] {
    opacity: 0.75;
    cursor: progress;
  }
  .submit {
    align-self: flex-start;
  }
  .conflict-hint {
    font-weight: 600;
  }
  .confirmation {
    padding: var(--_space);
    border: 2px solid var(--_success);
    border-inline-start-width: 0.5rem;
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .confirmed {
    color: var(--_success);
  }
  .receipt {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0.5rem 1rem;
  }
  .receipt div {
    display: contents;
  }
  .receipt dt {
    font-weight: 600;
    color: var(--_text-muted);
  }
  .receipt .hint {
    grid-column: 2;
  }
  .pickup-code {
    font-size: 2rem;
    font-weight: 800;
    letter-spacing: 0.15em;
    font-variant-numeric: tabular-nums;
  }
  .line {
    display: block;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
  }
`;
