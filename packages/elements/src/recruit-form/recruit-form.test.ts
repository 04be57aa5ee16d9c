import { expect, fixture, fixtureCleanup, html, oneEvent, waitUntil } from "@open-wc/testing";
import { afterEach, describe, it } from "vitest";
import { userEvent } from "vitest/browser";
import { LinliClientError, type LinliStore } from "@linli/client";
// The demo data passed in, not loaded on the first call: these tests time what they show.
import { createEmbeddedStore, defaultEmbeddedData } from "@linli/client/embedded";
import {
  errorBody,
  type Application,
  type ApplicationInput,
  type ApplicationReceipt,
} from "@linli/core";
import { recruitmentCall } from "@linli/core/fixtures";
import type { LinliRecruitForm } from "./recruit-form.js";
import "./linli-recruit-form.js";

// The test page says <html lang="en">; with no [lang] anywhere the elements speak zh-CN.
document.documentElement.removeAttribute("lang");

afterEach(() => {
  fixtureCleanup();
  sessionStorage.clear();
});

type Lang = "zh-CN" | "en";

/** A Web Storage in memory, so a test can read what the embedded store kept. */
function memoryStorage() {
  const m = new Map<string, string>();
  return {
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, v),
    removeItem: (k: string) => void m.delete(k),
    /** The applications the store holds. */
    applications: (): Application[] =>
      JSON.parse(m.get("linli:embedded-store") ?? '{"applications":[]}').applications,
  };
}

/** An embedded store (the same rules as the server) whose applications the test can read. */
function embedded() {
  const storage = memoryStorage();
  return {
    store: createEmbeddedStore({ storage, data: defaultEmbeddedData(Date.now()) }),
    storage,
  };
}

/** 1 December 2026, 10:00 in Hangzhou: while the fixture's call (1 Nov–31 Dec) is open. */
const OPEN = Date.parse("2026-12-01T10:00:00+08:00");

async function recruitForm(
  opts: { lang?: Lang; store?: LinliStore; minFillMs?: number; call?: boolean; now?: number } = {},
) {
  const wrap = await fixture<HTMLElement>(
    html`<main lang=${opts.lang ?? "zh-CN"}>
      <h1>红房子</h1>
      <linli-recruit-form
        .call=${opts.call === false ? undefined : recruitmentCall}
        .store=${opts.store}
        min-fill-ms=${opts.minFillMs ?? 0}
        .now=${opts.now ?? (opts.call === false ? undefined : OPEN)}
      ></linli-recruit-form>
    </main>`,
  );
  const el = wrap.querySelector("linli-recruit-form")!;
  await el.updateComplete;
  return el;
}

const $ = <T extends Element = HTMLElement>(el: LinliRecruitForm, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);
const text = (el: LinliRecruitForm, selector: string) =>
  $(el, selector)?.textContent?.replace(/\s+/g, " ").trim() ?? "";
/** The message shown beside a field (without the visually hidden "Error:" prefix). */
const fieldError = (el: LinliRecruitForm, id: string) => {
  const p = $(el, `#${id}-error`);
  if (!p) return null;
  const prefix = p.querySelector(".visually-hidden")!.textContent!;
  expect(["错误：", "Error: "]).to.include(prefix); // said before the message, not shown
  return p.textContent!.trim().slice(prefix.trim().length).trim();
};
const summaryItems = (el: LinliRecruitForm) =>
  [...el.shadowRoot!.querySelectorAll("#error-summary li")].map((li) => li.textContent!.trim());
const focused = (el: LinliRecruitForm) => el.shadowRoot!.activeElement as HTMLElement | null;

/** Fills every required field the way a resident would (typing, choosing, ticking). */
async function fillIn(el: LinliRecruitForm, consent = true) {
  await userEvent.fill($(el, "#name")!, "林晓雨");
  await userEvent.fill($(el, "#phone")!, "138 0000 9901");
  await userEvent.fill($(el, "#community")!, "桃源社区");
  await userEvent.selectOptions($<HTMLSelectElement>(el, "#cohort")!, "full-time-mother");
  await userEvent.fill($(el, "#title")!, "周末亲子手工课");
  await userEvent.fill(
    $(el, "#description")!,
    "我以前做过幼儿园美术老师，想每周六下午带孩子们用废旧材料做手工。",
  );
  await userEvent.selectOptions($<HTMLSelectElement>(el, "#category")!, "crafts");
  await userEvent.fill($(el, "#skills")!, "美术、手工");
  await userEvent.click($(el, "#availability-weekends")!);
  await userEvent.click($(el, "#supportNeeded-venue")!);
  if (consent) await userEvent.click($(el, "#consent")!);
  await el.updateComplete;
}

async function submit(el: LinliRecruitForm) {
  await userEvent.click($(el, '[part="submit"]')!);
  await el.updateComplete;
}

describe("<linli-recruit-form>: the call", () => {
  it("shows what the hub offers and asks for, from the call, in Chinese", async () => {
    const el = await recruitForm();
    expect(text(el, "#call-title")).to.equal("招募社区合伙人");
    expect(text(el, '[part="pitch"]')).to.equal("我们有场地、设备、运营团队，招募带有金点子的你。");
    const offers = [...el.shadowRoot!.querySelectorAll('[part="offers"] li')].map((li) =>
      li.textContent!.replace(/\s+/g, ""),
    );
    expect(offers).to.deep.equal([
      "场地：红房子的教室、工坊和多功能厅",
      "设备：烤箱、缝纫机、音响、投影",
      "运营团队：拍照、建群、宣传，帮你对接居民",
      "导师指导：社工和创业导师陪你起步",
    ]);
    expect(text(el, '[part="asks"]')).to.contain("一个金点子：你想为邻居们做的事");
    expect(text(el, '[part="deadline"]')).to.equal("截止时间：2026年12月31日 17:00");
    // The categories offered are the call's.
    const options = [...$<HTMLSelectElement>(el, "#category")!.options].map((o) => o.value);
    expect(options).to.deep.equal(["", ...recruitmentCall.categories]);
    await expect(el).to.be.accessible();
  });

  for (const [lang, now, words] of [
    ["zh-CN", "2027-01-05T09:00:00+08:00", "本次招募已于 2026年12月31日 17:00 截止，感谢关注。"],
    [
      "en",
      "2027-01-05T09:00:00+08:00",
      "This call closed on 31 December 2026 at 17:00. Thank you for your interest.",
    ],
    [
      "zh-CN",
      "2026-10-20T09:00:00+08:00",
      "招募将于 2026年11月1日 09:00 开始接受申请，届时欢迎再来。",
    ],
    [
      "en",
      "2026-10-20T09:00:00+08:00",
      "Applications open on 1 November 2026 at 09:00: come back then.",
    ],
  ] as const) {
    it(`shows the call but no form outside its dates (${lang}, ${now.slice(0, 10)})`, async () => {
      const el = await recruitForm({ lang, now: Date.parse(now) });
      expect(text(el, "#call-title")).to.not.equal("");
      expect($(el, "form")).to.equal(null);
      expect(text(el, '[part="notice"]')).to.equal(words);
      expect($(el, '[part="notice"]')!.getAttribute("role")).to.equal("status");
      await expect(el).to.be.accessible();
    });
  }

  it("speaks English under lang=en, the call included", async () => {
    const el = await recruitForm({ lang: "en" });
    expect(text(el, "#call-title")).to.equal("Community partners wanted");
    expect(text(el, '[part="pitch"]')).to.equal(
      "We have the venue, the equipment and the operations team: we are recruiting you and your golden idea.",
    );
    expect(text(el, 'label[for="phone"]')).to.equal("Mobile phone number");
    expect(text(el, 'label[for="cohort"]')).to.equal("Which best describes you (optional)");
    expect(text(el, "#cohort-hint")).to.contain("so the programme can report who it reaches");
    expect(text(el, '[part="deadline"]')).to.equal("Closes 31 December 2026 at 17:00");
    expect(text(el, '[part="count"]')).to.equal("You have 2,000 characters left");
    const offer = $(el, '[part="offers"] li')!.textContent!.replace(/\s+/g, " ").trim();
    expect(offer).to.equal(`Venue: ${recruitmentCall.offers[0]!.description.en}`);
    await expect(el).to.be.accessible();
  });

  it("loads the call from a store, saying so while it loads", async () => {
    const { store } = embedded();
    let answer!: () => void;
    const slow = {
      ...store,
      getRecruitmentCall: () =>
        new Promise((res) => (answer = () => res(store.getRecruitmentCall()))),
    } as LinliStore;
    const el = await recruitForm({ store: slow, call: false });
    expect(text(el, '[role="status"]')).to.equal("正在加载招募信息…");
    answer();
    await waitUntil(() => $(el, "#call-title") !== null);
    expect(text(el, "#call-title")).to.equal("招募社区合伙人");
  });
});

describe("<linli-recruit-form>: validation by core's schema", () => {
  for (const [lang, expected] of [
    [
      "zh-CN",
      [
        "请填写姓名",
        "请填写手机号码",
        "请填写所在社区",
        "请填写金点子名称",
        "详细描述至少需要 10 个字",
        "请选择类别",
        "请选择有空的时间",
        "请阅读并同意隐私说明后再提交",
      ],
    ],
    [
      "en",
      [
        "Enter your full name",
        "Enter a mobile phone number",
        "Enter your community",
        "Enter the name of your idea",
        "A description of your idea must be 10 characters or more",
        "Select a category",
        "Select when you are available",
        "Read and agree to the privacy notice before you submit",
      ],
    ],
  ] as const) {
    it(`lists every missing answer in a summary that takes focus, and beside each field (${lang})`, async () => {
      const el = await recruitForm({ lang });
      const failed = oneEvent(el, "linli-application-failed");
      await submit(el);
      expect((await failed).detail).to.deep.equal({
        reason: "invalid",
        fields: [
          "name",
          "phone",
          "community",
          "title",
          "description",
          "category",
          "availability",
          "consent",
        ],
        retryable: false,
        callId: recruitmentCall.id,
      });
      await waitUntil(() => focused(el)?.id === "error-summary", "the summary takes focus");
      expect($(el, "#error-summary")!.getAttribute("role")).to.equal("alert");
      expect(text(el, "#error-summary-title")).to.equal(
        lang === "en" ? "There is a problem" : "有些内容需要修改",
      );
      expect(summaryItems(el)).to.deep.equal(expected);
      const beside = ["name", "phone", "community", "title", "description", "category"].map((id) =>
        fieldError(el, id),
      );
      expect(beside).to.deep.equal(expected.slice(0, 6));
      expect(fieldError(el, "availability")).to.equal(expected[6]);
      expect(fieldError(el, "consent")).to.equal(expected[7]);
      // Each control says it is invalid and points at its message.
      const phone = $(el, "#phone")!;
      expect(phone.getAttribute("aria-invalid")).to.equal("true");
      expect(phone.getAttribute("aria-describedby")).to.equal("phone-hint phone-error");
      expect($(el, "#cohort")!.getAttribute("aria-invalid")).to.equal("false"); // optional
      await expect(el).to.be.accessible();
    });
  }

  it("follows each summary link to its field", async () => {
    const el = await recruitForm();
    await submit(el);
    const links = el.shadowRoot!.querySelectorAll<HTMLAnchorElement>("#error-summary a");
    await userEvent.click(links[1]!);
    expect(focused(el)?.id).to.equal("phone");
    await userEvent.click(links[6]!);
    expect(focused(el)?.id).to.equal("availability-weekdays");
  });

  // Each rule of ApplicationInputSchema with a wrong answer, and what the resident reads.
  const rules: Array<{
    rule: string;
    field: string;
    set: (el: LinliRecruitForm) => Promise<void>;
    zh: string;
    en: string;
  }> = [
    {
      rule: "a name of spaces only is no name",
      field: "name",
      set: (el) => userEvent.fill($(el, "#name")!, "   "),
      zh: "请填写姓名",
      en: "Enter your full name",
    },
    {
      rule: "a name is at most 50 characters",
      field: "name",
      set: (el) => userEvent.fill($(el, "#name")!, "林".repeat(51)),
      zh: "姓名不能超过 50 个字",
      en: "Your full name must be 50 characters or fewer",
    },
    {
      rule: "a phone is a mainland mobile number",
      field: "phone",
      set: (el) => userEvent.fill($(el, "#phone")!, "0571 8888 1234"),
      zh: "请输入正确的 11 位手机号码，例如 138 0013 8000",
      en: "Enter a mobile phone number in the correct format, like 138 0013 8000",
    },
    {
      rule: "a community is at most 80 characters",
      field: "community",
      set: (el) => userEvent.fill($(el, "#community")!, "社".repeat(81)),
      zh: "所在社区不能超过 80 个字",
      en: "Your community must be 80 characters or fewer",
    },
    {
      rule: "an idea's name is at most 80 characters",
      field: "title",
      set: (el) => userEvent.fill($(el, "#title")!, "课".repeat(81)),
      zh: "金点子名称不能超过 80 个字",
      en: "The name of your idea must be 80 characters or fewer",
    },
    {
      rule: "a description is at least 10 characters",
      field: "description",
      set: (el) => userEvent.fill($(el, "#description")!, "做手工"),
      zh: "详细描述至少需要 10 个字",
      en: "A description of your idea must be 10 characters or more",
    },
    {
      rule: "a description is at most 2,000 characters",
      field: "description",
      set: (el) => userEvent.fill($(el, "#description")!, "好".repeat(2001)),
      zh: "详细描述不能超过 2000 个字",
      en: "A description of your idea must be 2000 characters or fewer",
    },
    {
      rule: "each skill is at most 40 characters",
      field: "skills",
      set: (el) => userEvent.fill($(el, "#skills")!, `美术、${"手".repeat(41)}`),
      zh: "每项技能不能超过 40 个字",
      en: "Each skill must be 40 characters or fewer",
    },
    {
      rule: "at most 20 skills",
      field: "skills",
      set: (el) =>
        userEvent.fill(
          $(el, "#skills")!,
          Array.from({ length: 21 }, (_, i) => `技能${i}`).join("、"),
        ),
      zh: "技能最多 20 项",
      en: "Your skills can have at most 20",
    },
    {
      rule: "a category is chosen",
      field: "category",
      set: (el) => userEvent.selectOptions($<HTMLSelectElement>(el, "#category")!, ""),
      zh: "请选择类别",
      en: "Select a category",
    },
    {
      rule: "at least one time of availability",
      field: "availability",
      set: (el) => userEvent.click($(el, "#availability-weekends")!), // unticks it
      zh: "请选择有空的时间",
      en: "Select when you are available",
    },
    {
      rule: "consent is required",
      field: "consent",
      set: (el) => userEvent.click($(el, "#consent")!), // unticks it
      zh: "请阅读并同意隐私说明后再提交",
      en: "Read and agree to the privacy notice before you submit",
    },
  ];

  // One test per rule and language: each fills the whole form, which takes a while in a
  // real browser, so each gets its own time limit and its own line in the report.
  for (const lang of ["zh-CN", "en"] as const) {
    for (const r of rules) {
      it(`words "${r.rule}" in ${lang}, beside the field and in the summary`, async () => {
        const { store, storage } = embedded();
        const el = await recruitForm({ lang, store });
        await fillIn(el);
        await r.set(el);
        await submit(el);
        const want = lang === "en" ? r.en : r.zh;
        expect(fieldError(el, r.field)).to.equal(want);
        expect(summaryItems(el)).to.deep.equal([want]);
        expect(storage.applications()).to.have.length(0);
        fixtureCleanup();
        sessionStorage.clear();
      });
    }
  }

  it("counts the description's characters, and says so to screen readers when typing pauses", async () => {
    const el = await recruitForm();
    await userEvent.fill($(el, "#description")!, "好".repeat(1990));
    await el.updateComplete;
    expect(text(el, '[part="count"]')).to.equal("还可以输入 10 个字");
    await waitUntil(() => text(el, "#description-count-live") === "还可以输入 10 个字", "", {
      timeout: 3000,
    });
    await userEvent.type($(el, "#description")!, "好".repeat(11));
    await el.updateComplete;
    expect(text(el, '[part="count"]')).to.equal("超出 1 个字");
  });

  it("clears a field's message once the resident corrects it", async () => {
    const el = await recruitForm();
    await submit(el);
    await userEvent.fill($(el, "#name")!, "林晓雨");
    await el.updateComplete;
    expect(fieldError(el, "name")).to.equal(null);
    expect($(el, "#name")!.getAttribute("aria-invalid")).to.equal("false");
    expect(summaryItems(el)).not.to.include("请填写姓名");
  });
});

describe("<linli-recruit-form>: submitting", () => {
  it("can be completed by keyboard alone, and the store holds the application", async () => {
    const { store, storage } = embedded();
    const el = await recruitForm({ store });
    $(el, "#name")!.focus();
    await userEvent.keyboard("林晓雨");
    await userEvent.tab();
    await userEvent.keyboard("13800009901");
    await userEvent.tab();
    await userEvent.keyboard("桃源社区");
    await userEvent.tab(); // cohort: optional, left as is
    await userEvent.tab();
    expect(focused(el)?.id).to.equal("title");
    await userEvent.keyboard("周末亲子手工课");
    await userEvent.tab();
    await userEvent.keyboard("每周六下午带孩子们用废旧材料做手工。");
    await userEvent.tab();
    expect(focused(el)?.id).to.equal("category");
    await userEvent.keyboard("{ArrowDown}"); // the first of the call's categories
    await userEvent.tab();
    await userEvent.keyboard("美术");
    await userEvent.tab();
    expect(focused(el)?.id).to.equal("availability-weekdays");
    await userEvent.tab();
    await userEvent.tab();
    expect(focused(el)?.id).to.equal("availability-weekends");
    await userEvent.keyboard(" ");
    for (let i = 0; i < 8; i++) await userEvent.tab(); // past the seven kinds of support
    expect(focused(el)?.id).to.equal("consent");
    await userEvent.keyboard(" ");
    await userEvent.tab(); // the privacy notice link
    await userEvent.tab();
    expect(focused(el)?.getAttribute("part")).to.equal("submit");
    const submitted = oneEvent(el, "linli-application-submitted");
    await userEvent.keyboard("{Enter}");
    const { detail } = await submitted;

    expect(detail.callId).to.equal(recruitmentCall.id);
    expect(detail.receipt.reference).to.match(/^HZ-\d{4}-\d{4}$/);
    expect(detail).not.to.have.nested.property("receipt.applicant"); // no personal data
    await el.updateComplete;
    await waitUntil(() => focused(el)?.id === "success-title", "focus moves to the result");
    expect(text(el, "#success-title")).to.equal("申请已提交");
    expect(text(el, '[part="reference"]')).to.equal(detail.receipt.reference);
    expect(text(el, '[part="success"]')).to.contain("工作人员会尽快与你联系");
    expect(el.matches(":state(submitted)")).to.equal(true);

    const [stored] = storage.applications();
    expect(stored).to.deep.include({
      callId: recruitmentCall.id,
      applicant: { name: "林晓雨", phone: "13800009901", community: "桃源社区" },
      idea: { title: "周末亲子手工课", description: "每周六下午带孩子们用废旧材料做手工。" },
      category: "baking",
      skills: ["美术"],
      availability: ["weekends"],
      supportNeeded: [],
      reference: detail.receipt.reference,
    });
    expect(stored!.cohort).to.equal(undefined);
    // The consent records the notice's version and when the box was ticked.
    expect(stored!.consent.given).to.equal(true);
    expect(stored!.consent.policyVersion).to.equal("2026-11");
    expect(Date.now() - Date.parse(stored!.consent.at)).to.be.within(0, 60_000);
    await expect(el).to.be.accessible();
  });

  it("keeps a draft while the resident types, restores it in a new page, and clears it after success", async () => {
    const { store, storage } = embedded();
    let el = await recruitForm({ store });
    await fillIn(el);
    // A real reload cannot be done inside a vitest browser test (it reloads the runner), so
    // the page's element is removed and a new one created, reading the same sessionStorage.
    fixtureCleanup();
    el = await recruitForm({ store });
    expect($<HTMLInputElement>(el, "#name")!.value).to.equal("林晓雨");
    expect($<HTMLInputElement>(el, "#phone")!.value).to.equal("138 0000 9901");
    expect($<HTMLSelectElement>(el, "#cohort")!.value).to.equal("full-time-mother");
    expect($<HTMLTextAreaElement>(el, "#description")!.value).to.contain("幼儿园美术老师");
    expect($<HTMLSelectElement>(el, "#category")!.value).to.equal("crafts");
    expect($<HTMLInputElement>(el, "#skills")!.value).to.equal("美术、手工");
    expect($<HTMLInputElement>(el, "#availability-weekends")!.checked).to.equal(true);
    expect($<HTMLInputElement>(el, "#supportNeeded-venue")!.checked).to.equal(true);
    // Consent is given afresh, and the page says so.
    expect($<HTMLInputElement>(el, "#consent")!.checked).to.equal(false);
    expect(text(el, '[part="status"]')).to.equal(
      "已恢复你之前填写的内容（同意隐私说明需要重新勾选）。",
    );
    expect(sessionStorage.getItem(`linli-recruit-form:${recruitmentCall.id}`)).not.to.contain(
      "consent",
    );

    await userEvent.click($(el, "#consent")!);
    expect(text(el, '[part="status"]')).to.equal(""); // said once; the resident has moved on
    await submit(el);
    await waitUntil(() => $(el, '[part="reference"]') !== null);
    expect(storage.applications()).to.have.length(1);
    expect(sessionStorage.getItem(`linli-recruit-form:${recruitmentCall.id}`)).to.equal(null);
    fixtureCleanup();
    el = await recruitForm({ store });
    expect($<HTMLInputElement>(el, "#name")!.value).to.equal("");
  });

  it("starts a fresh form for a different call, with that call's own draft", async () => {
    const { store, storage } = embedded();
    const el = await recruitForm({ store });
    await userEvent.fill($(el, "#name")!, "林晓雨");
    await userEvent.click($(el, "#consent")!);
    await submit(el);
    expect(fieldError(el, "phone")).to.equal("请填写手机号码");
    // The hub posts its next call; a draft for it was kept earlier in this tab.
    const spring = { ...recruitmentCall, id: "call-2027-spring" };
    sessionStorage.setItem(`linli-recruit-form:${spring.id}`, JSON.stringify({ name: "王阿姨" }));
    el.call = spring;
    await el.updateComplete;
    expect($<HTMLInputElement>(el, "#name")!.value).to.equal("王阿姨");
    expect($<HTMLInputElement>(el, "#phone")!.value).to.equal("");
    expect($<HTMLInputElement>(el, "#consent")!.checked).to.equal(false); // consent afresh
    expect($(el, "#error-summary")).to.equal(null);
    expect(fieldError(el, "phone")).to.equal(null);
    expect(text(el, '[part="status"]')).to.equal(
      "已恢复你之前填写的内容（同意隐私说明需要重新勾选）。",
    );
    // After an application to the first call, the next call shows its form, not the receipt.
    el.call = recruitmentCall;
    await el.updateComplete;
    await fillIn(el);
    await submit(el);
    await waitUntil(() => $(el, '[part="reference"]') !== null);
    el.call = { ...recruitmentCall, id: "call-2027-autumn" };
    await el.updateComplete;
    expect($(el, '[part="reference"]')).to.equal(null);
    expect($<HTMLInputElement>(el, "#name")!.value).to.equal("");
    expect(el.matches(":state(submitted)")).to.equal(false);
    await userEvent.fill($(el, "#name")!, "林晓雨");
    await submit(el);
    expect(fieldError(el, "consent")).to.equal("请阅读并同意隐私说明后再提交");
    expect(storage.applications()).to.have.length(1);
  });

  it("turns away a robot that fills the hidden honeypot field: nothing is sent", async () => {
    const { store, storage } = embedded();
    const el = await recruitForm({ store });
    await fillIn(el);
    const trap = $<HTMLInputElement>(el, "#website")!;
    expect(trap.tabIndex).to.equal(-1); // never reached by keyboard
    expect(trap.closest("[aria-hidden]")).not.to.equal(null); // nor by a screen reader
    await userEvent.fill(trap, "http://spam.example");
    const failed = oneEvent(el, "linli-application-failed");
    await submit(el);
    expect((await failed).detail).to.deep.equal({
      reason: "honeypot",
      fields: [],
      retryable: false,
      callId: recruitmentCall.id,
    });
    expect(text(el, '[part="notice"]')).to.equal("申请没能提交。请直接联系服务中心工作人员。");
    expect(storage.applications()).to.have.length(0);
  });

  it("refuses a submission quicker than the minimum fill time, and accepts it afterwards", async () => {
    const { store, storage } = embedded();
    const el = await recruitForm({ store, minFillMs: 60_000 });
    await fillIn(el);
    const failed = oneEvent(el, "linli-application-failed");
    await submit(el);
    expect((await failed).detail.reason).to.equal("too-fast");
    expect(text(el, '[role="alert"]')).to.contain("提交得太快了");
    expect(storage.applications()).to.have.length(0);
    el.minFillMs = 0;
    await submit(el);
    await waitUntil(() => storage.applications().length === 1);
  });

  it("shows the server's field errors on the right fields", async () => {
    // A stand-in for the server: it refuses the way @linli/server answers a 400, and the
    // error is built as the HTTP client builds it from that answer's body.
    const body = errorBody("VALIDATION_FAILED", [
      {
        code: "DUPLICATE_APPLICATION",
        path: "applicant.phone",
        message: {
          "zh-CN": "这个手机号码已经报过名了",
          en: "This phone number has already applied",
        },
      },
      {
        code: "TOO_LONG",
        path: "skills.1",
        message: {
          "zh-CN": "技能不能超过 40 个字",
          en: "Each skill must be 40 characters or fewer",
        },
      },
    ]);
    const server = {
      submitApplication: () => Promise.reject(LinliClientError.fromResponse(400, body)),
    } as unknown as LinliStore;
    const el = await recruitForm({ store: server, lang: "en" });
    await fillIn(el);
    const failed = oneEvent(el, "linli-application-failed");
    await submit(el);
    expect((await failed).detail).to.deep.equal({
      reason: "refused",
      fields: ["phone", "skills"],
      code: "VALIDATION_FAILED",
      retryable: false,
      callId: recruitmentCall.id,
    });
    await waitUntil(() => focused(el)?.id === "error-summary");
    expect(fieldError(el, "phone")).to.equal("This phone number has already applied");
    expect(fieldError(el, "skills")).to.equal("Each skill must be 40 characters or fewer");
    expect($(el, "#phone")!.getAttribute("aria-invalid")).to.equal("true");
    expect(summaryItems(el)).to.deep.equal([
      "This phone number has already applied",
      "Each skill must be 40 characters or fewer",
    ]);
    // The server's words in the other language too, when the page switches.
    el.closest("main")!.setAttribute("lang", "zh-CN");
    await waitUntil(() => fieldError(el, "phone") === "这个手机号码已经报过名了");
    // Everything typed is still there.
    expect($<HTMLInputElement>(el, "#name")!.value).to.equal("林晓雨");
    await expect(el).to.be.accessible();
  });

  it("keeps every input after a network error, and the retry reuses the idempotency key", async () => {
    const { store, storage } = embedded();
    const keys: string[] = [];
    let offline = true;
    const flaky = {
      ...store,
      submitApplication: (a: ApplicationInput, o: { idempotencyKey: string }) => {
        keys.push(o.idempotencyKey);
        return offline
          ? Promise.reject(LinliClientError.local("network"))
          : store.submitApplication(a, o);
      },
    } as LinliStore;
    const el = await recruitForm({ store: flaky });
    await fillIn(el);
    const failed = oneEvent(el, "linli-application-failed");
    await submit(el);
    expect((await failed).detail).to.deep.equal({
      reason: "network",
      fields: [],
      code: "NETWORK",
      retryable: true,
      callId: recruitmentCall.id,
    });
    await el.updateComplete;
    expect(text(el, '[role="alert"]')).to.equal(
      "申请没有发送出去，你填写的内容都还在。 网络连接失败，请检查网络后重试 重试",
    );
    expect($<HTMLInputElement>(el, "#name")!.value).to.equal("林晓雨");
    expect($<HTMLInputElement>(el, "#consent")!.checked).to.equal(true);
    await expect(el).to.be.accessible();

    offline = false;
    const submitted = oneEvent(el, "linli-application-submitted");
    await userEvent.click($(el, '[part="retry"]')!);
    await submitted;
    expect(keys).to.have.length(2);
    expect(keys[1]).to.equal(keys[0]);
    expect(keys[0]).to.match(/^[0-9a-f-]{36}$/);
    expect(storage.applications()).to.have.length(1);
  });

  it("moves focus to the notice when a retry fails again and its button goes", async () => {
    const offline = {
      submitApplication: () => Promise.reject(LinliClientError.local("network")),
    } as unknown as LinliStore;
    const el = await recruitForm({ store: offline, lang: "en" });
    await fillIn(el);
    let failed = oneEvent(el, "linli-application-failed");
    await submit(el);
    await failed;
    await el.updateComplete;
    failed = oneEvent(el, "linli-application-failed");
    await userEvent.click($(el, '[part="retry"]')!);
    expect((await failed).detail.reason).to.equal("network");
    await el.updateComplete;
    await waitUntil(() => focused(el) !== null, "focus lands");
    expect(focused(el)).to.equal($(el, '[part="notice"]'));
    expect(text(el, '[part="notice"]')).to.equal(
      "Your application was not sent. Everything you entered is still here. Could not reach the server: check the connection and try again Try again",
    );
    await expect(el).to.be.accessible();
    // The store's words follow the page's language, with the form's own.
    el.closest("main")!.setAttribute("lang", "zh-CN");
    await waitUntil(() => text(el, '[part="notice"]').startsWith("申请没有发送出去"));
    expect(text(el, '[part="notice"]')).to.contain("网络连接失败，请检查网络后重试");
  });

  it("says it is submitting, and ignores a second click meanwhile", async () => {
    const { store } = embedded();
    const calls: Array<() => void> = [];
    const slow = {
      ...store,
      submitApplication: (a: ApplicationInput, o: { idempotencyKey: string }) =>
        new Promise((res) => calls.push(() => res(store.submitApplication(a, o)))),
    } as LinliStore;
    const el = await recruitForm({ store: slow });
    await fillIn(el);
    await submit(el);
    expect(el.matches(":state(submitting)")).to.equal(true);
    expect(text(el, '[part="status"]')).to.equal("正在提交…");
    expect($(el, '[part="submit"]')!.getAttribute("aria-disabled")).to.equal("true");
    $(el, '[part="submit"]')!.click(); // aria-disabled: still clickable, but ignored
    await el.updateComplete;
    expect(calls).to.have.length(1);
    calls[0]!();
    await waitUntil(() => $(el, '[part="reference"]') !== null);
    expect(el.matches(":state(submitting)")).to.equal(false);
  });

  it("keeps the next call's form when the host switches calls while an application is on its way", async () => {
    const { store } = embedded();
    const pending: Array<{
      application: ApplicationInput;
      resolve: (r: ApplicationReceipt) => void;
      reject: (e: unknown) => void;
    }> = [];
    const slow = {
      ...store,
      submitApplication: (application: ApplicationInput) =>
        new Promise((resolve, reject) => pending.push({ application, resolve, reject })),
    } as LinliStore;
    const el = await recruitForm({ store: slow });
    const spring = { ...recruitmentCall, id: "call-2027-spring" };
    const autumn = { ...recruitmentCall, id: "call-2027-autumn" };
    const newFormAsLeft = async () => {
      await el.updateComplete;
      expect($(el, '[part="reference"]')).to.equal(null);
      expect($(el, '[part="notice"]')).to.equal(null);
      expect(el.matches(":state(submitted)")).to.equal(false);
    };

    // The answer for the first call arrives in the same turn as the switch, before the element
    // has re-rendered for the new call: only the call it was sent for tells it apart.
    await fillIn(el);
    await submit(el);
    const first = pending[0]!;
    const receipt = await store.submitApplication(first.application, {
      idempotencyKey: "apply-key-0001",
    });
    const submitted = oneEvent(el, "linli-application-submitted");
    first.resolve(receipt);
    el.call = spring;
    expect((await submitted).detail.callId).to.equal(recruitmentCall.id);
    await newFormAsLeft();
    // The resident hears that their application is in, with its reference.
    expect(text(el, '[part="status"]')).to.equal(
      `你对“${recruitmentCall.title["zh-CN"]}”的申请已经提交，申请编号 ${receipt.reference}。`,
    );
    expect($<HTMLInputElement>(el, "#name")!.value).to.equal("");
    expect(el.matches(":state(submitting)")).to.equal(false);

    // A failure for the spring call lands while the autumn call's application is on its way.
    await fillIn(el);
    await submit(el);
    el.call = autumn;
    await el.updateComplete;
    await fillIn(el);
    await submit(el);
    expect(pending.map((p) => p.application.callId)).to.deep.equal([
      recruitmentCall.id,
      spring.id,
      autumn.id,
    ]);
    const failed = oneEvent(el, "linli-application-failed");
    pending[1]!.reject(
      LinliClientError.fromCode("VALIDATION_FAILED", [
        { code: "REQUIRED", path: "idea.title", message: { "zh-CN": "请填写", en: "Enter it" } },
      ]),
    );
    expect((await failed).detail).to.deep.include({
      reason: "refused",
      fields: ["title"],
      callId: spring.id,
    });
    await newFormAsLeft();
    expect(fieldError(el, "title")).to.equal(null);
    expect(el.matches(":state(submitting)")).to.equal(true); // the autumn one still is
    expect(text(el, '[part="status"]')).to.equal("正在提交…");
    pending[2]!.resolve({
      id: "app-autumn",
      reference: "HZ-2027-0001",
      status: "submitted",
      submittedAt: "2026-12-01T10:05:00+08:00",
      nextSteps: { "zh-CN": "我们会在一周内联系你。", en: "We will call you within a week." },
    });
    await waitUntil(() => text(el, '[part="reference"]') === "HZ-2027-0001");
    expect(el.matches(":state(submitting)")).to.equal(false);
    expect(sessionStorage.getItem(`linli-recruit-form:${recruitmentCall.id}`)).to.equal(null);
  });
});

describe("<linli-recruit-form>: inside a host page's <form>", () => {
  async function hosted() {
    const wrap = await fixture<HTMLFormElement>(
      html`<form lang="zh-CN" action="/apply" method="post">
        <fieldset>
          <linli-recruit-form
            name="partner"
            .call=${recruitmentCall}
            .now=${OPEN}
            min-fill-ms="0"
          ></linli-recruit-form>
        </fieldset>
      </form>`,
    );
    const el = wrap.querySelector("linli-recruit-form")!;
    await el.updateComplete;
    return { form: wrap, el };
  }

  it("is invalid until complete, with the first problem anchored at its field", async () => {
    const { form, el } = await hosted();
    expect(el.form).to.equal(form);
    expect(form.checkValidity()).to.equal(false);
    expect(el.validationMessage).to.equal("请填写姓名");
    await fillIn(el);
    expect(form.checkValidity()).to.equal(true);
    expect(el.validationMessage).to.equal("");
  });

  it("contributes the application as JSON under its name", async () => {
    const { form, el } = await hosted();
    await fillIn(el);
    const value = JSON.parse(String(new FormData(form).get("partner")));
    expect(value.applicant).to.deep.equal({
      name: "林晓雨",
      phone: "13800009901",
      community: "桃源社区",
    });
    expect(value.consent.policyVersion).to.equal("2026-11");
  });

  it("shows its problems when the host form is submitted incomplete", async () => {
    const { form, el } = await hosted();
    let sent = false;
    form.addEventListener("submit", (e) => {
      sent = true;
      e.preventDefault();
    });
    form.requestSubmit();
    await el.updateComplete;
    expect(sent).to.equal(false);
    expect(fieldError(el, "name")).to.equal("请填写姓名");
    expect(summaryItems(el)).to.have.length(8);
  });

  it("submits the host form when it has no store of its own", async () => {
    const { form, el } = await hosted();
    await fillIn(el);
    const submitted = oneEvent(form, "submit");
    form.addEventListener("submit", (e) => e.preventDefault());
    await submit(el);
    await submitted;
  });

  it("is reset and disabled with the form", async () => {
    const { form, el } = await hosted();
    await fillIn(el);
    form.reset();
    await el.updateComplete;
    expect($<HTMLInputElement>(el, "#name")!.value).to.equal("");
    expect($<HTMLInputElement>(el, "#consent")!.checked).to.equal(false);
    expect(sessionStorage.getItem(`linli-recruit-form:${recruitmentCall.id}`)).to.equal(null);
    form.querySelector("fieldset")!.disabled = true;
    await el.updateComplete;
    expect($<HTMLInputElement>(el, "#name")!.matches(":disabled")).to.equal(true);
    expect(el.matches(":state(disabled)")).to.equal(true);
  });

  it("shows no stale choice in its selects after a reset", async () => {
    const { form, el } = await hosted();
    // Once the resident has picked the empty choice themselves, the browser ignores that
    // option's `selected` attribute: only the select's value can bring it back.
    for (const [id, value] of [
      ["cohort", "full-time-mother"],
      ["category", "crafts"],
    ] as const) {
      const select = $<HTMLSelectElement>(el, `#${id}`)!;
      await userEvent.selectOptions(select, value);
      await userEvent.selectOptions(select, "");
      await userEvent.selectOptions(select, value);
    }
    form.reset();
    await el.updateComplete;
    expect($<HTMLSelectElement>(el, "#cohort")!.value).to.equal("");
    expect($<HTMLSelectElement>(el, "#cohort")!.selectedOptions[0]!.textContent!.trim()).to.equal(
      "不愿透露",
    );
    expect($<HTMLSelectElement>(el, "#category")!.value).to.equal("");
    expect(JSON.parse(String(new FormData(form).get("partner"))).category).to.equal(undefined);
  });

  it("is enabled again when its fieldset is, and stays disabled while the host says so", async () => {
    const { form, el } = await hosted();
    const fieldset = form.querySelector("fieldset")!;
    fieldset.disabled = true;
    await el.updateComplete;
    expect($<HTMLInputElement>(el, "#name")!.matches(":disabled")).to.equal(true);
    expect(el.hasAttribute("disabled")).to.equal(false); // the fieldset's state is not the host's
    fieldset.disabled = false;
    await el.updateComplete;
    expect(el.matches(":state(disabled)")).to.equal(false);
    await userEvent.fill($(el, "#name")!, "林晓雨");
    expect($<HTMLInputElement>(el, "#name")!.value).to.equal("林晓雨");
    // The host's own `disabled` outlasts a fieldset that is disabled and enabled again.
    el.disabled = true;
    fieldset.disabled = true;
    fieldset.disabled = false;
    await el.updateComplete;
    expect(el.hasAttribute("disabled")).to.equal(true);
    expect($<HTMLInputElement>(el, "#name")!.matches(":disabled")).to.equal(true);
    expect(el.matches(":state(disabled)")).to.equal(true);
  });
});
