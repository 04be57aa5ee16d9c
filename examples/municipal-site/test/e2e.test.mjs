// End to end, as a resident: the real site and API (SQLite in a temp folder) on loopback, Debian's
// Chromium through Playwright. Browse and filter the groups, preorder from the bakery, apply as
// a partner, switch to English; then staff check through the admin API that both arrived.
// Across the whole run: no CSP violation and no console error.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { chromium } from "playwright-core";
import { contentSecurityPolicy, startSite } from "../server.mjs";
import { chromiumFlags, chromiumPath } from "./chromium.mjs";

const adminKey = randomUUID();
// The bakery takes orders from 18:00 the day before until 10:00 on the day, and the partner call
// closes at the end of 2026: the site and the browser share a clock that starts at 08:30 on a
// fixed Tuesday and then runs, so the run does not depend on when it happens.
const clockStart = Date.parse("2026-12-01T08:30:00+08:00");
const dir = mkdtempSync(join(tmpdir(), "linli-site-e2e-"));
let site, browser, context, page;
const problems = []; // console errors, CSP violations, uncaught exceptions, failed requests
const apiCalls = []; // paths the page requested

before(async () => {
  const started = Date.now();
  site = await startSite({
    port: 0,
    db: join(dir, "linli.db"),
    adminKey,
    now: () => clockStart + (Date.now() - started),
  });
  browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumFlags });
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "zh-CN" });
  // A violation fires `securitypolicyviolation` on the document; report each one to the test.
  await context.exposeBinding("__reportCsp", (_source, v) => problems.push(`CSP: ${v}`));
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      window.__reportCsp(`${e.violatedDirective} blocked ${e.blockedURI || "inline"}`),
    );
  });
  context.setDefaultTimeout(10_000);
  await context.clock.install({ time: clockStart });
  page = await context.newPage();
  page.on("console", (m) => {
    if (m.type() === "error" || /content security policy/i.test(m.text()))
      problems.push(`console.${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`uncaught: ${e.message}`));
  page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()}`));
  page.on("response", (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  page.on("request", (r) => apiCalls.push(new URL(r.url()).pathname));
});

after(async () => {
  await browser?.close();
  await site?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Admin API call, as staff would make it. */
async function admin(path) {
  const res = await fetch(`${site.url}/api${path}`, {
    headers: { authorization: `Bearer ${adminKey}` },
  });
  assert.equal(res.status, 200, `${path} answered ${res.status}`);
  return res.json();
}

test("the page is served under a strict Content-Security-Policy", async () => {
  const res = await fetch(site.url);
  const csp = res.headers.get("content-security-policy");
  assert.equal(csp, contentSecurityPolicy);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
  assert.match(csp, /script-src 'self'/);
  assert.match(csp, /style-src 'self'/);
  assert.equal(res.headers.get("x-content-type-options"), "nosniff");
  const html = await res.text();
  assert.equal(
    html.match(/<script\b[^>]*linli-elements\.js/g)?.length,
    1,
    "one script tag loads the elements",
  );
});

test("a resident opens the page in Chinese and finds the groups", async () => {
  await page.goto(site.url);
  await assert.doesNotReject(
    page.getByRole("heading", { level: 1, name: "红房子：桃源金星党群服务中心" }).waitFor(),
  );
  const directory = page.locator("linli-group-directory");
  // The whole directory from the API.
  await directory.getByText("共 62 个社群").waitFor();
  assert.equal(await directory.locator("linli-group-card").count(), 62);

  // Search by a word of a name.
  await directory.getByRole("searchbox", { name: "搜索社群" }).fill("烘焙");
  await directory.getByText(/找到 1 个社群（共 62 个）/).waitFor();
  await directory
    .locator("linli-group-card")
    .getByRole("heading", { level: 3, name: "三个妈妈烘焙工作室" })
    .waitFor();

  // Then by category instead. (The count is announced once typing pauses: wait for it.)
  await directory.getByRole("searchbox", { name: "搜索社群" }).fill("");
  await directory.getByText("共 62 个社群").waitFor();
  await directory.getByRole("combobox", { name: "类别" }).selectOption("early-education");
  const found = directory.getByText(/找到 \d+ 个社群（共 62 个）/);
  await found.waitFor();
  const count = Number(/找到 (\d+)/.exec(await found.innerText())[1]);
  assert.ok(count >= 2 && count < 62, `early-education groups: ${count}`);
  assert.equal(await directory.locator("linli-group-card").count(), count);
  await directory.getByRole("heading", { level: 3, name: "小云朵妈妈工作室" }).waitFor();
  assert.equal(
    await directory.getByRole("heading", { level: 3, name: "三个妈妈烘焙工作室" }).count(),
    0,
  );
  await directory.getByRole("button", { name: "清除筛选" }).click();
  await directory.getByText("共 62 个社群").waitFor();

  // Widgets further down wait until the resident gets there.
  assert.equal(apiCalls.includes("/api/v1/metrics"), false, "metrics not loaded yet");
  await page.locator("linli-impact-board").scrollIntoViewIfNeeded();
  await page.locator("linli-impact-board").getByRole("heading", { level: 3 }).first().waitFor();
  assert.ok(apiCalls.includes("/api/v1/metrics"));
});

let order; // what the page was told about the order: { orderId, date, ... }
let pickupCode;

test("she preorders two tiger-skin cream rolls and reads her pickup code", async () => {
  const preorder = page.locator("linli-preorder");
  await preorder.scrollIntoViewIfNeeded();
  const placed = page.evaluate(
    () =>
      new Promise((resolve) =>
        document.addEventListener("linli-order-placed", (e) => resolve(e.detail), { once: true }),
      ),
  );
  const more = preorder.getByRole("button", { name: "增加 虎皮奶油卷" });
  await more.click();
  await more.click();
  await preorder.getByRole("radio").first().check();
  await preorder.getByRole("textbox", { name: "姓名" }).fill("林晓雨");
  await preorder.getByRole("textbox", { name: "手机号码" }).fill("138 0000 9901");
  await preorder.getByRole("checkbox", { name: "我已阅读并同意隐私说明" }).check();
  await preorder.getByRole("button", { name: "提交预订" }).click();

  await preorder.getByText("预订成功", { exact: true }).waitFor();
  pickupCode = (await preorder.locator("[part=pickup-code]").innerText()).trim();
  assert.match(pickupCode, /^\d{6}$/);
  await preorder.getByText("虎皮奶油卷 × 2").waitFor();
  await preorder.getByText("¥36.00").first().waitFor();
  order = await placed;
  assert.equal(order.total.amount, 3600);
  assert.equal(order.date, "2026-12-01", "the day's menu, on the shared clock");
  assert.equal(JSON.stringify(order).includes("13800009901"), false, "no phone in the event");
});

let reference;

test("he applies as a partner with a golden idea", async () => {
  const form = page.locator("linli-recruit-form");
  await form.scrollIntoViewIfNeeded();
  const started = Date.now();
  await form.getByRole("textbox", { name: "姓名" }).fill("陈思聪");
  await form.getByRole("textbox", { name: "手机号码" }).fill("139 0000 1234");
  await form.getByRole("textbox", { name: "所在社区" }).fill("桃源社区");
  await form.getByRole("combobox", { name: /你的身份/ }).selectOption("new-employment-worker");
  await form.getByRole("textbox", { name: "金点子名称" }).fill("夜市桂花酒酿摊");
  await form
    .getByRole("textbox", { name: "详细描述" })
    .fill("在共富夜市摆一个桂花酒酿摊，周末晚上出摊，想请红房子帮忙宣传和对接场地。");
  await form.getByRole("combobox", { name: "类别" }).selectOption("employment");
  await form.getByRole("textbox", { name: /你的技能/ }).fill("做酒酿、送外卖");
  await form.getByRole("group", { name: "你什么时候有空" }).getByRole("checkbox").first().check();
  await form.getByRole("checkbox", { name: /我已阅读并同意隐私说明/ }).check();
  // The honeypot stays empty, as a person leaves it; and people take a few seconds to fill
  // a form in: the element refuses anything quicker than its min-fill time (3 s).
  assert.equal(await form.locator("#website").inputValue(), "");
  const wait = 3200 - (Date.now() - started);
  if (wait > 0) await page.waitForTimeout(wait);
  await form.getByRole("button", { name: "提交申请" }).click();

  await form.getByText("申请已提交").waitFor();
  await form.getByText("你的申请编号").waitFor();
  reference = (await form.locator("[part=reference]").innerText()).trim();
  assert.match(reference, /^[A-Z0-9-]{4,32}$/);
});

test("she switches the page to English", async () => {
  const toggle = page.getByRole("button", { name: "English", exact: true });
  assert.equal(await toggle.getAttribute("aria-pressed"), "false");
  await toggle.click();
  assert.equal(await toggle.getAttribute("aria-pressed"), "true");
  assert.equal(await page.locator("html").getAttribute("lang"), "en");
  await page
    .getByRole("heading", {
      level: 1,
      name: "The Red House: Taoyuan Jinxing Community Service Centre",
    })
    .waitFor();
  assert.match(await page.title(), /The Red House/);
  // The page's own words…
  await page.getByRole("navigation", { name: "On this page" }).waitFor();
  await page.getByRole("heading", { level: 2, name: "The Red House's groups" }).waitFor();
  assert.equal(await page.getByText("红房子的社群").isVisible(), false);
  // …and every element's.
  await page.locator("linli-group-directory").getByText("62 groups").waitFor();
  await page.getByRole("searchbox", { name: "Search groups" }).waitFor();
  await page.locator("linli-preorder").getByText("Order placed", { exact: true }).waitFor();
  await page.locator("linli-preorder").getByText("Tiger-skin cream roll × 2").waitFor();
  await page.locator("linli-recruit-form").getByText("Application submitted").waitFor();
  await page.locator("linli-schedule").scrollIntoViewIfNeeded();
  await page
    .locator("linli-schedule")
    .getByRole("button", { name: "This week", exact: true })
    .waitFor();
  await page
    .locator("linli-impact-board")
    .getByRole("heading", { level: 3, name: /Red House|Taoyuan|Banshan/ })
    .first()
    .waitFor();
  // And it stays in English on the next visit.
  await page.reload();
  await page.getByRole("heading", { level: 1, name: /The Red House/ }).waitFor();
  assert.equal(await page.locator("html").getAttribute("lang"), "en");
});

/** Scrolls to every widget so each loads (they wait until near the screen), and waits for it. */
async function showEveryWidget() {
  const ready = {
    "linli-group-directory": (el) => el.locator("linli-group-card").first(),
    "linli-preorder": (el) => el.getByRole("heading").first(),
    "linli-recruit-form": (el) => el.locator("form"),
    "linli-schedule": (el) => el.getByRole("heading", { level: 3 }).first(),
    "linli-impact-board": (el) => el.getByRole("heading", { level: 3 }).first(),
  };
  for (const [tag, shown] of Object.entries(ready)) {
    const el = page.locator(tag);
    await el.scrollIntoViewIfNeeded();
    await shown(el).waitFor();
  }
}

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve("axe-core/axe.min.js"),
  "utf8",
);

/** axe-core's WCAG 2.1 A/AA rules over the page, shadow roots included. */
async function axeViolations() {
  // Evaluated through the DevTools protocol, which the page's CSP does not govern: the page
  // itself never runs axe.
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axeSource);
  const result = await page.evaluate(() =>
    window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
      resultTypes: ["violations"], // passes are not collected: a third of the time
    }),
  );
  return result.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" > ")).join("; ")})`,
  );
}

test("every widget, rendered, passes axe in English and in Chinese", async () => {
  await showEveryWidget();
  assert.equal(await page.locator("html").getAttribute("lang"), "en");
  assert.deepEqual(await axeViolations(), []);
  await page.getByRole("button", { name: "English", exact: true }).click();
  assert.equal(await page.locator("html").getAttribute("lang"), "zh-CN");
  await page
    .locator("linli-impact-board")
    .getByRole("heading", { level: 3, name: /红房子|桃源|半山/ })
    .first()
    .waitFor();
  assert.deepEqual(await axeViolations(), []);
});

test("staff see the order and the application through the admin API", async () => {
  const roster = await admin(`/v1/admin/groups/three-moms-baking/roster?date=${order.date}`);
  const stored = roster.orders.find((o) => o.id === order.orderId);
  assert.ok(stored, "the order is on the day's roster");
  assert.equal(stored.pickupCode, pickupCode);
  assert.equal(stored.contact.name, "林晓雨");
  assert.deepEqual(
    stored.lines.map((l) => [l.itemId, l.quantity]),
    [["tiger-roll", 2]],
  );
  assert.equal(stored.status, "placed");

  const { applications } = await admin("/v1/admin/applications");
  const application = applications.find((a) => a.reference === reference);
  assert.ok(application, `application ${reference} is stored`);
  assert.equal(application.idea.title, "夜市桂花酒酿摊");
  assert.equal(application.applicant.name, "陈思聪");
  assert.equal(application.status, "submitted");

  // Without the key, nothing.
  const refused = await fetch(`${site.url}/api/v1/admin/applications`);
  assert.equal(refused.status, 401);
});

test("the bakery's own page loads only the preorder's script-tag file, and takes orders", async () => {
  const scripts = [];
  const onRequest = (r) => {
    const path = new URL(r.url()).pathname;
    if (path.startsWith("/vendor/linli/")) scripts.push(path.slice("/vendor/linli/".length));
  };
  page.on("request", onRequest);
  try {
    await page.goto(`${site.url}/bakery.html`);
    await page.getByRole("heading", { level: 1, name: "三个妈妈烘焙工作室" }).waitFor();
    const preorder = page.locator("linli-preorder");
    await preorder.getByRole("heading", { level: 2 }).first().waitFor();
    await preorder.getByText("虎皮奶油卷", { exact: true }).first().waitFor();
    // Its own file, and what it loads on demand (the HTTP client, for `api`); not every element.
    assert.equal(scripts[0], "linli-preorder.js");
    assert.ok(!scripts.includes("linli-elements.js"), scripts.join(", "));
    assert.ok(
      scripts.every((s) => s === "linli-preorder.js" || s.startsWith("on-demand-")),
      scripts.join(", "),
    );
    assert.equal(await page.evaluate(() => customElements.get("linli-group-card")), undefined);
    assert.deepEqual(await axeViolations(), []);
    // The rules and the client it loads on demand take a real order.
    await preorder.getByRole("button", { name: "增加 虎皮奶油卷" }).click();
    await preorder.getByRole("radio").first().check();
    await preorder.getByRole("textbox", { name: "姓名" }).fill("周阿姨");
    await preorder.getByRole("textbox", { name: "手机号码" }).fill("139 0000 1234");
    await preorder.getByRole("checkbox", { name: "我已阅读并同意隐私说明" }).check();
    await preorder.getByRole("button", { name: "提交预订" }).click();
    await preorder.getByText("预订成功", { exact: true }).waitFor();
    await preorder.getByText("¥18.00").first().waitFor();
    const code = (await preorder.locator("[part=pickup-code]").innerText()).trim();
    assert.match(code, /^\d{6}$/);
    const roster = await admin(`/v1/admin/groups/three-moms-baking/roster?date=${order.date}`);
    assert.ok(roster.orders.some((o) => o.pickupCode === code && o.total.amount === 1800));
  } finally {
    page.off("request", onRequest);
  }
});

test("the privacy notice the forms link to is there, in both languages", async () => {
  // The page was last switched back to Chinese: the notice opens in Chinese too.
  await page.goto(`${site.url}/privacy`);
  await page.getByRole("heading", { level: 1, name: "隐私说明（2026-11 版）" }).waitFor();
  await page.getByRole("button", { name: "English", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Privacy notice (version 2026-11)" }).waitFor();
});

test("across the whole run: no CSP violation, no console error, no failed request", async () => {
  assert.deepEqual(problems, []);
  // And the watch works: an inline style attribute is refused, and reported.
  await page.evaluate(() => document.body.setAttribute("style", "color: red"));
  await page.waitForTimeout(200);
  assert.ok(
    problems.some((p) => p.startsWith("CSP: style-src")),
    `the CSP watch caught nothing: ${problems.join("; ")}`,
  );
});
