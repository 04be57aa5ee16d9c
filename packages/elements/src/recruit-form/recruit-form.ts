import { html, nothing, type TemplateResult } from "lit";
import { live } from "lit/directives/live.js";
import type { LinliStore } from "@linli/client";
import type { ApplicationReceipt } from "@linli/core/contract";
import { SUPPORT_KINDS } from "@linli/core/hub";
import { fillMessage, localize, type BilingualText, type Locale } from "@linli/core/i18n";
import { COHORTS } from "@linli/core/partners";
import {
  ApplicationInputSchema,
  AVAILABILITY,
  callWindow,
  IDEA_DESCRIPTION_MAX,
  type ApplicationInput,
  type RecruitmentCall,
} from "@linli/core/recruitment";
import { checkFields, type FieldProblem } from "@linli/core/validation";
import { LinliElement } from "../internal/base-element.js";
import {
  errorSummary,
  errorSummaryStyles,
  focusField,
  focusSummary,
} from "../internal/error-summary.js";
import { formatLongDateTime, formatNumber } from "../internal/format.js";
import { ariaLevel } from "../internal/heading.js";
import { LocalizeController, plural } from "../internal/localize.js";
import { errorMessage, httpStore, StoreController } from "../internal/store-controller.js";
import { recruitFormMessages, type RecruitFormStringKey } from "./recruit-form.messages.js";
import { recruitFormStyles } from "./recruit-form.styles.js";

/** What `linli-application-submitted` carries: the receipt, with no personal details. */
export interface ApplicationSubmittedDetail {
  readonly callId: string;
  /** The reference number, the status and what happens next, as the store answered. */
  readonly receipt: ApplicationReceipt;
}

/** Why an attempt to submit did not end in an application. */
export type ApplicationFailureReason =
  /** The browser's check (core's schema) found problems; they are shown beside the fields. */
  | "invalid"
  /** The server refused it, usually with field problems, now shown beside the fields. */
  | "refused"
  /** The store could not be reached, or failed; every input is kept for a retry. */
  | "network"
  /** The hidden honeypot field was filled in, as form-filling robots do. Nothing was sent. */
  | "honeypot"
  /** Submitted sooner after the form appeared than `min-fill-ms` allows. Nothing was sent. */
  | "too-fast"
  /** No `store`, `api` or enclosing form to submit to. */
  | "no-store";

/** What `linli-application-failed` carries. */
export interface ApplicationFailedDetail {
  readonly reason: ApplicationFailureReason;
  /** The fields with a problem (their ids: `name`, `phone`, `description`, …), in form order. */
  readonly fields: readonly string[];
  /** The store's error code, when it answered (e.g. `VALIDATION_FAILED`, `NETWORK`). */
  readonly code?: string;
  /** Whether trying again unchanged may work (a network error, a time-out, a busy server). */
  readonly retryable: boolean;
  /**
   * The call the application was for. It tells a late failure for a call the host has since
   * replaced from one for the call now shown.
   */
  readonly callId?: string;
}

/** The form's inputs as typed, before they are checked. Kept as a draft in sessionStorage. */
interface Draft {
  name: string;
  phone: string;
  community: string;
  cohort: string;
  title: string;
  description: string;
  category: string;
  skills: string;
  availability: string[];
  supportNeeded: string[];
}

const TEXT_FIELDS = [
  "name",
  "phone",
  "community",
  "cohort",
  "title",
  "description",
  "category",
  "skills",
] as const;
const CHOICE_FIELDS = ["availability", "supportNeeded"] as const;

/** The fields in the order they are shown; the error summary lists problems in this order. */
const FIELDS = [...TEXT_FIELDS, ...CHOICE_FIELDS, "consent"] as const;
type FieldId = (typeof FIELDS)[number];

/** Core's field paths (`applicant.phone`, `skills.2`, …) by the id of the form's field. */
const PATHS: Readonly<Record<string, FieldId>> = {
  "applicant.name": "name",
  "applicant.phone": "phone",
  "applicant.community": "community",
  cohort: "cohort",
  "idea.title": "title",
  "idea.description": "description",
  category: "category",
  skills: "skills",
  availability: "availability",
  supportNeeded: "supportNeeded",
  consent: "consent",
};

/** The form's field for a core path: the longest known prefix (`skills.2` → `skills`). */
function fieldOf(path: string | undefined): FieldId | undefined {
  const parts = (path ?? "").split(".");
  for (let n = parts.length; n > 0; n--) {
    const f = PATHS[parts.slice(0, n).join(".")];
    if (f) return f;
  }
  return undefined;
}

const emptyDraft = (): Draft => ({
  name: "",
  phone: "",
  community: "",
  cohort: "",
  title: "",
  description: "",
  category: "",
  skills: "",
  availability: [],
  supportNeeded: [],
});

/** A draft from storage, keeping only fields of the right type (the storage is the page's). */
function draftFrom(raw: unknown): Draft | undefined {
  if (typeof raw !== "object" || raw === null) return undefined;
  const o = raw as Record<string, unknown>;
  const d = emptyDraft();
  for (const k of TEXT_FIELDS) if (typeof o[k] === "string") d[k] = o[k];
  for (const k of CHOICE_FIELDS)
    if (Array.isArray(o[k])) d[k] = o[k].filter((v): v is string => typeof v === "string");
  return d;
}

/** A problem shown beside a field: core's code (worded here), or the server's own words. */
type FieldError = FieldProblem | BilingualText;

/** A problem that concerns the whole form, shown above the submit button. */
type Notice =
  | { kind: "network" | "refused"; why?: BilingualText | undefined; retry: boolean }
  | { kind: "spam" | "tooFast" | "noStore" };

const splitSkills = (s: string): string[] =>
  s
    .split(/[,，、;；\n]/)
    .map((x) => x.trim())
    .filter((x) => x !== "");

/**
 * The partner-recruitment form: shows a hub's call for partners (what it offers, what it asks
 * for) and turns a resident's answer into an application, checked in the browser with
 * @linli/core's `ApplicationInputSchema` and sent through a `LinliStore`.
 *
 * Give it the call as a property, or a store (`store`) or API (`api`) to load it from.
 * Problems are shown beside each field and in an error summary that takes focus; server-side
 * field problems are mapped back to their fields. A draft is kept in `sessionStorage` while
 * the resident types (never the consent: it is given afresh) and cleared once the application
 * is in. A hidden honeypot field and a minimum fill time turn robots away without any
 * third-party service.
 *
 * The element is form-associated: inside a host page's `<form>` it contributes the
 * application as JSON under its `name` (default `application`), reports its validity (the
 * first problem, anchored at its field), is reset and disabled with the form, and submits
 * that form when it has no store.
 *
 * @tag linli-recruit-form
 * @summary A call for partners and the application form that answers it.
 *
 * @fires linli-application-submitted - The application is in. `detail`: `{ callId, receipt }` (reference, status, next steps; no personal details).
 * @fires linli-application-failed - A submission did not go through. `detail`: `{ reason, fields, code?, retryable }`; `reason` is `invalid`, `refused`, `network`, `honeypot`, `too-fast` or `no-store`.
 *
 * @csspart call - The call: its title, pitch, offers, asks and deadline.
 * @csspart call-title - The call's title.
 * @csspart pitch - The call's own words.
 * @csspart offers - The list of what the hub offers.
 * @csspart asks - The list of what the call asks for.
 * @csspart deadline - The closing date.
 * @csspart form - The `<form>`.
 * @csspart error-summary - The box listing every problem, linked to its field.
 * @csspart field - Each question: its label, hint, error and control.
 * @csspart label - Each question's label or legend.
 * @csspart hint - Each question's hint.
 * @csspart error - Each message shown beside a field.
 * @csspart input - Each text input, select and textarea.
 * @csspart count - The character count under the description.
 * @csspart choices - Each group of checkboxes.
 * @csspart notice - A problem with the whole form (network, refusal), with its retry button.
 * @csspart retry - The retry button.
 * @csspart submit - The submit button.
 * @csspart status - The polite live region (submitting, draft restored).
 * @csspart success - What is shown once the application is in.
 * @csspart reference - The reference number.
 *
 * @cssprop --linli-form-max-width - The widest the form's text runs, 40rem by default.
 * @cssprop --linli-color-danger - Colour of error messages and the error summary.
 * @cssprop --linli-color-control-border - Border of inputs, selects and the textarea.
 */
export class LinliRecruitForm extends LinliElement {
  static formAssociated = true;

  static override styles = [...LinliElement.styles, errorSummaryStyles, recruitFormStyles];

  static override properties = {
    call: { attribute: false },
    store: { attribute: false },
    api: {},
    headingLevel: { type: Number, attribute: "heading-level" },
    minFillMs: { type: Number, attribute: "min-fill-ms" },
    noDraft: { type: Boolean, attribute: "no-draft" },
    disabled: { type: Boolean, reflect: true },
    timeZone: { attribute: "time-zone" },
    now: { type: Number },
  };

  /** The call to answer. When set, `store` and `api` are used only to submit. */
  declare call: RecruitmentCall | undefined;

  /** A store to load the call from and submit to (e.g. `createEmbeddedStore()`). */
  declare store: LinliStore | undefined;

  /** The base URL of a Linli API to load the call from and submit to. */
  declare api: string | undefined;

  /** Heading level of the call's title (2–6); the form's sections are one level below (at most 6). */
  headingLevel = 2;

  /** The least time, ms, between the form appearing and a submission; quicker is a robot. */
  minFillMs = 3000;

  /** Keeps no draft in sessionStorage (for shared kiosks, say). */
  noDraft = false;

  /** Disables every control. A disabled `<fieldset>` around the element disables it too. */
  disabled = false;

  /** The hub's IANA time zone, for the deadline. */
  timeZone = "Asia/Shanghai";

  /**
   * The clock, epoch ms, that says whether the call takes applications yet or still (before
   * its `opensAt` or after its `deadline` the form is replaced by a notice). Default: the
   * browser's clock at each render. For previews and tests.
   */
  declare now: number | undefined;

  private readonly internals = this.attachInternals();
  private readonly l10n = new LocalizeController<RecruitFormStringKey>(this, recruitFormMessages);
  private readonly data = new StoreController<RecruitmentCall>(
    this,
    (store, signal) => store.getRecruitmentCall({ signal }),
    () => this.call === undefined,
  );

  private d: Draft = emptyDraft();
  /** When the resident ticked the consent box (ISO 8601), or undefined while it is unticked. */
  private consentAt: string | undefined;
  private honeypot = "";
  private errors = new Map<FieldId, FieldError>();
  /** The fields the error summary lists (since the last submission). */
  private summary: FieldId[] = [];
  private attempted = false;
  private phase: "form" | "submitting" | "done" = "form";
  private notice: Notice | undefined;
  private receipt: ApplicationReceipt | undefined;
  private restored = false;
  /** An application for a call the host replaced while it was on its way, since taken. */
  private lateReceipt: { call: RecruitmentCall["title"]; reference: string } | undefined;
  private shownAt = 0;
  private draftFor: string | undefined;
  /** The key of the last attempt and what it sent: the same application is sent with it again. */
  private attempt: { key: string; body: string } | undefined;
  private countTimer: ReturnType<typeof setTimeout> | undefined;
  /** Set by a disabled `<fieldset>` or form around the element; kept apart from `disabled`,
   * which is the host's, so re-enabling the fieldset enables the element again. */
  private formDisabled = false;

  /** Whether the controls are disabled, by the host or by an enclosing fieldset. */
  private get off(): boolean {
    return this.disabled || this.formDisabled;
  }

  private t(key: RecruitFormStringKey, params?: Record<string, string | number>): string {
    return this.l10n.term(key, params);
  }

  /** The call being answered, however it came. */
  get currentCall(): RecruitmentCall | undefined {
    if (this.call !== undefined) return this.call;
    return this.data.state.kind === "ready" ? this.data.state.value : undefined;
  }

  /** The host form this element belongs to, if any. */
  get form(): HTMLFormElement | null {
    return this.internals.form;
  }

  /** The element's validity, as a host form sees it. */
  get validity(): ValidityState {
    return this.internals.validity;
  }

  /** The first problem's message, as a host form sees it ("" when there is none). */
  get validationMessage(): string {
    return this.internals.validationMessage;
  }

  /** Whether the application would pass core's checks, without showing anything. */
  checkValidity(): boolean {
    return this.check().ok;
  }

  /** Checks the application and, when it fails, shows every problem and focuses the summary. */
  reportValidity(): boolean {
    const r = this.check();
    if (!r.ok) this.showProblems(r.error);
    return r.ok;
  }

  // ---- Form association -------------------------------------------------------------------

  formResetCallback(): void {
    this.blank();
    this.lateReceipt = undefined;
    this.forgetDraft();
    this.requestUpdate();
  }

  /** An empty form, as before the resident's first keystroke. */
  private blank(): void {
    this.d = emptyDraft();
    this.consentAt = undefined;
    this.honeypot = "";
    this.errors = new Map();
    this.summary = [];
    this.attempted = false;
    this.notice = undefined;
    this.restored = false;
    this.attempt = undefined;
    this.phase = "form";
    this.receipt = undefined;
    this.sending = undefined; // an answer to an attempt from before lands nowhere
    this.setState("submitted", false);
    this.setState("submitting", false);
  }

  formDisabledCallback(disabled: boolean): void {
    this.formDisabled = disabled;
    this.requestUpdate();
  }

  formStateRestoreCallback(state: unknown): void {
    if (typeof state !== "string") return;
    try {
      const d = draftFrom(JSON.parse(state));
      if (d) {
        this.d = d;
        this.requestUpdate();
      }
    } catch {
      // Not ours: ignore.
    }
  }

  private setState(name: string, on: boolean): void {
    try {
      if (on) this.internals.states.add(name);
      else this.internals.states.delete(name);
    } catch {
      // A browser without CustomStateSet: the states are a styling aid only.
    }
  }

  // ---- The application ----------------------------------------------------------------------

  /** The application as core's schema expects it, from what was typed. */
  private input(): Record<string, unknown> {
    const d = this.d;
    const call = this.currentCall;
    return {
      callId: call?.id ?? "",
      applicant: { name: d.name, phone: d.phone, community: d.community },
      ...(d.cohort !== "" && { cohort: d.cohort }),
      idea: { title: d.title, description: d.description },
      category: d.category === "" ? undefined : d.category,
      skills: splitSkills(d.skills),
      availability: d.availability,
      supportNeeded: d.supportNeeded,
      consent: {
        given: this.consentAt !== undefined,
        policyVersion: call?.privacyPolicy.version ?? "",
        at: this.consentAt ?? "",
      },
    };
  }

  private check() {
    return checkFields(
      ApplicationInputSchema,
      this.input(),
      (s) => `error.${s}` in recruitFormMessages,
    );
  }

  /** Field errors from core's problems: the first problem of each field. */
  private errorsFrom(problems: readonly FieldProblem[]): Map<FieldId, FieldError> {
    const out = new Map<FieldId, FieldError>();
    for (const p of problems) {
      const f = fieldOf(p.path);
      if (f && !out.has(f)) out.set(f, p);
    }
    return out;
  }

  private message(e: FieldError, locale: Locale = this.l10n.locale): string {
    if (!("code" in e)) return e[locale];
    const f = fieldOf(e.path);
    const about: RecruitFormStringKey =
      f === "skills" && e.path !== "skills"
        ? "about.skills"
        : f === "skills"
          ? "about.skillsList"
          : `about.${f ?? "name"}`;
    const template = this.l10n.term(`error.${e.code}` as RecruitFormStringKey);
    return fillMessage(template, { ...e.params, label: this.t(about) }, locale);
  }

  /** Shows problems beside their fields and in the summary, and moves focus to the summary. */
  private showProblems(problems: readonly FieldProblem[] | Map<FieldId, FieldError>): void {
    this.attempted = true;
    this.errors = problems instanceof Map ? problems : this.errorsFrom(problems);
    this.summary = FIELDS.filter((f) => this.errors.has(f));
    this.requestUpdate();
    void this.updateComplete.then(() => focusSummary(this.renderRoot));
  }

  private fail(
    reason: ApplicationFailureReason,
    extra: {
      code?: string;
      retryable?: boolean;
      fields?: readonly FieldId[];
      callId?: string;
    } = {},
  ) {
    const callId = extra.callId ?? this.currentCall?.id;
    this.emit("linli-application-failed", {
      reason,
      fields: FIELDS.filter((f) => extra.fields?.includes(f) ?? this.errors.has(f)),
      ...(extra.code !== undefined && { code: extra.code }),
      retryable: extra.retryable ?? false,
      ...(callId !== undefined && { callId }),
    });
  }

  // ---- Draft ----------------------------------------------------------------------------------

  private draftKey(callId = this.currentCall?.id): string | undefined {
    return callId !== undefined && !this.noDraft ? `linli-recruit-form:${callId}` : undefined;
  }

  private saveDraft(): void {
    const key = this.draftKey();
    if (!key) return;
    try {
      sessionStorage.setItem(key, JSON.stringify(this.d));
    } catch {
      // Storage full or refused (private mode): the form still works without a draft.
    }
  }

  private forgetDraft(callId?: string): void {
    const key = this.draftKey(callId);
    try {
      if (key) sessionStorage.removeItem(key);
    } catch {
      // As above.
    }
  }

  private restoreDraft(): void {
    const key = this.draftKey();
    if (!key) return;
    try {
      const saved = sessionStorage.getItem(key);
      const d = saved === null ? undefined : draftFrom(JSON.parse(saved));
      if (d && JSON.stringify(d) !== JSON.stringify(emptyDraft())) {
        this.d = d;
        this.restored = true;
      }
    } catch {
      // A draft we cannot read is no draft.
    }
  }

  // ---- Lifecycle ------------------------------------------------------------------------------

  protected override willUpdate(): void {
    const call = this.currentCall;
    if (call && this.draftFor !== call.id) {
      // Another call is another form: nothing typed for the last one (nor consent to it)
      // carries over; the old call's draft stays in storage for when it comes back.
      if (this.draftFor !== undefined) this.blank();
      this.draftFor = call.id;
      this.shownAt = Date.now();
      if (this.phase === "form") this.restoreDraft();
    }
    this.setState("disabled", this.off);
  }

  protected override updated(): void {
    // The host form's view of the element: the application as JSON, and the first problem,
    // anchored at its field so the browser can point the resident there.
    const r = this.check();
    const data = new FormData();
    data.append(
      this.getAttribute("name") || "application",
      JSON.stringify(r.ok ? r.value : this.input()),
    );
    this.internals.setFormValue(data, JSON.stringify(this.d));
    const first = r.ok ? undefined : FIELDS.find((f) => this.errorsFrom(r.error).has(f));
    const anchor = first && this.renderRoot.querySelector<HTMLElement>(`#${this.controlId(first)}`);
    if (r.ok || !first) this.internals.setValidity({});
    else
      this.internals.setValidity(
        { customError: true },
        this.message(this.errorsFrom(r.error).get(first)!),
        anchor ?? undefined,
      );
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener("invalid", this.onInvalid);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener("invalid", this.onInvalid);
    clearTimeout(this.countTimer);
  }

  /** A host form refused to submit because of this element: show the problems too. */
  private onInvalid = (): void => {
    const r = this.check();
    if (!r.ok) {
      this.attempted = true;
      this.errors = this.errorsFrom(r.error);
      this.summary = FIELDS.filter((f) => this.errors.has(f));
      this.requestUpdate();
    }
  };

  // ---- Input ----------------------------------------------------------------------------------

  private changed(field: FieldId): void {
    this.saveDraft();
    this.notice = undefined;
    this.restored = false; // said once; the resident has moved on
    this.lateReceipt = undefined;
    if (this.attempted) {
      // Once the resident has tried to submit, messages follow their corrections.
      const r = this.check();
      const fresh = r.ok ? new Map<FieldId, FieldError>() : this.errorsFrom(r.error);
      for (const [f, e] of this.errors) if (f !== field && !("code" in e)) fresh.set(f, e);
      this.errors = fresh;
    }
    this.requestUpdate();
  }

  private onText(field: (typeof TEXT_FIELDS)[number], e: Event): void {
    this.d = { ...this.d, [field]: (e.target as HTMLInputElement).value };
    if (field === "description") this.scheduleCount();
    this.changed(field);
  }

  private onChoice(field: (typeof CHOICE_FIELDS)[number], value: string, e: Event): void {
    const on = (e.target as HTMLInputElement).checked;
    const list = this.d[field].filter((v) => v !== value);
    this.d = { ...this.d, [field]: on ? [...list, value] : list };
    this.changed(field);
  }

  private onConsent(e: Event): void {
    this.consentAt = (e.target as HTMLInputElement).checked ? new Date().toISOString() : undefined;
    this.changed("consent");
  }

  /** The character count, said to screen readers once typing pauses. */
  private scheduleCount(): void {
    clearTimeout(this.countTimer);
    this.countTimer = setTimeout(() => {
      const live = this.renderRoot.querySelector("#description-count-live");
      if (live) live.textContent = this.countText();
    }, 1000);
  }

  private countText(): string {
    const left = IDEA_DESCRIPTION_MAX - this.d.description.trim().length;
    const count = formatNumber(Math.abs(left), this.l10n.locale);
    return plural(this.l10n, left < 0 ? "count.over" : "count.left", Math.abs(left), { count });
  }

  // ---- Submitting -----------------------------------------------------------------------------

  private onSubmit(e: Event): void {
    e.preventDefault();
    void this.submit();
  }

  /**
   * Submits the application: checks it, then sends it through the store (or submits the host
   * form when there is no store). Resolves when the attempt is over.
   */
  async submit(): Promise<void> {
    if (this.phase !== "form" || this.off) return;
    // The notice, and the retry button in it, go while this attempt runs: if the button had
    // focus, focus goes to the next notice rather than nowhere.
    const retrying = this.shadowRoot?.activeElement?.getAttribute("part") === "retry";
    this.notice = undefined;
    this.restored = false;
    this.lateReceipt = undefined;
    if (this.honeypot !== "") return this.refuse("spam", "honeypot");
    if (Date.now() - this.shownAt < this.minFillMs) return this.refuse("tooFast", "too-fast");
    const r = this.check();
    if (!r.ok) {
      this.showProblems(r.error);
      return this.fail("invalid");
    }
    this.errors = new Map();
    this.summary = [];
    const store =
      this.store ?? (this.api ? await httpStore(this.api).catch(() => undefined) : undefined);
    if (!store) {
      const form = this.internals.form;
      if (form) return form.requestSubmit();
      return this.refuse("noStore", "no-store");
    }
    await this.send(store, r.value, retrying);
  }

  private refuse(kind: "spam" | "tooFast" | "noStore", reason: ApplicationFailureReason): void {
    this.notice = { kind };
    this.requestUpdate();
    this.fail(reason);
  }

  private async send(
    store: LinliStore,
    application: ApplicationInput,
    retrying: boolean,
  ): Promise<void> {
    const body = JSON.stringify(application);
    // One key per attempt; the same application sent again (a retry) keeps it, so the hub
    // never receives it twice.
    if (this.attempt?.body !== body) this.attempt = { key: crypto.randomUUID(), body };
    const idempotencyKey = this.attempt.key;
    this.phase = "submitting";
    this.setState("submitting", true);
    this.requestUpdate();
    // This attempt, until another starts or the form is blanked for another call: an answer
    // that comes after either belongs to a form the resident no longer sees.
    const sending = (this.sending = {});
    const callTitle = this.currentCall?.title;
    const stale = () => this.sending !== sending || this.currentCall?.id !== application.callId;
    try {
      const receipt = await store.submitApplication(application, { idempotencyKey });
      if (stale()) {
        // The host moved on to another call meanwhile: this application is in (the host
        // hears so), but the form now belongs to the other call and keeps its own state.
        // The resident is told too, in the status line: their application is in.
        this.forgetDraft(application.callId);
        // Unless another attempt is on its way now (its own status says so).
        if (callTitle && (this.sending === sending || this.sending === undefined)) {
          this.lateReceipt = { call: callTitle, reference: receipt.reference };
          this.requestUpdate();
        }
        this.emit("linli-application-submitted", { callId: application.callId, receipt });
        return;
      }
      this.phase = "done";
      this.receipt = receipt;
      this.attempt = undefined;
      this.forgetDraft();
      this.setState("submitted", true);
      this.requestUpdate();
      this.emit("linli-application-submitted", { callId: application.callId, receipt });
      await this.updateComplete;
      focusField(this.renderRoot, "success-title");
    } catch (error) {
      const err = error as {
        code?: string;
        retryable?: boolean;
        messages?: BilingualText;
        issues?: ReadonlyArray<{ path?: string; message: BilingualText }>;
      };
      const fields = new Map<FieldId, FieldError>();
      for (const i of err.issues ?? []) {
        const f = fieldOf(i.path);
        if (f && !fields.has(f)) fields.set(f, i.message);
      }
      const retryable = err.retryable ?? !("code" in err);
      if (stale()) {
        // As above: the other call's form shows nothing of this attempt's failure, and the
        // event names this attempt's fields, not the other form's.
        return this.fail(fields.size > 0 || !retryable ? "refused" : "network", {
          ...(err.code !== undefined && { code: err.code }),
          retryable,
          fields: [...fields.keys()],
          callId: application.callId,
        });
      }
      this.phase = "form";
      if (fields.size > 0) {
        this.notice = undefined;
        this.showProblems(fields);
      } else {
        // Both languages, so the server's words follow a change of the page's language.
        const why = err.messages;
        this.notice = { kind: retryable ? "network" : "refused", why, retry: retryable };
      }
      this.requestUpdate();
      if (this.notice && retrying)
        void this.updateComplete.then(() => focusField(this.renderRoot, "notice"));
      this.fail(fields.size > 0 || !retryable ? "refused" : "network", {
        ...(err.code !== undefined && { code: err.code }),
        retryable,
        callId: application.callId,
      });
    } finally {
      if (!stale()) this.setState("submitting", false);
    }
  }

  /** The attempt under way; see `send`. */
  private sending: object | undefined;

  // ---- Rendering ------------------------------------------------------------------------------

  private controlId(f: FieldId): string {
    return f === "availability" || f === "supportNeeded" ? `${f}-${this.firstChoice(f)}` : f;
  }

  private firstChoice(f: "availability" | "supportNeeded"): string {
    return f === "availability" ? AVAILABILITY[0] : SUPPORT_KINDS[0];
  }

  private level(offset: number): number {
    return ariaLevel(this.headingLevel, offset);
  }

  private heading(text: string, offset: number, id?: string): TemplateResult {
    return html`<p
      role="heading"
      aria-level=${this.level(offset)}
      class="h"
      id=${id ?? nothing}
      tabindex=${id ? "-1" : nothing}
    >
      ${text}
    </p>`;
  }

  private errorLine(f: FieldId): TemplateResult | typeof nothing {
    const e = this.errors.get(f);
    return e
      ? html`<p part="error" class="field-error" id="${f}-error">
          <span class="visually-hidden">${this.t("errorPrefix")}</span>${this.message(e)}
        </p>`
      : nothing;
  }

  private describedBy(f: FieldId, hint: boolean): string | typeof nothing {
    const ids = [hint ? `${f}-hint` : "", this.errors.has(f) ? `${f}-error` : ""].filter(Boolean);
    return ids.length ? ids.join(" ") : nothing;
  }

  private label(f: FieldId, optional = false): TemplateResult {
    return html`<label part="label" class="label" for=${f}
      >${this.t(f as RecruitFormStringKey)}${optional ? this.t("optional") : ""}</label
    >`;
  }

  private hint(f: FieldId): TemplateResult {
    return html`<p part="hint" class="hint" id="${f}-hint">
      ${this.t(`${f}.hint` as RecruitFormStringKey)}
    </p>`;
  }

  private textField(
    f: "name" | "phone" | "community" | "title" | "skills",
    opts: { hint?: boolean; optional?: boolean; autocomplete?: string; type?: string } = {},
  ): TemplateResult {
    const invalid = this.errors.has(f);
    return html`<div part="field" class="field ${invalid ? "invalid" : ""}">
      ${this.label(f, opts.optional)}${opts.hint ? this.hint(f) : nothing}${this.errorLine(f)}
      <input
        part="input"
        class="input"
        id=${f}
        name=${f}
        type=${opts.type ?? "text"}
        autocomplete=${opts.autocomplete ?? "off"}
        inputmode=${f === "phone" ? "tel" : nothing}
        aria-invalid=${invalid ? "true" : "false"}
        aria-describedby=${this.describedBy(f, !!opts.hint)}
        .value=${this.d[f]}
        @input=${(e: Event) => this.onText(f, e)}
      />
    </div>`;
  }

  private select(
    f: "cohort" | "category",
    values: readonly string[],
    empty: RecruitFormStringKey,
    opts: { hint?: boolean; optional?: boolean },
  ): TemplateResult {
    const invalid = this.errors.has(f);
    const v = this.d[f];
    // The value is bound (live: the resident may have changed it) since the browser ignores
    // `selected` once an option was picked; `?selected` chooses on the first render, when the
    // options do not exist yet as the value is set.
    return html`<div part="field" class="field ${invalid ? "invalid" : ""}">
      ${this.label(f, opts.optional)}${opts.hint ? this.hint(f) : nothing}${this.errorLine(f)}
      <select
        part="input"
        class="input"
        id=${f}
        name=${f}
        aria-invalid=${invalid ? "true" : "false"}
        aria-describedby=${this.describedBy(f, !!opts.hint)}
        .value=${live(v)}
        @change=${(e: Event) => this.onText(f, e)}
      >
        <option value="" ?selected=${v === ""}>${this.t(empty)}</option>
        ${values.map(
          (c) =>
            html`<option value=${c} ?selected=${v === c}>
              ${this.t(`${f}.${c}` as RecruitFormStringKey)}
            </option>`,
        )}
      </select>
    </div>`;
  }

  private choices(
    f: "availability" | "supportNeeded",
    values: readonly string[],
    prefix: string,
    hint: boolean,
  ): TemplateResult {
    const invalid = this.errors.has(f);
    return html`<fieldset
      part="field choices"
      class="field choices ${invalid ? "invalid" : ""}"
      aria-describedby=${this.describedBy(f, hint)}
    >
      <legend part="label" class="label">
        ${this.t(f)}${f === "supportNeeded" ? this.t("optional") : ""}
      </legend>
      ${hint ? this.hint(f) : nothing}${this.errorLine(f)}
      ${values.map(
        (v) =>
          html`<div class="check">
            <input
              type="checkbox"
              id="${f}-${v}"
              name=${f}
              value=${v}
              aria-invalid=${invalid ? "true" : "false"}
              .checked=${this.d[f].includes(v)}
              @change=${(e: Event) => this.onChoice(f, v, e)}
            />
            <label for="${f}-${v}">${this.t(`${prefix}.${v}` as RecruitFormStringKey)}</label>
          </div>`,
      )}
    </fieldset>`;
  }

  /** An instant (ISO 8601) as a date and time in the hub's zone, in the page's language. */
  private instant(iso: string): string {
    return formatLongDateTime(Date.parse(iso), this.timeZone, this.l10n.locale);
  }

  /** Why the call takes no application now (not open yet, or closed: core's rule), or nothing. */
  private renderShut(call: RecruitmentCall): TemplateResult | undefined {
    const window = callWindow(call, this.now ?? Date.now());
    if (window === "open") return undefined;
    const text =
      window === "not-open"
        ? this.t("notOpen", { date: this.instant(call.opensAt) })
        : this.t("closed", { date: this.instant(call.deadline!) });
    return html`<p part="notice" class="notice" role="status">${text}</p>`;
  }

  private renderCall(call: RecruitmentCall): TemplateResult {
    const locale = this.l10n.locale;
    const deadline = call.deadline ? this.instant(call.deadline) : undefined;
    return html`<section part="call" class="call" aria-labelledby="call-title">
      <p
        part="call-title"
        role="heading"
        aria-level=${this.level(0)}
        class="h call-title"
        id="call-title"
      >
        ${localize(call.title, locale)}
      </p>
      <p part="pitch" class="pitch">${localize(call.pitch, locale)}</p>
      <div class="lists">
        <div>
          ${this.heading(this.t("offers"), 1)}
          <ul part="offers">
            ${call.offers.map(
              (o) =>
                html`<li>
                  <strong>${this.t(`support.${o.kind}`)}</strong
                  >${this.t("offerSeparator")}${localize(o.description, locale)}
                </li>`,
            )}
          </ul>
        </div>
        <div ?hidden=${call.asks.length === 0}>
          ${this.heading(this.t("asks"), 1)}
          <ul part="asks">
            ${call.asks.map((a) => html`<li>${localize(a, locale)}</li>`)}
          </ul>
        </div>
      </div>
      ${
        deadline
          ? html`<p part="deadline" class="deadline">
              <time datetime=${call.deadline!}>${this.t("deadline", { date: deadline })}</time>
            </p>`
          : nothing
      }
    </section>`;
  }

  private renderNotice(): TemplateResult | typeof nothing {
    const n = this.notice;
    if (!n) return nothing;
    const text = this.t(n.kind);
    const why = "why" in n ? errorMessage({ messages: n.why }, this.l10n.locale) : undefined;
    return html`<div part="notice" class="notice" id="notice" role="alert" tabindex="-1">
      <p>${text}${why ? html` <span>${why}</span>` : nothing}</p>
      ${
        "retry" in n && n.retry
          ? html`<button
              part="retry"
              class="button secondary"
              type="button"
              @click=${() => this.submit()}
            >
              ${this.t("retry")}
            </button>`
          : nothing
      }
    </div>`;
  }

  private renderSuccess(receipt: ApplicationReceipt): TemplateResult {
    return html`<section part="success" class="success" aria-labelledby="success-title">
      ${this.heading(this.t("successTitle"), 1, "success-title")}
      <p>${this.t("reference")}</p>
      <p part="reference" class="reference">${receipt.reference}</p>
      ${this.heading(this.t("nextSteps"), 2)}
      <p>${receipt.nextSteps[this.l10n.locale]}</p>
    </section>`;
  }

  private renderForm(call: RecruitmentCall): TemplateResult {
    const t = (k: RecruitFormStringKey, p?: Record<string, string | number>) => this.t(k, p);
    const submitting = this.phase === "submitting";
    const summary = this.summary
      .filter((f) => this.errors.has(f))
      .map((f) => ({ id: this.controlId(f), message: this.message(this.errors.get(f)!) }));
    const over = this.d.description.trim().length > IDEA_DESCRIPTION_MAX;
    const descInvalid = this.errors.has("description");
    const consentInvalid = this.errors.has("consent");
    return html`${
        summary.length > 0
          ? errorSummary(this.renderRoot, t("errorTitle"), summary, this.level(1))
          : nothing
      }
      <form
        part="form"
        class="form"
        novalidate
        aria-labelledby="form-title"
        aria-busy=${submitting ? "true" : "false"}
        @submit=${this.onSubmit}
      >
        <fieldset class="all" ?disabled=${this.off}>
          ${this.heading(t("formTitle"), 1, "form-title")}
          <p class="hint">${t("required")}</p>
          <p part="status" class="status" role="status">
            ${
              submitting
                ? t("submitting")
                : this.lateReceipt
                  ? t("lateReceived", {
                      call: localize(this.lateReceipt.call, this.l10n.locale),
                      reference: this.lateReceipt.reference,
                    })
                  : this.restored
                    ? t("draftRestored")
                    : ""
            }
          </p>
          ${this.heading(t("aboutYou"), 2)} ${this.textField("name", { autocomplete: "name" })}
          ${this.textField("phone", { hint: true, type: "tel", autocomplete: "tel-national" })}
          ${this.textField("community", { hint: true })}
          ${this.select("cohort", COHORTS, "cohort.none", { hint: true, optional: true })}
          ${this.heading(t("aboutIdea"), 2)} ${this.textField("title", { hint: true })}
          <div part="field" class="field ${descInvalid ? "invalid" : ""}">
            ${this.label("description")}${this.hint("description")}${this.errorLine("description")}
            <textarea
              part="input"
              class="input"
              id="description"
              name="description"
              rows="6"
              aria-invalid=${descInvalid ? "true" : "false"}
              aria-describedby=${this.describedBy("description", true)}
              .value=${this.d.description}
              @input=${(e: Event) => this.onText("description", e)}
            ></textarea>
            <p part="count" class="count ${over ? "over" : ""}" aria-hidden="true">
              ${this.countText()}
            </p>
            <p class="visually-hidden" id="description-count-live" aria-live="polite"></p>
          </div>
          ${this.select("category", call.categories, "category.choose", {})}
          ${this.textField("skills", { hint: true, optional: true })}
          ${this.choices("availability", AVAILABILITY, "availability", true)}
          ${this.choices("supportNeeded", SUPPORT_KINDS, "support", false)}
          <fieldset
            part="field"
            class="field ${consentInvalid ? "invalid" : ""}"
            aria-describedby=${this.describedBy("consent", false)}
          >
            <legend part="label" class="label">${t("consent")}</legend>
            ${this.errorLine("consent")}
            <div class="check">
              <input
                type="checkbox"
                id="consent"
                name="consent"
                aria-invalid=${consentInvalid ? "true" : "false"}
                .checked=${this.consentAt !== undefined}
                @change=${this.onConsent}
              />
              <label for="consent"
                >${t("consent.text", { version: call.privacyPolicy.version })}</label
              >
            </div>
            <p class="policy">
              <a href=${safeHref(call.privacyPolicy.url)} target="_blank" rel="noopener"
                >${t("consent.link")}</a
              >
            </p>
          </fieldset>
          <div class="hp" aria-hidden="true">
            <label for="website">${t("honeypot")}</label>
            <input
              id="website"
              name="website"
              type="text"
              tabindex="-1"
              autocomplete="off"
              .value=${this.honeypot}
              @input=${(e: Event) => (this.honeypot = (e.target as HTMLInputElement).value)}
            />
          </div>
          ${this.renderNotice()}
          <button
            part="submit"
            class="button submit"
            type="submit"
            aria-disabled=${submitting ? "true" : "false"}
          >
            ${submitting ? t("submitting") : t("submit")}
          </button>
        </fieldset>
      </form>`;
  }

  protected override render(): TemplateResult {
    const call = this.currentCall;
    const state = this.data.state;
    if (!call) {
      if (state.kind === "loading")
        return html`<p part="status" class="status" role="status">${this.t("loading")}</p>`;
      if (state.kind === "error") {
        const why = errorMessage(state.error, this.l10n.locale);
        return html`<div part="notice" class="notice" role="alert">
          <p>${this.t("loadError")}${why ? html` <span>${why}</span>` : nothing}</p>
          <button part="retry" class="button" type="button" @click=${() => this.data.retry()}>
            ${this.t("retry")}
          </button>
        </div>`;
      }
      return html`<p part="notice" class="empty">${this.t("noCall")}</p>`;
    }
    // The server refuses applications outside the call's dates: no form to fill in for nothing.
    return html`${this.renderCall(call)}
    ${
      this.phase === "done" && this.receipt
        ? this.renderSuccess(this.receipt)
        : (this.renderShut(call) ?? this.renderForm(call))
    }`;
  }
}

/** Only http(s) and relative links for the privacy notice. */
function safeHref(url: string): string {
  try {
    const { protocol } = new URL(url, document.baseURI);
    return protocol === "http:" || protocol === "https:" ? url : "#";
  } catch {
    return "#";
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "linli-recruit-form": LinliRecruitForm;
  }
  interface GlobalEventHandlersEventMap {
    "linli-application-submitted": CustomEvent<ApplicationSubmittedDetail>;
    "linli-application-failed": CustomEvent<ApplicationFailedDetail>;
  }
}
