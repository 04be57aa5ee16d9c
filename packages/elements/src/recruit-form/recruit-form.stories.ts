import type { Meta, StoryObj } from "@storybook/web-components-vite";
import { html } from "lit";
import { expect, userEvent, waitFor } from "storybook/test";
import { LinliClientError, type LinliStore } from "@linli/client";
import { createEmbeddedStore } from "@linli/client/embedded";
import { errorBody } from "@linli/core/contract";
import { recruitmentCall, sampleApplication } from "@linli/core/fixtures";
import type { RecruitmentCall } from "@linli/core/recruitment";
import type { LinliRecruitForm } from "./recruit-form.js";
import "./linli-recruit-form.js";

type Args = {
  call?: RecruitmentCall | undefined;
  store?: LinliStore | undefined;
  headingLevel: number;
  minFillMs: number;
  now?: number | undefined;
};

/** 1 December 2026, 10:00 in Hangzhou: while the fixture's call (1 Nov–31 Dec) is open. */
const OPEN = Date.parse("2026-12-01T10:00:00+08:00");

const form = (canvas: HTMLElement) => canvas.querySelector<LinliRecruitForm>("linli-recruit-form")!;
const shadow = async (canvas: HTMLElement) => {
  const el = form(canvas);
  await el.updateComplete;
  return el.shadowRoot!;
};

/** Fills the form as the sample applicant would, by typing and ticking. */
async function fillIn(root: ShadowRoot) {
  const a = sampleApplication;
  const $ = <T extends HTMLElement>(s: string) => root.querySelector<T>(s)!;
  await userEvent.type($("#name"), a.applicant.name);
  await userEvent.type($("#phone"), a.applicant.phone);
  await userEvent.type($("#community"), a.applicant.community);
  await userEvent.selectOptions($("#cohort"), a.cohort!);
  await userEvent.type($("#title"), a.idea.title);
  await userEvent.type($("#description"), a.idea.description);
  await userEvent.selectOptions($("#category"), a.category);
  await userEvent.type($("#skills"), a.skills.join("、"));
  await userEvent.click($("#availability-weekends"));
  await userEvent.click($("#supportNeeded-venue"));
  await userEvent.click($("#consent"));
}
const submit = (root: ShadowRoot) => userEvent.click(root.querySelector('[part="submit"]')!);

/** A store whose answers never come: the submitting and loading states. */
const pending = {
  getRecruitmentCall: () => new Promise(() => {}),
  submitApplication: () => new Promise(() => {}),
} as unknown as LinliStore;
/** A store that cannot reach the server. */
const offline = {
  getRecruitmentCall: async () => {
    throw LinliClientError.local("network");
  },
  submitApplication: async () => {
    throw LinliClientError.local("network");
  },
} as unknown as LinliStore;
/** A stand-in for a server that refuses the phone number, as @linli/server's error body says. */
const refusing = {
  submitApplication: async () => {
    throw LinliClientError.fromResponse(
      400,
      errorBody("VALIDATION_FAILED", [
        {
          code: "DUPLICATE_APPLICATION",
          path: "applicant.phone",
          message: {
            "zh-CN": "这个手机号码已经报过名了",
            en: "This phone number has already applied",
          },
        },
      ]),
    );
  },
} as unknown as LinliStore;

/**
 * The red house's call for partners — "we have the venue, the equipment and the operations
 * team: we are recruiting you and your golden idea" — and the form that answers it.
 */
const meta: Meta<Args> = {
  title: "Elements/Recruit form",
  component: "linli-recruit-form",
  args: { call: recruitmentCall, headingLevel: 2, minFillMs: 0, now: OPEN },
  render: (args) =>
    html`<h1>桃源金星党群服务中心 · 红房子</h1>
      <linli-recruit-form
        .call=${args.call}
        .store=${args.store}
        .headingLevel=${args.headingLevel}
        .minFillMs=${args.minFillMs}
        .now=${args.now}
        no-draft
      ></linli-recruit-form>`,
};
export default meta;
type Story = StoryObj<Args>;

/** The call and an empty form, as a resident first sees it. */
export const Empty: Story = {
  args: { store: createEmbeddedStore() },
  play: async ({ canvasElement }) => {
    const root = await shadow(canvasElement);
    await expect(root.querySelector("#call-title")?.textContent?.trim()).toBe("招募社区合伙人");
  },
};

export const English: Story = {
  args: { store: createEmbeddedStore() },
  globals: { locale: "en" },
  play: async ({ canvasElement }) => {
    const root = await shadow(canvasElement);
    await expect(root.querySelector('[part="submit"]')?.textContent?.trim()).toBe(
      "Submit application",
    );
  },
};

/** Submitted empty: every problem beside its field and in the summary, which takes focus. */
export const Invalid: Story = {
  args: { store: createEmbeddedStore() },
  play: async ({ canvasElement }) => {
    const root = await shadow(canvasElement);
    await submit(root);
    await waitFor(() => expect(root.activeElement?.id).toBe("error-summary"));
    await expect(root.querySelectorAll("#error-summary li")).toHaveLength(8);
  },
};

export const InvalidEnglish: Story = { ...Invalid, globals: { locale: "en" } };

/** Sending: the button says so and a second press is ignored. */
export const Submitting: Story = {
  args: { store: pending },
  play: async ({ canvasElement }) => {
    const root = await shadow(canvasElement);
    await fillIn(root);
    await submit(root);
    await waitFor(() => expect(form(canvasElement).matches(":state(submitting)")).toBe(true));
  },
};

/** In: the reference number and what happens next. */
export const Success: Story = {
  args: { store: createEmbeddedStore() },
  play: async ({ canvasElement }) => {
    const root = await shadow(canvasElement);
    await fillIn(root);
    await submit(root);
    await waitFor(() =>
      expect(root.querySelector('[part="reference"]')?.textContent).toMatch(/^HZ-\d{4}-\d{4}$/),
    );
  },
};

export const SuccessEnglish: Story = { ...Success, globals: { locale: "en" } };

/** A store that holds each application until `release()`, to let the host act meanwhile. */
const held = (() => {
  const real = createEmbeddedStore();
  let release = () => {};
  const store: LinliStore = {
    ...real,
    submitApplication: async (application, options) => {
      await new Promise<void>((resolve) => (release = resolve));
      return real.submitApplication(application, options);
    },
  };
  return { store, release: () => release() };
})();

/**
 * The host published a new call while an application was on its way: the form is the new
 * call's, empty, and its status line says the first application is in, with its reference.
 */
export const AnsweredAfterCallReplaced: Story = {
  args: { store: held.store },
  play: async ({ canvasElement }) => {
    const root = await shadow(canvasElement);
    await fillIn(root);
    await submit(root);
    form(canvasElement).call = {
      ...recruitmentCall,
      id: "call-2027-spring",
      title: { "zh-CN": "2027 春季合伙人招募令", en: "Spring 2027 partner call" },
    };
    held.release();
    await waitFor(() =>
      expect(root.querySelector('[part="status"]')?.textContent?.trim()).toMatch(
        /^你对“招募社区合伙人”的申请已经提交，申请编号 HZ-\d{4}-\d{4}。$/,
      ),
    );
    await expect(root.querySelector("#call-title")?.textContent?.trim()).toBe(
      "2027 春季合伙人招募令",
    );
    await expect(root.querySelector<HTMLInputElement>("#name")!.value).toBe("");
  },
};

/** The network failed: every answer is kept, with a retry. */
export const NetworkError: Story = {
  args: { store: offline },
  play: async ({ canvasElement }) => {
    const root = await shadow(canvasElement);
    await fillIn(root);
    await submit(root);
    await waitFor(() =>
      expect(root.querySelector('[part="notice"]')?.textContent).toContain("网络连接失败"),
    );
  },
};

/** The server refused the phone number: its message shows beside the phone field. */
export const ServerFieldError: Story = {
  args: { store: refusing },
  play: async ({ canvasElement }) => {
    const root = await shadow(canvasElement);
    await fillIn(root);
    await submit(root);
    await waitFor(() =>
      expect(root.querySelector("#phone-error")?.textContent).toContain("已经报过名了"),
    );
  },
};

/** Submitted within the minimum fill time, as a robot would. */
export const TooFast: Story = {
  args: { store: createEmbeddedStore(), minFillMs: 3_600_000 },
  play: async ({ canvasElement }) => {
    const root = await shadow(canvasElement);
    await submit(root);
    await waitFor(() =>
      expect(root.querySelector('[part="notice"]')?.textContent).toContain("提交得太快了"),
    );
  },
};

/** The call loads from the embedded store (no `call` given). */
export const FromStore: Story = {
  args: { call: undefined, now: undefined, store: createEmbeddedStore() },
  play: async ({ canvasElement }) => {
    const root = await shadow(canvasElement);
    await waitFor(() => expect(root.querySelector("#call-title")).not.toBeNull());
  },
};

export const Loading: Story = { args: { call: undefined, store: pending } };

export const LoadError: Story = {
  args: { call: undefined, store: offline },
  play: async ({ canvasElement }) => {
    const root = await shadow(canvasElement);
    await waitFor(() => expect(root.querySelector('[role="alert"]')).not.toBeNull());
  },
};

/** Outside the call's dates at `now`: the call, and `words` in a notice where the form was. */
const shut = (now: string, words: string): Story => ({
  args: { now: Date.parse(now) },
  play: async ({ canvasElement }) => {
    const root = await shadow(canvasElement);
    expect(root.querySelector("form")).toBeNull();
    expect(root.querySelector('[part="notice"]')!.textContent).toContain(words);
  },
});

/** After the call's deadline: the call is still shown, with a notice instead of the form. */
export const Closed: Story = shut("2027-01-05T09:00:00+08:00", "本次招募已于");

/** Before the call opens: when to come back. */
export const NotOpenYet: Story = shut("2026-10-20T09:00:00+08:00", "开始接受申请");

export const ClosedEnglish: Story = {
  ...shut("2027-01-05T09:00:00+08:00", "This call closed on 31 December 2026 at 17:00"),
  globals: { locale: "en" },
};
export const NotOpenYetEnglish: Story = {
  ...shut("2026-10-20T09:00:00+08:00", "Applications open on"),
  globals: { locale: "en" },
};

/** No call and no store: nothing to apply to. */
export const NoCall: Story = { args: { call: undefined } };

/** A long description: the count turns into how many characters are too many. */
export const LongText: Story = {
  args: { store: createEmbeddedStore() },
  play: async ({ canvasElement }) => {
    const root = await shadow(canvasElement);
    const d = root.querySelector<HTMLTextAreaElement>("#description")!;
    d.value = "我想在红房子开一个周末亲子手工课。".repeat(120);
    d.dispatchEvent(new Event("input"));
    await waitFor(() =>
      expect(root.querySelector('[part="count"]')?.textContent).toContain("超出"),
    );
  },
};

export const Dark: Story = { args: { store: createEmbeddedStore() }, globals: { theme: "dark" } };
export const HighContrast: Story = {
  ...Invalid,
  globals: { theme: "high-contrast" },
};
