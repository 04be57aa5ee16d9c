import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import {
  menuAvailability,
  type ApplicationReceipt,
  type FieldProblem,
  type MetricsSnapshot,
  type OrderReceipt,
  type PlaceOrderBody,
  type PublicGroup,
} from "@linli/core";
import {
  bakeryMenu,
  groups,
  partners,
  recruitmentCall,
  redHouse,
  sampleApplication,
} from "@linli/core/fixtures";
import {
  createAdminClient,
  createClient,
  LinliClientError,
  type LinliStore,
} from "../src/index.js";
import type { CreateOptions } from "../src/store.js";
import { backoffMs, MAX_BACKOFF_MS, retryAfterMs } from "../src/http/retry.js";

// A real HTTP server on 127.0.0.1 that each test scripts: no fetch mocks.

/** A request as the server received it. */
interface Seen {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage["headers"];
  readonly body: string;
  /** Resolves when the exchange ends: `true` if the client went away before the answer. */
  readonly cancelled: Promise<boolean>;
}
/** Answers request number `n` (from 1). */
type Handler = (seen: Seen, res: ServerResponse, req: IncomingMessage, n: number) => void;

const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await stop(s);
});

function stop(server: Server): Promise<void> {
  return new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}

async function serve(handler: Handler): Promise<{ url: string; seen: Seen[]; server: Server }> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    const cancelled = new Promise<boolean>((resolve) =>
      res.on("close", () => resolve(!res.writableFinished)),
    );
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (body += chunk));
    req.on("end", () => {
      const s: Seen = { method: req.method!, url: req.url!, headers: req.headers, body, cancelled };
      seen.push(s);
      handler(s, res, req, seen.length);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, seen, server };
}

const json = (
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) => {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
};
const errorOf = (status: number, code: string, issues: unknown[] = []) => ({
  error: { status, code, message: { "zh-CN": "出错了", en: "Something failed" }, issues },
});
/** The error a call was refused with; fails if it resolved. */
const refusal = (p: Promise<unknown>) =>
  p.then(
    (value) => {
      throw new Error(`expected a refusal, got ${JSON.stringify(value)}`);
    },
    (e: unknown) => {
      expect(e).toBeInstanceOf(LinliClientError);
      return e as LinliClientError;
    },
  );
const until = async (check: () => boolean) => {
  while (!check()) await new Promise((r) => setTimeout(r, 2));
};
const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Whether the server saw the client go away; "still open" if the exchange has not ended in 1 s. */
const wasCancelled = (s: Seen) => Promise.race([s.cancelled, delay(1000).then(() => "still open")]);

/** A port nothing listens on. */
async function closedPort(): Promise<string> {
  const { url, server } = await serve(() => {});
  await stop(server);
  return url;
}

// Answers that pass the contract's response schemas.
const order: PlaceOrderBody = {
  menuId: "three-moms-2026-12-01",
  lines: [{ itemId: "tiger-roll", quantity: 1 }],
  slotId: "s1500",
  contact: { name: "林晓雨", phone: "13800009901" },
  consent: { given: true, policyVersion: "2026-11", at: "2026-12-01T08:00:00+08:00" },
};
const receipt: OrderReceipt = {
  id: "o_1",
  menuId: order.menuId,
  groupId: "three-moms-baking",
  date: "2026-12-01",
  lines: [
    {
      itemId: "tiger-roll",
      quantity: 1,
      unitPrice: { amount: 1800, currency: "CNY" },
      lineTotal: { amount: 1800, currency: "CNY" },
    },
  ],
  total: { amount: 1800, currency: "CNY" },
  slot: { id: "s1500", start: "15:00", end: "16:00" },
  pickupCode: "123456",
  status: "placed",
  placedAt: "2026-12-01T08:00:00+08:00",
};
const publicGroup: PublicGroup = { ...groups[0]!, organisers: [] };
const menu = bakeryMenu("2026-12-02");
const menuAnswer = {
  menu,
  availability: menuAvailability(menu, [], Date.parse("2026-12-02T08:00:00+08:00")),
};
const applicationReceipt: ApplicationReceipt = {
  id: "app_1",
  reference: "HZ-2026-0001",
  status: "submitted",
  submittedAt: "2026-11-28T10:15:00+08:00",
  nextSteps: { "zh-CN": "我们会联系你", en: "We will be in touch" },
};
const metrics: MetricsSnapshot = {
  scope: { id: "red-house", name: { "zh-CN": "红房子" } },
  period: { from: "2026-01", to: "2026-11" },
  currency: "CNY",
  asOf: "2026-11-30",
  generatedAt: "2026-11-30T12:00:00+08:00",
  metrics: [],
};

interface Case {
  readonly name: string;
  readonly call: (store: LinliStore) => Promise<unknown>;
  readonly method: "GET" | "POST";
  readonly url: string;
  readonly key?: string;
  readonly body?: unknown;
  readonly status: number;
  readonly answer: unknown;
  /** What the call resolves to, when it is not the answer itself. */
  readonly result?: unknown;
}

const cases: Case[] = [
  {
    name: "getHub",
    call: (s) => s.getHub(),
    method: "GET",
    url: "/v1/hub",
    status: 200,
    answer: redHouse,
  },
  {
    name: "listGroups with filters",
    call: (s) => s.listGroups({ category: "baking", status: undefined, q: "三个 妈妈&" }),
    method: "GET",
    url: "/v1/groups?category=baking&q=%E4%B8%89%E4%B8%AA+%E5%A6%88%E5%A6%88%26",
    status: 200,
    answer: { groups: [publicGroup] },
    result: [publicGroup],
  },
  {
    name: "listGroups without filters",
    call: (s) => s.listGroups(),
    method: "GET",
    url: "/v1/groups",
    status: 200,
    answer: { groups: [] },
    result: [],
  },
  {
    name: "getGroup",
    call: (s) => s.getGroup("three moms/烘焙"),
    method: "GET",
    url: "/v1/groups/three%20moms%2F%E7%83%98%E7%84%99",
    status: 200,
    answer: publicGroup,
  },
  {
    name: "getMenu for a date",
    call: (s) => s.getMenu("three-moms-baking", { date: "2026-12-02" }),
    method: "GET",
    url: "/v1/groups/three-moms-baking/menu?date=2026-12-02",
    status: 200,
    answer: menuAnswer,
  },
  {
    name: "getMenu for the next menu on sale",
    call: (s) => s.getMenu("three-moms-baking"),
    method: "GET",
    url: "/v1/groups/three-moms-baking/menu",
    status: 200,
    answer: menuAnswer,
  },
  {
    name: "placeOrder",
    call: (s) => s.placeOrder(order, { idempotencyKey: "order-key-0001" }),
    method: "POST",
    url: "/v1/orders",
    key: "order-key-0001",
    body: order,
    status: 201,
    answer: receipt,
  },
  {
    name: "getOrder",
    call: (s) => s.getOrder("o_1", "123456"),
    method: "GET",
    url: "/v1/orders/o_1?code=123456",
    status: 200,
    answer: receipt,
  },
  {
    name: "getRecruitmentCall",
    call: (s) => s.getRecruitmentCall(),
    method: "GET",
    url: "/v1/recruitment",
    status: 200,
    answer: recruitmentCall,
  },
  {
    name: "submitApplication",
    call: (s) => s.submitApplication(sampleApplication, { idempotencyKey: "apply-key-0001" }),
    method: "POST",
    url: "/v1/applications",
    key: "apply-key-0001",
    body: sampleApplication,
    status: 201,
    answer: applicationReceipt,
  },
  {
    name: "getMetrics",
    call: (s) => s.getMetrics({ from: "2026-01", to: "2026-11" }),
    method: "GET",
    url: "/v1/metrics?from=2026-01&to=2026-11",
    status: 200,
    answer: metrics,
  },
];

describe("createClient: requests", () => {
  it.each(cases)("$name goes to its route and parses the answer", async (c) => {
    const { url, seen } = await serve((_s, res) => json(res, c.status, c.answer));
    const store = createClient({ baseUrl: url, headers: { "x-site": "banshan" } });
    expect(await c.call(store)).toEqual(c.result ?? c.answer);
    expect(seen).toHaveLength(1);
    const s = seen[0]!;
    expect(`${s.method} ${s.url}`).toBe(`${c.method} ${c.url}`);
    expect(s.headers["x-site"]).toBe("banshan");
    expect(s.headers["accept"]).toBe("application/json");
    expect(s.headers["idempotency-key"]).toBe(c.key);
    if (c.body === undefined) {
      expect(s.body).toBe("");
      expect(s.headers["content-type"]).toBeUndefined();
    } else {
      expect(s.headers["content-type"]).toBe("application/json");
      expect(JSON.parse(s.body)).toEqual(c.body);
      expect(s.body).not.toContain("idempotencyKey");
    }
  });

  it("keeps a path prefix of baseUrl and drops its trailing slash", async () => {
    const { url, seen } = await serve((_s, res) => json(res, 200, redHouse));
    await createClient({ baseUrl: `${url}/linli/` }).getHub();
    expect(seen[0]!.url).toBe("/linli/v1/hub");
  });

  it("returns what the schema parsed, not the raw JSON", async () => {
    const { url } = await serve((_s, res) => json(res, 200, { ...redHouse, internalNote: "x" }));
    const hub = await createClient({ baseUrl: url }).getHub();
    expect(hub).toEqual(redHouse);
    expect("internalNote" in hub).toBe(false);
  });

  it("uses the fetch it is given", async () => {
    const { url } = await serve((_s, res) => json(res, 200, redHouse));
    const urls: string[] = [];
    const store = createClient({
      baseUrl: url,
      fetch: (input, init) => (urls.push(String(input)), fetch(input, init)),
    });
    await store.getHub();
    expect(urls).toEqual([`${url}/v1/hub`]);
  });

  it("refuses options that make no sense", () => {
    expect(() => createClient({ baseUrl: "http://x", retries: -1 })).toThrow(RangeError);
    expect(() => createClient({ baseUrl: "http://x", timeoutMs: 0 })).toThrow(RangeError);
    // Longer than a timer can wait: it would time every request out at once.
    expect(() => createClient({ baseUrl: "http://x", timeoutMs: 2 ** 31 })).toThrow(
      "timeoutMs must be a positive number of ms, at most 2147483647",
    );
    expect(() => createClient({ baseUrl: "http://x", timeoutMs: 2 ** 31 - 1 })).not.toThrow();
    expect(() => createClient({ baseUrl: "http://x", retryDelayMs: Number.NaN })).toThrow(
      RangeError,
    );
  });
});

describe("createClient: answers and errors", () => {
  it("refuses an answer the contract does not define, without retrying", async () => {
    const { url, seen } = await serve((_s, res) => json(res, 200, { ...redHouse, id: 42 }));
    const e = await refusal(createClient({ baseUrl: url, retryDelayMs: 1 }).getHub());
    expect([e.kind, e.status, e.code]).toEqual(["server", 200, "INVALID_RESPONSE"]);
    expect(e.messageIn("zh-CN")).toBe("服务器返回的内容不符合约定，请稍后再试");
    expect(e.messageIn("en")).toMatch(/^The server answered with something the API does not/);
    expect(e.issues).toEqual([]);
    expect(e.fieldMessages("en")).toEqual({});
    // What a developer finds in the cause: the check that failed and the field of the answer.
    expect((e.cause as FieldProblem[]).map((p) => [p.code, p.path])).toContainEqual([
      "INVALID_TYPE",
      "id",
    ]);
    expect(e.retryable).toBe(false);
    expect(seen).toHaveLength(1);
  });

  it("refuses a 2xx whose body is not JSON", async () => {
    const { url } = await serve((_s, res) => {
      res.writeHead(201, { "content-type": "text/html" });
      res.end("<html>ok</html>");
    });
    const e = await refusal(
      createClient({ baseUrl: url }).placeOrder(order, { idempotencyKey: "order-key-0002" }),
    );
    expect([e.kind, e.status, e.code]).toEqual(["server", 201, "INVALID_RESPONSE"]);
  });

  it("turns a 409 error body into a conflict with its code, issues and field messages", async () => {
    const issues = [
      {
        code: "SOLD_OUT",
        path: "lines.0.quantity",
        message: { "zh-CN": "“虎皮奶油卷”已售罄", en: "“Tiger-skin cream roll” is sold out" },
      },
      {
        code: "SLOT_FULL",
        path: "slotId",
        message: { "zh-CN": "15:00 的取货时段已满", en: "The 15:00 pickup slot is full" },
      },
    ];
    const { url, seen } = await serve((_s, res) =>
      json(res, 409, errorOf(409, "SOLD_OUT", issues)),
    );
    const e = await refusal(
      createClient({ baseUrl: url, retryDelayMs: 1 }).placeOrder(order, {
        idempotencyKey: "order-key-0003",
      }),
    );
    expect([e.name, e.kind, e.status, e.code]).toEqual([
      "LinliClientError",
      "conflict",
      409,
      "SOLD_OUT",
    ]);
    expect(e.issues).toEqual(issues);
    expect(e.messageIn("zh-CN")).toBe("出错了");
    expect(e.fieldMessages("zh-CN")).toEqual({
      "lines.0.quantity": "“虎皮奶油卷”已售罄",
      slotId: "15:00 的取货时段已满",
    });
    expect(e.retryable).toBe(false);
    expect(seen).toHaveLength(1);
  });

  it("turns a 404 into not-found, and does not retry it", async () => {
    const { url, seen } = await serve((_s, res) => json(res, 404, errorOf(404, "NOT_FOUND")));
    const e = await refusal(createClient({ baseUrl: url, retryDelayMs: 1 }).getGroup("nobody"));
    expect([e.kind, e.status, e.code]).toEqual(["not-found", 404, "NOT_FOUND"]);
    expect(seen).toHaveLength(1);
  });

  it("turns a 5xx without an error body (a proxy's page) into a server error, and retries it", async () => {
    const { url, seen } = await serve((_s, res) => {
      res.writeHead(502, { "content-type": "text/html" });
      res.end("<h1>Bad Gateway</h1>");
    });
    const e = await refusal(createClient({ baseUrl: url, retries: 1, retryDelayMs: 1 }).getHub());
    expect([e.kind, e.status, e.code]).toEqual(["server", 502, "INTERNAL"]);
    expect(e.messageIn("en")).toBe("Something went wrong on the server: try again later");
    expect(seen).toHaveLength(2);
  });

  it("names a 4xx without an error body (a proxy's or firewall's page) by its status", async () => {
    const cases: [number, string, string, string][] = [
      [404, "not-found", "NOT_FOUND", "Nothing was found there"],
      [401, "unauthorized", "UNAUTHORIZED", "A valid admin key is required"],
      [403, "unauthorized", "UNAUTHORIZED", "A valid admin key is required"],
      [413, "validation", "PAYLOAD_TOO_LARGE", "The request body is too large"],
      [429, "rate-limited", "RATE_LIMITED", "Too many requests: try again shortly"],
      [405, "server", "INTERNAL", "Something went wrong on the server: try again later"],
    ];
    for (const [status, kind, code, en] of cases) {
      const { url } = await serve((_s, res) => {
        res.writeHead(status, { "content-type": "text/html" });
        res.end(`<h1>${status}</h1>`);
      });
      const e = await refusal(createClient({ baseUrl: url, retries: 0 }).getHub());
      expect([e.status, e.kind, e.code, e.messageIn("en")]).toEqual([status, kind, code, en]);
      expect(e.messageIn("zh-CN")).not.toBe(e.messageIn("en"));
    }
  });

  it("treats a 408 from a proxy as a time-out, and retries it", async () => {
    const { url, seen } = await serve((_s, res, _q, n) => {
      if (n < 2) {
        res.writeHead(408, { "content-type": "text/plain" });
        return res.end("Request Timeout");
      }
      json(res, 200, redHouse);
    });
    expect(await createClient({ baseUrl: url, retryDelayMs: 1 }).getHub()).toEqual(redHouse);
    expect(seen).toHaveLength(2);
    const always = await serve((_s, res) => {
      res.writeHead(408);
      res.end();
    });
    const e = await refusal(createClient({ baseUrl: always.url, retries: 0 }).getHub());
    expect([e.kind, e.status, e.code, e.retryable]).toEqual(["timeout", 408, "TIMEOUT", true]);
    expect(e.messageIn("zh-CN")).toBe("服务器响应超时，请重试");
  });
});

describe("createClient: retries", () => {
  it("retries a read after 500 until it succeeds", async () => {
    const { url, seen } = await serve((_s, res, _q, n) =>
      n < 3 ? json(res, 500, errorOf(500, "INTERNAL")) : json(res, 200, redHouse),
    );
    expect(await createClient({ baseUrl: url, retryDelayMs: 1 }).getHub()).toEqual(redHouse);
    expect(seen.map((s) => s.url)).toEqual(["/v1/hub", "/v1/hub", "/v1/hub"]);
  });

  it("stops after the retries allowed and reports the last failure", async () => {
    const { url, seen } = await serve((_s, res, _q, n) =>
      json(res, n < 3 ? 500 : 503, errorOf(n < 3 ? 500 : 503, "INTERNAL")),
    );
    const e = await refusal(createClient({ baseUrl: url, retryDelayMs: 1 }).getHub());
    expect([e.kind, e.status, e.retryable]).toEqual(["server", 503, true]);
    expect(seen).toHaveLength(3);
    const once = await serve((_s, res) => json(res, 500, errorOf(500, "INTERNAL")));
    await refusal(createClient({ baseUrl: once.url, retries: 0 }).getHub());
    expect(once.seen).toHaveLength(1);
  });

  it("retries an order with the same Idempotency-Key after 503 and after a dropped connection", async () => {
    const { url, seen } = await serve((_s, res, req, n) => {
      if (n === 1) return json(res, 503, errorOf(503, "INTERNAL"));
      if (n === 2) return req.socket.destroy();
      json(res, 201, receipt);
    });
    const store = createClient({ baseUrl: url, retryDelayMs: 1 });
    expect(await store.placeOrder(order, { idempotencyKey: "order-key-0004" })).toEqual(receipt);
    expect(seen.map((s) => `${s.method} ${s.url} ${s.headers["idempotency-key"]}`)).toEqual([
      "POST /v1/orders order-key-0004",
      "POST /v1/orders order-key-0004",
      "POST /v1/orders order-key-0004",
    ]);
    expect(seen.map((s) => JSON.parse(s.body) as unknown)).toEqual([order, order, order]);
  });

  it("retries an application with its key after 503", async () => {
    const { url, seen } = await serve((_s, res, _q, n) =>
      n === 1 ? json(res, 503, errorOf(503, "INTERNAL")) : json(res, 201, applicationReceipt),
    );
    const store = createClient({ baseUrl: url, retryDelayMs: 1 });
    expect(
      await store.submitApplication(sampleApplication, { idempotencyKey: "apply-key-0002" }),
    ).toEqual(applicationReceipt);
    expect(seen.map((s) => s.headers["idempotency-key"])).toEqual([
      "apply-key-0002",
      "apply-key-0002",
    ]);
  });

  it("never retries a POST that carries no key", async () => {
    const { url, seen } = await serve((_s, res) => json(res, 503, errorOf(503, "INTERNAL")));
    // A JavaScript caller can leave the key out; the request then must not be sent twice.
    const e = await refusal(
      createClient({ baseUrl: url, retryDelayMs: 1 }).submitApplication(
        sampleApplication,
        {} as CreateOptions,
      ),
    );
    expect([e.kind, e.status]).toEqual(["server", 503]);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.headers["idempotency-key"]).toBeUndefined();
  });

  it("does not retry a 400", async () => {
    const issues = [
      {
        code: "INVALID_PHONE",
        path: "contact.phone",
        message: { "zh-CN": "请输入正确的 11 位手机号码", en: "Enter a valid 11-digit number" },
      },
    ];
    const { url, seen } = await serve((_s, res) =>
      json(res, 400, errorOf(400, "VALIDATION_FAILED", issues)),
    );
    const e = await refusal(
      createClient({ baseUrl: url, retryDelayMs: 1 }).placeOrder(order, {
        idempotencyKey: "order-key-0005",
      }),
    );
    expect([e.kind, e.status, e.code]).toEqual(["validation", 400, "VALIDATION_FAILED"]);
    expect(e.fieldMessages("zh-CN")).toEqual({ "contact.phone": "请输入正确的 11 位手机号码" });
    expect(seen).toHaveLength(1);
  });

  it("waits as long as Retry-After says on 429", async () => {
    const { url, seen } = await serve((_s, res, _q, n) =>
      n === 1
        ? json(res, 429, errorOf(429, "RATE_LIMITED"), { "retry-after": "1" })
        : json(res, 200, redHouse),
    );
    const started = Date.now();
    expect(await createClient({ baseUrl: url, retryDelayMs: 1 }).getHub()).toEqual(redHouse);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(seen).toHaveLength(2);
  });

  it("retries a 429 without Retry-After after the backoff", async () => {
    const { url, seen } = await serve((_s, res, _q, n) =>
      n === 1 ? json(res, 429, errorOf(429, "RATE_LIMITED")) : json(res, 200, redHouse),
    );
    expect(await createClient({ baseUrl: url, retryDelayMs: 1 }).getHub()).toEqual(redHouse);
    expect(seen).toHaveLength(2);
  });

  it("gives up at once when Retry-After asks for longer than it will wait", async () => {
    const { url, seen } = await serve((_s, res) =>
      json(res, 429, errorOf(429, "RATE_LIMITED"), { "retry-after": "3600" }),
    );
    const started = Date.now();
    const e = await refusal(createClient({ baseUrl: url, retryDelayMs: 1 }).getHub());
    expect([e.kind, e.status, e.code, e.retryable]).toEqual([
      "rate-limited",
      429,
      "RATE_LIMITED",
      true,
    ]);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(seen).toHaveLength(1);
  });

  it("reads Retry-After as seconds or as a date, and caps and jitters the backoff", () => {
    const now = Date.parse("2026-12-01T00:00:00Z");
    expect(retryAfterMs("2", now)).toBe(2000);
    expect(retryAfterMs(" 0 ", now)).toBe(0);
    expect(retryAfterMs("Tue, 01 Dec 2026 00:00:03 GMT", now)).toBe(3000);
    expect(retryAfterMs("Mon, 30 Nov 2026 00:00:00 GMT", now)).toBe(0);
    expect(retryAfterMs("soon", now)).toBeUndefined();
    expect(retryAfterMs("-1", now)).toBeUndefined();
    expect(retryAfterMs(null, now)).toBeUndefined();
    expect([backoffMs(0, 100, () => 0), backoffMs(0, 100, () => 1)]).toEqual([50, 100]);
    expect([backoffMs(3, 100, () => 0), backoffMs(3, 100, () => 1)]).toEqual([400, 800]);
    expect(backoffMs(20, 100, () => 1)).toBe(MAX_BACKOFF_MS);
  });
});

describe("createClient: time-outs, aborts and the network", () => {
  it("times out a GET that hangs after timeoutMs, cancelling it", async () => {
    const { url, seen } = await serve(() => {}); // never answers
    const started = Date.now();
    const e = await refusal(createClient({ baseUrl: url, timeoutMs: 100, retries: 0 }).getHub());
    const took = Date.now() - started;
    expect([e.kind, e.code, e.status, e.retryable]).toEqual([
      "timeout",
      "TIMEOUT",
      undefined,
      true,
    ]);
    expect(e.messageIn("zh-CN")).toBe("服务器响应超时，请重试");
    expect(took).toBeGreaterThanOrEqual(95);
    expect(took).toBeLessThan(1000);
    expect(seen).toHaveLength(1);
    expect(await wasCancelled(seen[0]!)).toBe(true);
  });

  it("retries a GET that timed out", async () => {
    const { url, seen } = await serve((_s, res, _q, n) => {
      if (n > 1) json(res, 200, redHouse);
    });
    const started = Date.now();
    const store = createClient({ baseUrl: url, timeoutMs: 100, retryDelayMs: 1 });
    expect(await store.getHub()).toEqual(redHouse);
    expect(Date.now() - started).toBeGreaterThanOrEqual(95);
    expect(seen).toHaveLength(2);
    expect(await wasCancelled(seen[0]!)).toBe(true);
    expect(await wasCancelled(seen[1]!)).toBe(false);
  });

  it("times out an answer whose body never ends", async () => {
    const { url, seen } = await serve((_s, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"id":"red-house",');
    });
    const e = await refusal(
      createClient({ baseUrl: url, timeoutMs: 100, retries: 1, retryDelayMs: 1 }).getHub(),
    );
    expect(e.kind).toBe("timeout");
    expect(seen).toHaveLength(2);
  });

  it("rejects as aborted as soon as the caller aborts, cancels the request and does not retry", async () => {
    const { url, seen } = await serve(() => {}); // never answers
    const controller = new AbortController();
    const pending = refusal(
      createClient({ baseUrl: url, retryDelayMs: 1 }).getHub({ signal: controller.signal }),
    );
    await until(() => seen.length === 1);
    const abortedAt = Date.now();
    controller.abort();
    const e = await pending;
    expect(Date.now() - abortedAt).toBeLessThan(100);
    expect([e.kind, e.code, e.retryable]).toEqual(["aborted", "ABORTED", false]);
    expect(await wasCancelled(seen[0]!)).toBe(true);
    await delay(50);
    expect(seen).toHaveLength(1);
  });

  it("sends nothing when the signal is already aborted", async () => {
    const { url, seen } = await serve((_s, res) => json(res, 201, receipt));
    const store = createClient({ baseUrl: url });
    const signal = AbortSignal.abort();
    expect((await refusal(store.getHub({ signal }))).kind).toBe("aborted");
    expect(
      (await refusal(store.placeOrder(order, { idempotencyKey: "order-key-0006", signal }))).kind,
    ).toBe("aborted");
    await delay(20);
    expect(seen).toHaveLength(0);
  });

  it("stops waiting for a retry when the caller aborts", async () => {
    const { url, seen } = await serve((_s, res) => json(res, 503, errorOf(503, "INTERNAL")));
    const controller = new AbortController();
    const pending = refusal(
      createClient({ baseUrl: url, retryDelayMs: 5_000 }).getHub({ signal: controller.signal }),
    );
    await until(() => seen.length === 1);
    await delay(20);
    const abortedAt = Date.now();
    controller.abort();
    expect((await pending).kind).toBe("aborted");
    expect(Date.now() - abortedAt).toBeLessThan(100);
    expect(seen).toHaveLength(1);
  });

  it("reports a closed port as a network error, after retrying", async () => {
    const url = await closedPort();
    let attempts = 0;
    const store = createClient({
      baseUrl: url,
      retries: 1,
      retryDelayMs: 1,
      fetch: (input, init) => (attempts++, fetch(input, init)),
    });
    const e = await refusal(store.getHub());
    expect([e.kind, e.code, e.status, e.retryable]).toEqual([
      "network",
      "NETWORK",
      undefined,
      true,
    ]);
    expect(e.messageIn("zh-CN")).toBe("网络连接失败，请检查网络后重试");
    expect(e.cause).toBeInstanceOf(Error);
    expect(attempts).toBe(2);
  });
});

describe("createAdminClient", () => {
  const partner = partners[0]!;

  it("sends the key as a bearer token, with each route's method, path and body", async () => {
    const { url, seen } = await serve((s, res) =>
      s.url === "/v1/admin/partners"
        ? json(res, 200, { partners: [partner] })
        : json(res, 200, JSON.parse(s.body) as unknown),
    );
    const admin = createAdminClient({
      baseUrl: url,
      apiKey: " staff-key ",
      headers: { Authorization: "Basic c3RhZmY6a2V5", "x-request-source": "dashboard" },
    });
    expect(await admin.listPartners()).toEqual([partner]);
    expect(await admin.putPartner(partner)).toEqual(partner);
    expect(seen.map((s) => `${s.method} ${s.url} ${s.headers.authorization}`)).toEqual([
      "GET /v1/admin/partners Bearer staff-key",
      `PUT /v1/admin/partners/${partner.id} Bearer staff-key`,
    ]);
    expect(seen[0]!.headers["x-request-source"]).toBe("dashboard");
  });

  it("resends a PUT after a 503, but never a status change", async () => {
    const { url, seen } = await serve((s, res, _q, n) =>
      s.method === "PUT" && n > 2
        ? json(res, 200, JSON.parse(s.body) as unknown)
        : json(res, 503, errorOf(503, "INTERNAL")),
    );
    const admin = createAdminClient({ baseUrl: url, apiKey: "staff-key", retryDelayMs: 1 });
    const e = await refusal(admin.moveOrder("o_1", "collected"));
    expect([e.kind, e.status, seen.length]).toEqual(["server", 503, 1]);
    expect(await admin.putPartner(partner)).toEqual(partner);
    expect(seen.map((s) => s.method)).toEqual(["POST", "PUT", "PUT"]);
  });

  it("resends a refund after a 503 with the same idempotency key, so it is booked once", async () => {
    const split = {
      refundId: "r_1",
      saleId: "o_1",
      ruleSetId: "three-moms-bakery",
      at: "2026-12-01T10:00:00+08:00",
      amount: { amount: 500, currency: "CNY" },
      lines: [{ partyId: "moms", amount: { amount: 500, currency: "CNY" } }],
    };
    const { url, seen } = await serve((_s, res, _q, n) =>
      n === 1 ? json(res, 503, errorOf(503, "INTERNAL")) : json(res, 201, split),
    );
    const admin = createAdminClient({ baseUrl: url, apiKey: "staff-key", retryDelayMs: 1 });
    const amount = { amount: 500, currency: "CNY" } as const;
    expect(await admin.refundOrder("o_1", amount, { idempotencyKey: "refund-o1-0001" })).toEqual(
      split,
    );
    expect(seen.map((s) => [s.method, s.url, s.headers["idempotency-key"]])).toEqual([
      ["POST", "/v1/admin/orders/o_1/refunds", "refund-o1-0001"],
      ["POST", "/v1/admin/orders/o_1/refunds", "refund-o1-0001"],
    ]);
    expect(seen.map((s) => JSON.parse(s.body) as unknown)).toEqual([{ amount }, { amount }]);
  });

  it("refuses to be made without a key", () => {
    for (const apiKey of ["", "  ", undefined, "管理员-key", "two words"])
      expect(() =>
        createAdminClient({ baseUrl: "http://127.0.0.1:1", apiKey: apiKey as string }),
      ).toThrow(/createAdminClient: apiKey/);
    expect(() => createAdminClient({ baseUrl: 1 as unknown as string, apiKey: "k" })).toThrow(
      "createAdminClient: baseUrl must be a string",
    );
  });
});
