import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  adminRoutes,
  errorBody,
  OrderReceiptSchema,
  routePath,
  SettlementSchema,
  validate,
} from "@linli/core";
import { bakeryMenu, partners } from "@linli/core/fixtures";
import {
  createApp,
  createSqliteStorage,
  demoSeed,
  startServer,
  type RunningServer,
} from "../src/index.js";
import type { LinliStorage } from "../src/index.js";
import { demoServer } from "./helpers.js";

// 2026-12-01 08:30 in Shanghai: the bakery's menu for the day is open until 10:00.
let clock = Date.parse("2026-12-01T08:30:00+08:00");
let storage: LinliStorage;
let server: RunningServer;
const KEY = "admin-key-for-tests";
const logs: Record<string, string | number>[] = [];
const SITE = "https://www.gongshu.gov.cn";

let close: () => Promise<void>;

beforeAll(async () => {
  ({ storage, server, close } = await demoServer(() => clock, KEY, {
    log: (e) => logs.push({ ...e }),
    corsOrigins: [SITE],
  }));
});
afterAll(() => close());

const call = async (path: string, init: RequestInit & { json?: unknown } = {}) => {
  const headers = new Headers(init.headers);
  if (init.json !== undefined) headers.set("content-type", "application/json");
  const r = await fetch(server.url + path, {
    ...init,
    headers,
    body: init.json !== undefined ? JSON.stringify(init.json) : init.body,
  });
  const text = await r.text();
  return { status: r.status, text, json: text ? JSON.parse(text) : undefined };
};
const admin = { authorization: `Bearer ${KEY}` };

/** Moves an order through confirmed and ready to collected, as the hub's staff would. */
async function collect(orderId: string) {
  for (const status of ["confirmed", "ready", "collected"]) {
    const moved = await call(`/v1/admin/orders/${orderId}/status`, {
      method: "POST",
      headers: admin,
      json: { status },
    });
    expect(moved.status, status).toBe(200);
    expect(moved.json.status).toBe(status);
  }
}
const menuId = bakeryMenu("2026-12-01").id;
const order = (name: string, phone: string, quantity = 1) => ({
  menuId,
  slotId: "s1600",
  lines: [{ itemId: "egg-tart", quantity }],
  contact: { name, phone },
  note: "少糖",
  consent: { given: true, policyVersion: "2026-11", at: "2026-12-01T08:29:00+08:00" },
});

describe("public routes keep personal data private", () => {
  it("never return a submitted phone or name on any public route", async () => {
    const placed = await call("/v1/orders", {
      method: "POST",
      headers: { "idempotency-key": "privacy-0001" },
      json: order("欧阳小雪", "139 1234 5678"),
    });
    expect(placed.status).toBe(201);
    const app = await call("/v1/applications", {
      method: "POST",
      json: {
        ...(await import("@linli/core/fixtures")).sampleApplication,
        applicant: { name: "司马青青", phone: "13712345678", community: "桃源社区" },
      },
    });
    expect(app.status).toBe(201);
    const publicPaths = [
      "/v1/hub",
      "/v1/groups",
      "/v1/groups/three-moms-baking",
      "/v1/groups/three-moms-baking/menu",
      "/v1/groups/three-moms-baking/menu?date=2026-12-01",
      `/v1/orders/${placed.json.id}?code=${placed.json.pickupCode}`,
      "/v1/recruitment",
      "/v1/metrics?from=2026-10&to=2026-12",
      "/openapi.json",
      "/health",
    ];
    const seen = [placed.text, app.text];
    for (const p of publicPaths) {
      const r = await call(p);
      expect(r.status, p).toBe(200);
      seen.push(r.text);
    }
    for (const text of seen) {
      for (const secret of [
        "13912345678",
        "139 1234 5678",
        "欧阳小雪",
        "13712345678",
        "司马青青",
        "少糖",
      ])
        expect(text).not.toContain(secret);
      // No fixture partner's phone either (138 0000 xxxx), nor their full name: public views
      // give a display name ("胡老师") or a masked one, in group texts too.
      expect(text).not.toMatch(/1380000\d{4}/);
      for (const p of partners) expect(text).not.toContain(p.name);
    }
    // Names in public group views are display names or masked.
    const groups = await call("/v1/groups");
    expect(groups.json.groups[0].organisers.map((o: { name: string }) => o.name)).toEqual([
      "胡老师",
      "周**",
      "王*",
    ]);
  });

  it("logs routes and statuses, not people", () => {
    const text = JSON.stringify(logs);
    expect(logs.some((l) => l["route"] === "/v1/orders" && l["status"] === 201)).toBe(true);
    expect(text).not.toContain("139");
    expect(text).not.toContain("欧阳");
  });
});

describe("metrics", () => {
  it("start counting where the records start, so earlier months are not zero income", async () => {
    // The demo seed records sales, sessions and requests from 2026-10-01 (core's Gongshu
    // activity): June to November is worked out by hand in core's metrics tests.
    const r = await call("/v1/metrics?from=2026-06&to=2026-11");
    expect(r.status).toBe(200);
    const mean = r.json.metrics.find(
      (m: { definition: { id: string } }) => m.definition.id === "income-uplift.mean",
    );
    expect(mean.figure).toMatchObject({ available: true, value: 113943 });
    const june = mean.series.find((s: { month: string }) => s.month === "2026-06");
    expect(june.figure).toMatchObject({ available: false, reason: "NOT_RECORDED" });
  });
});

describe("metrics periods", () => {
  it("refuse more than 60 months at the parameter that asked for them, in both languages", async () => {
    const whole = await call("/v1/metrics?from=0001-01&to=9999-12");
    expect([whole.status, whole.json.error.code]).toEqual([400, "VALIDATION_FAILED"]);
    expect(whole.json.error.issues).toEqual([
      expect.objectContaining({
        code: "PERIOD_TOO_LONG",
        path: "to",
        message: {
          "zh-CN": "一次最多查询 60 个月（0001-01 至 9999-12 共 119988 个月）",
          en: "A period can be at most 60 months long (0001-01 to 9999-12 is 119988)",
        },
      }),
    ]);
    // A `from` alone runs to this month (2026-12): refused at `from`.
    const since = await call("/v1/metrics?from=0001-01");
    expect([since.status, since.json.error.issues[0].path]).toEqual([400, "from"]);
    expect(since.json.error.issues[0].message.en).toBe(
      "A period can be at most 60 months long (0001-01 to 2026-12 is 24312)",
    );
    expect((await call("/v1/metrics?from=2022-01&to=2026-12")).status).toBe(200);
    expect((await call("/v1/metrics?from=2022-01")).status).toBe(200);
  });
});

describe("metrics in another currency", () => {
  it("reports in the currency the hub's ledger is kept in, not always yuan", async () => {
    // The same hub, its books and its partners' income baselines kept in Macau patacas.
    const inPatacas = <T>(x: T): T => JSON.parse(JSON.stringify(x).replaceAll('"CNY"', '"MOP"'));
    const seed = demoSeed(clock);
    const other = createSqliteStorage({ filename: ":memory:" });
    await other.migrate();
    await other.seed({
      ...seed,
      partners: inPatacas(seed.partners),
      ledger: inPatacas(seed.ledger ?? []),
    });
    const app = createApp({ storage: other, now: () => clock });
    const r = await app.request("/v1/metrics?from=2026-06&to=2026-11");
    expect(r.status).toBe(200);
    const snapshot = (await r.json()) as {
      currency: string;
      metrics: { definition: { id: string }; figure: unknown }[];
    };
    expect(snapshot.currency).toBe("MOP");
    // Counted, not left out as entries in a foreign currency: the same figure as in yuan.
    expect(
      snapshot.metrics.find((m) => m.definition.id === "income-uplift.mean")!.figure,
    ).toMatchObject({ available: true, value: 113943 });
    await other.close();
  });
});

describe("admin", () => {
  it("refuses to mark collected an order whose group has no split rule set, and keeps it as it was", async () => {
    // The little cloud studio's organiser has no rule set; a menu of its own to order from.
    const menu = { ...bakeryMenu("2026-12-01"), id: "cloud-bake", groupId: "little-cloud-studio" };
    const put = await call("/v1/admin/menus/cloud-bake", {
      method: "PUT",
      headers: admin,
      json: menu,
    });
    expect(put.status).toBe(200);
    const placed = await call("/v1/orders", {
      method: "POST",
      headers: { "idempotency-key": "cloud-0001" },
      json: { ...order("林晓雨", "13800009901"), menuId: "cloud-bake" },
    });
    expect(placed.status).toBe(201);
    const move = (status: string) =>
      call(`/v1/admin/orders/${placed.json.id}/status`, {
        method: "POST",
        headers: admin,
        json: { status },
      });
    expect((await move("confirmed")).status).toBe(200);
    expect((await move("ready")).status).toBe(200);
    const refused = await move("collected");
    expect([refused.status, refused.json.error.code]).toEqual([409, "TRANSITION_REFUSED"]);
    expect(refused.json.error.issues[0]).toMatchObject({ code: "NO_RULE_SET", path: "status" });
    expect(refused.json.error.message).toEqual({
      "zh-CN": "这个社群还没有分账规则：请先为它的主理人设置分账规则，再标记为已取货",
      en: "This group has no revenue-split rule set: give its organisers one before marking orders collected",
    });
    expect((await storage.getOrder(placed.json.id))?.status).toBe("ready");
    expect((await storage.listLedger()).some((e) => e.saleId === placed.json.id)).toBe(false);

    // What the message asks for, over the API: a rule set, then the organiser pointed at it.
    const listed = await call("/v1/admin/partners", { headers: admin });
    expect(listed.status).toBe(200);
    const ge = listed.json.partners.find((p: { id: string }) => p.id === "ge-mengwei");
    expect(ge).toMatchObject({ name: "葛梦伟", contact: { phone: expect.any(String) } });
    expect(ge.splitRuleSetId).toBeUndefined();
    // The bakery's terms, with Ge as the partner party instead of the mothers.
    const bakerySet = (await storage.listRuleSets()).find((s) => s.id === "three-moms-bakery")!;
    const studioSet = {
      ...bakerySet,
      id: "little-cloud-studio",
      parties: bakerySet.parties.map((p) =>
        p.kind === "partner" ? { ...p, name: { "zh-CN": "葛老师" }, partnerId: "ge-mengwei" } : p,
      ),
    };
    const putPartner = (json: unknown) =>
      call("/v1/admin/partners/ge-mengwei", { method: "PUT", headers: admin, json });

    // A rule set that does not exist yet is refused, at its field, and nothing is written.
    const early = await putPartner({ ...ge, splitRuleSetId: "little-cloud-studio" });
    expect([early.status, early.json.error.code]).toEqual([404, "NOT_FOUND"]);
    expect(early.json.error.issues).toMatchObject([
      { code: "UNKNOWN_REFERENCE", path: "splitRuleSetId" },
    ]);
    expect(early.json.error.issues[0].message).toEqual({
      "zh-CN": "找不到编号为 little-cloud-studio 的分账规则",
      en: "There is no split rule set with the id little-cloud-studio",
    });
    // Every unknown reference at once, each at its own field.
    const stray = await putPartner({
      ...ge,
      groupIds: [...ge.groupIds, "no-such-group"],
      splitRuleSetId: "no-such-set",
    });
    expect(stray.status).toBe(404);
    expect(stray.json.error.issues.map((i: { path: string }) => i.path)).toEqual([
      `groupIds.${ge.groupIds.length}`,
      "splitRuleSetId",
    ]);
    expect(stray.json.error.issues[0].message).toEqual({
      "zh-CN": "找不到编号为 no-such-group 的社群",
      en: "There is no group with the id no-such-group",
    });
    expect((await storage.listPartners()).find((p) => p.id === "ge-mengwei")).toEqual(ge);

    // Another group's set would pay Ge's sales to the mothers.
    const theirs = await putPartner({ ...ge, splitRuleSetId: "three-moms-bakery" });
    expect([theirs.status, theirs.json.error.issues[0]]).toMatchObject([
      400,
      { code: "RULE_SET_NOT_THEIRS", path: "splitRuleSetId" },
    ]);
    expect((await storage.listPartners()).find((p) => p.id === "ge-mengwei")).toEqual(ge);
    const set = await call("/v1/admin/split-rule-sets/little-cloud-studio", {
      method: "PUT",
      headers: admin,
      json: studioSet,
    });
    expect(set.status).toBe(200);
    const linked = await putPartner({ ...ge, splitRuleSetId: "little-cloud-studio" });
    expect([linked.status, linked.json.splitRuleSetId]).toEqual([200, "little-cloud-studio"]);

    const collected = await move("collected");
    expect([collected.status, collected.json.status]).toEqual([200, "collected"]);
    const posted = (await storage.listLedger()).filter((e) => e.saleId === placed.json.id);
    expect(posted.find((e) => e.account === "cash")).toMatchObject({
      amount: placed.json.total.amount,
      ruleSetId: "little-cloud-studio",
    });
  });

  it("refuses a partner whose path and body name different ids, and lists partners to staff only", async () => {
    const [first] = await storage.listPartners();
    const other = await call(`/v1/admin/partners/someone-else`, {
      method: "PUT",
      headers: admin,
      json: first,
    });
    expect([other.status, other.json.error.issues[0].path]).toEqual([400, "id"]);
    expect((await storage.listPartners()).some((p) => p.id === "someone-else")).toBe(false);
    // Every partner as stored can be put back as it is: the checks refuse nothing real.
    for (const p of await storage.listPartners()) {
      const again = await call(`/v1/admin/partners/${p.id}`, {
        method: "PUT",
        headers: admin,
        json: p,
      });
      expect(again.status, p.id).toBe(200);
    }
    const unsigned = await call("/v1/admin/partners");
    expect([unsigned.status, unsigned.json]).toEqual([401, errorBody("UNAUTHORIZED")]);
  });

  it("refuses every admin route without a valid key, before reading anything", async () => {
    for (const [id, r] of Object.entries(adminRoutes)) {
      const tries: Record<string, string>[] = [
        {},
        { authorization: "Bearer wrong" },
        { authorization: KEY },
      ];
      for (const headers of tries) {
        const res = await call(routePath(r, { id: "three-moms-baking" }), {
          method: r.method,
          headers,
          ...(r.method !== "GET" && { json: {} }),
        });
        // The fixed refusal and nothing else: no partner, no phone, whole or masked.
        expect([id, res.status, res.json]).toEqual([id, 401, errorBody("UNAUTHORIZED")]);
      }
    }
  });

  it("moves an order to collection, posts the sale, and settles it", async () => {
    const placed = await call("/v1/orders", {
      method: "POST",
      headers: { "idempotency-key": "collect-0001" },
      json: order("林晓雨", "13800009901", 12),
    });
    expect(placed.status).toBe(201);
    expect(placed.json.total).toEqual({ amount: 6000, currency: "CNY" });
    await collect(placed.json.id);
    const refused = await call(`/v1/admin/orders/${placed.json.id}/status`, {
      method: "POST",
      headers: admin,
      json: { status: "cancelled" },
    });
    expect(refused.status).toBe(409);
    expect(refused.json.error.message.en).toBe("Cannot change from “Collected” to “Cancelled”");
    // The mothers keep the first ¥3,000 of a month whole; ¥0.20 goes to the payment platform.
    const s = await call(
      "/v1/admin/settlements?ruleSetId=three-moms-bakery&partyId=moms&period=2026-12",
      { headers: admin },
    );
    expect(s.status).toBe(200);
    expect(validate(SettlementSchema, s.json).ok).toBe(true);
    expect(s.json).toMatchObject({ gross: 6000, fees: 20, netPayable: 5980 });
    const refund = await call(`/v1/admin/orders/${placed.json.id}/refunds`, {
      method: "POST",
      headers: { ...admin, "idempotency-key": "refund-0001" },
      json: { amount: { amount: 500, currency: "CNY" } },
    });
    expect(refund.status).toBe(201);
    const after = await call(
      "/v1/admin/settlements?ruleSetId=three-moms-bakery&partyId=moms&period=2026-12",
      { headers: admin },
    );
    // The refund is shared as the sale was: 5980/6000 of ¥5.00 from the mothers (¥4.98), the rest from the platform.
    expect(after.json).toMatchObject({ refunds: 498, netPayable: 5482 });
  });

  it("refunds a sale under the rule set it was posted under, after the group has moved on", async () => {
    const placed = await call("/v1/orders", {
      method: "POST",
      headers: { "idempotency-key": "collect-0002" },
      json: order("林晓雨", "13800009901", 2),
    });
    expect(placed.status).toBe(201);
    await collect(placed.json.id);
    const settled = async () =>
      (
        await call(
          "/v1/admin/settlements?ruleSetId=three-moms-bakery&partyId=moms&period=2026-12",
          { headers: admin },
        )
      ).json as { refunds: number };
    const refundsBefore = (await settled()).refunds;
    // The mothers move to a rule set of their own for 2027; this sale stays under the old one.
    const seed = demoSeed(clock);
    const old = seed.ruleSets!.find((r) => r.id === "three-moms-bakery")!;
    await storage.seed({
      ...seed,
      menus: [],
      ruleSets: [{ ...old, id: "three-moms-bakery-2027" }],
      partners: seed.partners.map((p) =>
        p.splitRuleSetId === "three-moms-bakery"
          ? { ...p, splitRuleSetId: "three-moms-bakery-2027" }
          : p,
      ),
      ledger: [],
    });
    const refund = await call(`/v1/admin/orders/${placed.json.id}/refunds`, {
      method: "POST",
      headers: { ...admin, "idempotency-key": "refund-0002" },
      json: { amount: { amount: 1000, currency: "CNY" } },
    });
    expect(refund.status).toBe(201);
    expect(refund.json).toMatchObject({ saleId: placed.json.id, ruleSetId: "three-moms-bakery" });
    expect((await settled()).refunds).toBeGreaterThan(refundsBefore);
    // Put the mothers back on their rule set for the tests that follow.
    await storage.seed({ ...seed, menus: [], ledger: [] });
  });

  it("refuses a refund key sent again for another order, and refunds nothing there", async () => {
    const ids: string[] = [];
    for (const key of ["collect-0003", "collect-0004"]) {
      const placed = await call("/v1/orders", {
        method: "POST",
        headers: { "idempotency-key": key },
        json: order("林晓雨", "13800009901", 2),
      });
      expect(placed.status).toBe(201);
      await collect(placed.json.id);
      ids.push(placed.json.id);
    }
    const refund = (id: string) =>
      call(`/v1/admin/orders/${id}/refunds`, {
        method: "POST",
        headers: { ...admin, "idempotency-key": "refund-0003" },
        json: { amount: { amount: 300, currency: "CNY" } },
      });
    const first = await refund(ids[0]!);
    expect([first.status, first.json.saleId]).toEqual([201, ids[0]]);
    expect((await refund(ids[0]!)).text).toBe(first.text); // the same request again: replayed
    const other = await refund(ids[1]!);
    expect([other.status, other.json.error.code]).toEqual([422, "IDEMPOTENCY_KEY_REUSED"]);
    expect(other.json.error.message).toEqual({
      "zh-CN": "这个请求编号已用于另一份不同的请求",
      en: "This idempotency key was already used for a different request",
    });
    expect(await storage.listRefunds(ids[1]!)).toEqual([]);
    expect(await storage.listRefunds(ids[0]!)).toHaveLength(1);
  });

  it("gives the organiser today's roster with masked phones", async () => {
    const r = await call("/v1/admin/groups/three-moms-baking/roster?date=2026-12-01", {
      headers: admin,
    });
    expect(r.status).toBe(200);
    expect(r.json.text.split("\n")[0]).toMatch(
      /^三个妈妈烘焙工作室 2026-12-01 取货名单（共 \d+ 单）$/,
    );
    expect(r.json.text).toContain("【16:00–17:00】");
    expect(r.json.text).toMatch(/\d{6} 138\*\*\*\*9901 葡式蛋挞×12/);
  });

  it("moves applications through review and refuses a skipped step", async () => {
    const list = await call("/v1/admin/applications?status=submitted", { headers: admin });
    const id = list.json.applications[0].id;
    expect(
      (
        await call(`/v1/admin/applications/${id}/status`, {
          method: "POST",
          headers: admin,
          json: { status: "onboarded" },
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await call(`/v1/admin/applications/${id}/status`, {
          method: "POST",
          headers: admin,
          json: { status: "reviewing" },
        })
      ).json.status,
    ).toBe("reviewing");
  });
});

describe("recruitment", () => {
  const apply = async (key: string, over: Record<string, unknown> = {}) => {
    const { sampleApplication } = await import("@linli/core/fixtures");
    return call("/v1/applications", {
      method: "POST",
      headers: { "idempotency-key": key },
      json: { ...sampleApplication, ...over },
    });
  };
  const stored = async () =>
    (await call("/v1/admin/applications", { headers: admin })).json.applications.length;

  it("takes applications only between the call's opening and its deadline", async () => {
    const before = await stored();
    const today = clock;
    try {
      clock = Date.parse("2026-11-01T08:59:00+08:00"); // the call opens at 09:00
      const early = await apply("apply-early-01");
      expect([early.status, early.json.error.code]).toEqual([409, "APPLICATIONS_NOT_OPEN"]);
      expect(early.json.error.message).toEqual({
        "zh-CN": "招募将于 11月1日 09:00 开始接受申请",
        en: expect.stringMatching(/^Applications open at .*9:00/),
      });
      expect(early.json.error.issues[0].path).toBe("callId");
      clock = Date.parse("2026-12-31T17:00:01+08:00"); // a second after the deadline
      const late = await apply("apply-late-001");
      expect([late.status, late.json.error.code]).toEqual([409, "APPLICATIONS_CLOSED"]);
      expect(late.json.error.message["zh-CN"]).toBe("招募已于 12月31日 17:00 截止");
      expect(late.json.error.message.en).toMatch(/^Applications closed at /);
      expect(await stored()).toBe(before);
      // Sent in time and retried after the deadline: the first answer, not a refusal.
      clock = Date.parse("2026-12-31T16:59:00+08:00");
      const inTime = await apply("apply-in-time1");
      expect(inTime.status).toBe(201);
      clock = Date.parse("2026-12-31T17:05:00+08:00");
      expect((await apply("apply-in-time1")).text).toBe(inTime.text);
      expect(await stored()).toBe(before + 1);
    } finally {
      clock = today;
    }
  });

  it("takes applications for a call published over the API, and no longer for the one it replaced", async () => {
    const current = (await call("/v1/recruitment")).json;
    const next = {
      ...current,
      id: "spring-2027",
      title: { "zh-CN": "2027 春季合伙人招募令", en: "Spring 2027 partner call" },
      privacyPolicy: { ...current.privacyPolicy, version: "2027-01" },
    };
    const put = (json: unknown, headers: Record<string, string> = admin) =>
      call("/v1/admin/recruitment", { method: "PUT", headers, json });
    expect((await put(next, {})).status).toBe(401);
    const bad = await put({ ...next, title: undefined });
    expect([bad.status, bad.json.error.issues[0].path]).toEqual([400, "title"]);
    const never = await put({ ...next, deadline: next.opensAt });
    expect([never.status, never.json.error.issues[0]]).toMatchObject([
      400,
      { code: "DEADLINE_BEFORE_OPENING", path: "deadline" },
    ]);
    const elsewhere = await put({ ...next, hubId: "wulin-night-market" });
    expect([elsewhere.status, elsewhere.json.error.issues[0]]).toMatchObject([
      404,
      {
        path: "hubId",
        message: {
          "zh-CN": "找不到编号为 wulin-night-market 的服务中心",
          en: "There is no hub with the id wulin-night-market",
        },
      },
    ]);
    expect((await call("/v1/recruitment")).json.id).toBe(current.id);
    const taken = await apply("apply-before-switch");
    expect(taken.status).toBe(201);
    try {
      expect((await put(next)).status).toBe(200);
      // A retry of an application taken before the switch gets its receipt, not a 404.
      const retried = await apply("apply-before-switch");
      expect([retried.status, retried.text]).toEqual([201, taken.text]);
      expect((await call("/v1/recruitment")).json.title.en).toBe("Spring 2027 partner call");
      const consent = { given: true, policyVersion: "2027-01", at: "2026-12-01T08:20:00+08:00" };
      const stale = await apply("apply-spring-01", { consent });
      expect([stale.status, stale.json.error.issues[0].path]).toEqual([404, "callId"]);
      const fresh = await apply("apply-spring-02", { callId: "spring-2027", consent });
      expect(fresh.status).toBe(201);
    } finally {
      expect((await put(current)).status).toBe(200);
    }
  });

  it("refuses consent to another version of the privacy notice than the call's", async () => {
    const before = await stored();
    const r = await apply("apply-policy-1", {
      consent: { given: true, policyVersion: "2025-01", at: "2026-11-28T10:15:00+08:00" },
    });
    expect([r.status, r.json.error.code]).toEqual([400, "VALIDATION_FAILED"]);
    expect(r.json.error.issues).toEqual([
      expect.objectContaining({
        code: "POLICY_VERSION_MISMATCH",
        path: "consent.policyVersion",
        message: {
          "zh-CN": "隐私说明已更新（现为 2026-11 版），请重新阅读并同意后再提交",
          en: "The privacy notice has changed (it is now version 2026-11): read and agree to it again before you submit",
        },
      }),
    ]);
    expect(await stored()).toBe(before);
  });
});

describe("protocol", () => {
  it("answers in the error shape for wrong media types, bad JSON, oversized bodies and unknown routes", async () => {
    const text = await call("/v1/orders", {
      method: "POST",
      headers: { "content-type": "text/plain", "idempotency-key": "x-00000001" },
      body: "hi",
    });
    expect([text.status, text.json.error.code]).toEqual([415, "UNSUPPORTED_MEDIA_TYPE"]);
    const bad = await call("/v1/orders", {
      method: "POST",
      headers: { "content-type": "application/json", "idempotency-key": "x-00000002" },
      body: "{",
    });
    expect([bad.status, bad.json.error.code]).toEqual([400, "INVALID_JSON"]);
    const big = await call("/v1/applications", {
      method: "POST",
      json: { blob: "x".repeat(200_000) },
    });
    expect([big.status, big.json.error.code]).toEqual([413, "PAYLOAD_TOO_LARGE"]);
    const missing = await call("/v1/nothing-here");
    expect([missing.status, missing.json.error.code]).toEqual([404, "NOT_FOUND"]);
    const noKey = await call("/v1/orders", {
      method: "POST",
      json: order("林晓雨", "13800009901"),
    });
    expect(noKey.status).toBe(400);
    expect(noKey.json.error.issues[0].path).toBe("headers.idempotency-key");
  });

  it("answers a known address asked with another method with 405 and the methods it takes", async () => {
    for (const [method, path, allow] of [
      ["DELETE", "/v1/hub", "GET, HEAD, OPTIONS"],
      ["POST", "/v1/hub", "GET, HEAD, OPTIONS"],
      ["PATCH", "/v1/orders", "POST, OPTIONS"],
      ["GET", "/v1/orders", "POST, OPTIONS"],
      ["PUT", "/v1/groups/three-moms-baking", "GET, HEAD, OPTIONS"],
    ] as const) {
      const r = await fetch(server.url + path, { method });
      expect([r.status, r.headers.get("allow")], `${method} ${path}`).toEqual([405, allow]);
      const { error } = (await r.json()) as { error: { code: string; message: { en: string } } };
      expect(error.code).toBe("METHOD_NOT_ALLOWED");
      expect(error.message.en).toBe(
        "This address does not take that method (see the Allow header)",
      );
    }
    // An address the API does not have stays a 404, whatever the method.
    expect((await fetch(server.url + "/v1/nothing-here", { method: "DELETE" })).status).toBe(404);
  });

  it("serves the OpenAPI document and health", async () => {
    const doc = await call("/openapi.json");
    expect(doc.json.openapi).toBe("3.1.0");
    expect(Object.keys(doc.json.paths)).toContain("/v1/orders");
    expect((await call("/health")).json).toEqual({ ok: true, storage: "sqlite", version: "0.0.0" });
  });

  it("returns receipts that match the contract", async () => {
    const r = await call("/v1/orders", {
      method: "POST",
      headers: { "idempotency-key": "receipt-0001" },
      json: order("林晓雨", "13800009901"),
    });
    expect(validate(OrderReceiptSchema, r.json).ok).toBe(true);
  });

  it("limits public POSTs per client", async () => {
    const limited = await startServer({
      storage,
      port: 0,
      now: () => clock,
      rateLimitPerMinute: 2,
    });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) {
        const r = await fetch(`${limited.url}/v1/orders`, {
          method: "POST",
          headers: { "content-type": "application/json", "idempotency-key": `rate-000${i}` },
          body: "{}",
        });
        statuses.push(r.status);
      }
      expect(statuses).toEqual([400, 400, 429]);
    } finally {
      await limited.close();
    }
  });

  it("says when to try again, and behind a proxy limits each resident, not the proxy", async () => {
    const send = (url: string, forwardedFor?: string) =>
      fetch(`${url}/v1/orders`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "idempotency-key": "rate-proxy-0",
          ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}),
        },
        body: "{}",
      });
    const proxied = await startServer({
      storage,
      port: 0,
      now: () => clock,
      rateLimitPerMinute: 2,
      trustProxy: true,
    });
    try {
      // The proxy appends the address it was reached from; what a client put first is not trusted.
      const first = ["203.0.113.7", "10.0.0.1, 203.0.113.7", "10.0.0.2, 203.0.113.7"];
      const statuses: number[] = [];
      let refused: Response | undefined;
      for (const f of first) {
        const r = await send(proxied.url, f);
        statuses.push(r.status);
        if (r.status === 429) refused = r;
      }
      expect(statuses).toEqual([400, 400, 429]);
      const body = (await refused!.json()) as { error: { code: string } };
      expect(body.error.code).toBe("RATE_LIMITED");
      const retryAfter = Number(refused!.headers.get("retry-after"));
      expect(Number.isInteger(retryAfter)).toBe(true);
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      // Another resident behind the same proxy still gets through.
      expect((await send(proxied.url, "198.51.100.4")).status).toBe(400);
    } finally {
      await proxied.close();
    }
    // Without trustProxy the header is ignored: everyone on this socket address shares one limit.
    const direct = await startServer({ storage, port: 0, now: () => clock, rateLimitPerMinute: 1 });
    try {
      expect((await send(direct.url, "203.0.113.8")).status).toBe(400);
      const second = await send(direct.url, "198.51.100.5");
      expect(second.status).toBe(429);
      expect(Number(second.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    } finally {
      await direct.close();
    }
  });
});

void clock;

describe("browsers", () => {
  it("let the embedding site call the API, and no other", async () => {
    const preflight = (origin: string) =>
      fetch(`${server.url}/v1/orders`, {
        method: "OPTIONS",
        headers: {
          origin,
          "access-control-request-method": "POST",
          "access-control-request-headers": "content-type,idempotency-key",
        },
      });
    const ok = await preflight(SITE);
    expect(ok.status).toBe(204);
    expect(ok.headers.get("access-control-allow-origin")).toBe(SITE);
    expect(ok.headers.get("access-control-allow-methods")).toBe("GET,POST,PUT");
    expect(ok.headers.get("access-control-allow-headers")).toBe(
      "content-type,idempotency-key,authorization",
    );
    expect(ok.headers.get("access-control-max-age")).toBe("600");
    expect(ok.headers.get("vary")).toBe("Origin");
    const other = await preflight("https://evil.example");
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
    expect(other.headers.get("access-control-allow-methods")).toBeNull();

    const read = async (origin: string) => fetch(`${server.url}/v1/hub`, { headers: { origin } });
    const mine = await read(SITE);
    expect([mine.status, mine.headers.get("access-control-allow-origin")]).toEqual([200, SITE]);
    expect(mine.headers.get("vary")).toBe("Origin");
    const theirs = await read("https://evil.example");
    expect([theirs.status, theirs.headers.get("access-control-allow-origin")]).toEqual([200, null]);
    // Errors carry the header too, so the widget can read why.
    const missing = await fetch(`${server.url}/v1/groups/nobody`, { headers: { origin: SITE } });
    expect([missing.status, missing.headers.get("access-control-allow-origin")]).toEqual([
      404,
      SITE,
    ]);
  });

  it("refuse a body over the limit whether its length is declared or streamed", async () => {
    const big = JSON.stringify({ blob: "x".repeat(200_000) });
    const declared = await call("/v1/orders", {
      method: "POST",
      headers: { "content-type": "application/json", "idempotency-key": "big-00000001" },
      body: big,
    });
    expect([declared.status, declared.json.error.code]).toEqual([413, "PAYLOAD_TOO_LARGE"]);
    const bytes = new TextEncoder().encode(big);
    const streamed = await fetch(`${server.url}/v1/orders`, {
      method: "POST",
      headers: { "content-type": "application/json", "idempotency-key": "big-00000002" },
      body: new ReadableStream({
        start(c) {
          for (let i = 0; i < bytes.length; i += 16_384) c.enqueue(bytes.slice(i, i + 16_384));
          c.close();
        },
      }),
      duplex: "half",
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(((await streamed.json()) as { error: { code: string } }).error.code).toBe(
      "PAYLOAD_TOO_LARGE",
    );
  });
});
