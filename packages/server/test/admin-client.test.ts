import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdminClient, createClient } from "@linli/client";
import { bakeryMenu, sampleApplication } from "@linli/core/fixtures";
import { expectRefused, refusal } from "../../client/test/contract-suite.js";
import type { LinliStorage, RunningServer } from "../src/index.js";
import { demoServer } from "./helpers.js";

// @linli/client's admin client against the reference server, over real HTTP on 127.0.0.1:
// what a staff dashboard does in a day, and the errors it meets.

// 2026-12-01 08:30 in Shanghai: the bakery's menu is open and the partner call is running.
const NOW = Date.parse("2026-12-01T08:30:00+08:00");
const KEY = "admin-client-test-key";
let storage: LinliStorage;
let server: RunningServer;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ storage, server, close } = await demoServer(() => NOW, KEY));
});
afterAll(() => close());

describe("createAdminClient against @linli/server", () => {
  it("reviews an application a resident sent through the public client", async () => {
    const admin = createAdminClient({ baseUrl: server.url, apiKey: KEY });
    const store = createClient({ baseUrl: server.url });
    const receipt = await store.submitApplication(sampleApplication, {
      idempotencyKey: "admin-client-apply-1",
    });
    const submitted = await admin.listApplications({ status: "submitted" });
    const mine = submitted.find((a) => a.reference === receipt.reference)!;
    expect(mine.applicant).toEqual({
      ...sampleApplication.applicant,
      phone: sampleApplication.applicant.phone.replace(/\s/g, ""),
    });
    expect((await admin.moveApplication(mine.id, "reviewing")).status).toBe("reviewing");
    const skipped = await refusal(admin.moveApplication(mine.id, "onboarded"));
    expectRefused(skipped, "TRANSITION_REFUSED", 409, "conflict");
  });

  it("collects an order, settles it and refunds part of it once, however often it is asked", async () => {
    const admin = createAdminClient({ baseUrl: server.url, apiKey: KEY });
    const store = createClient({ baseUrl: server.url });
    const placed = await store.placeOrder(
      {
        menuId: bakeryMenu("2026-12-01").id,
        slotId: "s1600",
        lines: [{ itemId: "egg-tart", quantity: 12 }],
        contact: { name: "林晓雨", phone: "13800009901" },
        consent: { given: true, policyVersion: "2026-11", at: "2026-12-01T08:29:00+08:00" },
      },
      { idempotencyKey: "admin-client-order-1" },
    );
    const roster = await admin.getRoster("three-moms-baking", { date: "2026-12-01" });
    expect(roster.text).toContain(`${placed.pickupCode} 138****9901 葡式蛋挞×12`);
    for (const status of ["confirmed", "ready", "collected"] as const)
      expect((await admin.moveOrder(placed.id, status)).status).toBe(status);
    const query = { ruleSetId: "three-moms-bakery", partyId: "moms", period: "2026-12" };
    expect(await admin.getSettlement(query)).toMatchObject({ gross: 6000, netPayable: 5980 });
    const refund = { amount: 500, currency: "CNY" } as const;
    const first = await admin.refundOrder(placed.id, refund, { idempotencyKey: "refund-ac-1" });
    const again = await admin.refundOrder(placed.id, refund, { idempotencyKey: "refund-ac-1" });
    expect(again).toEqual(first);
    expect(await admin.getSettlement(query)).toMatchObject({ refunds: 498, netPayable: 5482 });
  });

  it("gives a group a split rule set through its organiser, and says which field named nothing", async () => {
    const admin = createAdminClient({ baseUrl: server.url, apiKey: KEY });
    const ge = (await admin.listPartners()).find((p) => p.id === "ge-mengwei")!;
    const missing = await refusal(admin.putPartner({ ...ge, splitRuleSetId: "no-such-set" }));
    expectRefused(missing, "NOT_FOUND", 404, "not-found");
    expect(missing.fieldMessages("en")).toEqual({
      splitRuleSetId: expect.stringContaining("split rule set"),
    });
    const sets = await admin.listSplitRuleSets();
    expect(sets.map((s) => s.id)).toEqual([
      "night-market-partner",
      "three-moms-bakery",
      "piecework-workshop",
    ]);
    const bakery = sets.find((s) => s.id === "three-moms-bakery");
    // The bakery's terms would pay Ge's sales to the mothers; with Ge as the partner, they fit.
    const theirs = await refusal(admin.putPartner({ ...ge, splitRuleSetId: "three-moms-bakery" }));
    expectRefused(theirs, "VALIDATION_FAILED", 400, "validation");
    expect([theirs.fieldMessages("zh-CN"), theirs.fieldMessages("en")]).toEqual([
      { splitRuleSetId: "这套分账规则不给这位合伙人或其社群的主理人分账" },
      { splitRuleSetId: "This rule set pays neither this partner nor their groups' organisers" },
    ]);
    await admin.putSplitRuleSet({
      ...bakery!,
      id: "cloud-studio",
      parties: bakery!.parties.map((p) =>
        p.kind === "partner" ? { ...p, name: { "zh-CN": "葛老师" }, partnerId: "ge-mengwei" } : p,
      ),
    });
    expect((await admin.putPartner({ ...ge, splitRuleSetId: "cloud-studio" })).splitRuleSetId).toBe(
      "cloud-studio",
    );
    expect((await storage.listPartners()).find((p) => p.id === "ge-mengwei")?.splitRuleSetId).toBe(
      "cloud-studio",
    );
  });

  it("is refused with a wrong key, and says so in both languages", async () => {
    const wrong = createAdminClient({ baseUrl: server.url, apiKey: "not-the-key" });
    const e = await refusal(wrong.listPartners());
    expectRefused(e, "UNAUTHORIZED", 401, "unauthorized");
    expect(e.retryable).toBe(false);
    expect([e.messageIn("zh-CN"), e.messageIn("en")]).toEqual([
      "需要有效的管理密钥",
      "A valid admin key is required",
    ]);
  });
});
