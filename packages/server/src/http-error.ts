import type { HttpErrorCode, LinliIssue } from "@linli/core";

/** A refusal a handler throws; the app turns it into the contract's error body. */
export class HttpError extends Error {
  constructor(
    readonly code: HttpErrorCode,
    readonly issues: LinliIssue[] = [],
  ) {
    super(code);
  }
}
