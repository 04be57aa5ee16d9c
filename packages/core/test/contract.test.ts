import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import {
  ErrorBodySchema,
  errorBody,
  httpCodeForIssues,
  issue,
  MAX_METRICS_MONTHS,
  metricsPeriodIssue,
  openApiDocument,
  PlaceOrderBodySchema,
  routePath,
  routes,
  validate,
  unknownReference,
} from "../src/index.js";

describe("routes", () => {
  it("fill their path parameters, encoded", () => {
    expect(routePath(routes.getMenu, { id: "three-moms-baking" })).toBe(
      "/v1/groups/three-moms-baking/menu",
    );
    expect(routePath(routes.getGroup, { id: "a b/c" })).toBe("/v1/groups/a%20b%2Fc");
    expect(() => routePath(routes.getGroup)).toThrow(/missing :id/);
  });

  it("are unique by method and path, and every admin route is under /v1/admin", () => {
    const keys = Object.values(routes).map((r) => `${r.method} ${r.path}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const r of Object.values(routes))
      expect(r.path.startsWith("/v1/admin/")).toBe(r.auth === "admin");
  });

  it("take the idempotency key in a header, not in the order body", () => {
    expect(routes.placeOrder.headers).toBeDefined();
    const r = validate(PlaceOrderBodySchema, {
      menuId: "three-moms-2026-12-01",
      lines: [{ itemId: "tiger-roll", quantity: 1 }],
      slotId: "s1500",
      contact: { name: "林晓雨", phone: "13800009901" },
      consent: { given: true, policyVersion: "2026-11", at: "2026-11-30T20:00:00+08:00" },
    });
    expect(r.ok).toBe(true);
  });
});

describe("error bodies", () => {
  it("carry the status, code, both messages and the issues with their paths", () => {
    const soldOut = issue(
      "SOLD_OUT",
      { item: { "zh-CN": "虎皮奶油卷", en: "Tiger-skin cream roll" } },
      "lines.0.quantity",
    );
    const body = errorBody(httpCodeForIssues([soldOut]), [soldOut]);
    expect(body).toEqual({
      error: {
        status: 409,
        code: "SOLD_OUT",
        message: { "zh-CN": "“虎皮奶油卷”已售罄", en: "“Tiger-skin cream roll” is sold out" },
        issues: [soldOut],
      },
    });
    expect(validate(ErrorBodySchema, body).ok).toBe(true);
  });

  it("fall back to validation failure and general messages", () => {
    const missing = issue(
      "REQUIRED",
      { label: { "zh-CN": "姓名", en: "your name" } },
      "contact.name",
    );
    expect(httpCodeForIssues([missing])).toBe("VALIDATION_FAILED");
    expect(errorBody("VALIDATION_FAILED", [missing]).error).toMatchObject({
      status: 400,
      message: { en: "Some of what was sent is not valid: check the fields marked" },
    });
    expect(errorBody("RATE_LIMITED").error).toMatchObject({ status: 429, issues: [] });
  });
});

describe("the OpenAPI document", () => {
  const doc = openApiDocument({ version: "0.1.0", serverUrl: "http://127.0.0.1:8787" });

  it("is valid OpenAPI 3.1", async () => {
    const result = await new Validator().validate(structuredClone(doc));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("describes every route from the same schemas", () => {
    const ops = Object.values(doc.paths).flatMap((p) =>
      Object.values(p).map((o) => o["operationId"]),
    );
    expect(ops.sort()).toEqual(Object.keys(routes).sort());
    const place = doc.paths["/v1/orders"]!["post"]!;
    expect(place["parameters"]).toEqual([
      expect.objectContaining({ name: "idempotency-key", in: "header", required: true }),
    ]);
    const body = (
      place["requestBody"] as { content: Record<string, { schema: { required: string[] } }> }
    ).content["application/json"]!.schema;
    expect(body.required.sort()).toEqual(["consent", "contact", "lines", "menuId", "slotId"]);
    const responses = place["responses"] as Record<string, { description: string }>;
    expect(Object.keys(responses).sort()).toEqual([
      "201",
      "400",
      "404",
      "409",
      "413",
      "415",
      "422",
      "429",
      "500",
    ]);
    expect(responses["409"]!.description).toContain("SOLD_OUT");
    expect(doc.paths["/v1/admin/applications"]!["get"]!["security"]).toEqual([{ adminKey: [] }]);
    expect(doc.paths["/v1/groups/{id}/menu"]!["get"]!["parameters"]).toEqual([
      expect.objectContaining({ name: "id", in: "path", required: true }),
      expect.objectContaining({ name: "date", in: "query", required: false }),
    ]);
  });
});

describe("the metrics query", () => {
  it("refuses more than MAX_METRICS_MONTHS months at the `to` parameter, in both languages", () => {
    expect(validate(routes.getMetrics.query, { from: "2022-01", to: "2026-12" }).ok).toBe(true);
    const r = validate(routes.getMetrics.query, { from: "0001-01", to: "9999-12" });
    expect(r.ok).toBe(false);
    const problems = r.ok ? [] : r.error;
    expect(problems).toEqual([expect.objectContaining({ code: "PERIOD_TOO_LONG", path: "to" })]);
    expect(problems[0]!.message).toEqual({
      "zh-CN": `一次最多查询 ${MAX_METRICS_MONTHS} 个月（0001-01 至 9999-12 共 119988 个月）`,
      en: `A period can be at most ${MAX_METRICS_MONTHS} months long (0001-01 to 9999-12 is 119988)`,
    });
    expect(validate(routes.getMetrics.query, { from: "2022-01", to: "2027-01" }).ok).toBe(false);
    expect(metricsPeriodIssue("0001-01", "2026-12", "from")).toMatchObject({
      code: "PERIOD_TOO_LONG",
      path: "from",
    });
    expect(metricsPeriodIssue("2026-01", "2026-12", "from")).toBeUndefined();
    const get = openApiDocument({ version: "0" }).paths["/v1/metrics"]!["get"]!;
    expect(get["description"]).toContain(`at most ${MAX_METRICS_MONTHS} months`);
  });
});

describe("unknownReference", () => {
  it("names what was not found, in both languages, at the field that gave it", () => {
    const said = (["group", "menu", "call", "hub", "ruleSet"] as const).map((what) =>
      unknownReference(what, "x-1", "someId"),
    );
    expect(said.map((i) => [i.code, i.path])).toEqual(
      Array(5).fill(["UNKNOWN_REFERENCE", "someId"]),
    );
    expect(said.map((i) => i.message)).toEqual([
      { "zh-CN": "找不到编号为 x-1 的社群", en: "There is no group with the id x-1" },
      { "zh-CN": "找不到编号为 x-1 的菜单", en: "There is no menu with the id x-1" },
      { "zh-CN": "找不到编号为 x-1 的招募令", en: "There is no recruitment call with the id x-1" },
      { "zh-CN": "找不到编号为 x-1 的服务中心", en: "There is no hub with the id x-1" },
      { "zh-CN": "找不到编号为 x-1 的分账规则", en: "There is no split rule set with the id x-1" },
    ]);
  });
});
