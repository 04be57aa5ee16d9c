import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { redHouse } from "@linli/core/fixtures";
import { createClient, LinliClientError } from "../src/index.js";

// A real HTTP server on 127.0.0.1 that each test scripts: no fetch mocks.
interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
}
type Handler = (req: IncomingMessage, res: ServerResponse, seen: Seen, n: number) => void;

let server: Server | undefined;
const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    if (s.listening) await new Promise<void>((r) => (s.closeAllConnections(), s.close(() => r())));
  }
  server = undefined;
});

async function serve(handler: Handler): Promise<{ url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      const s = { method: req.method!, url: req.url!, headers: req.headers, body };
      seen.push(s);
      handler(req, res, s, seen.length);
    });
  });
  servers.push(server);
  await new Promise<void>((r) => server!.listen(0, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${(server!.address() as AddressInfo).port}`, seen };
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
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error("expected a refusal");
    },
    (e: unknown) => e as LinliClientError,
  );
const order = {
  menuId: "three-moms-2026-12-01",
  lines: [{ itemId: "tiger-roll", quantity: 1 }],
  slotId: "s1500",
  contact: { name: "林晓雨", phone: "13800009901" },
  consent: { given: true as const, policyVersion: "2026-11", at: "2026-12-01T08:00:00+08:00" },
};
const receipt = {
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

describe("createClient over real HTTP", () => {
  it("sends each call to its route with its query and headers, and parses the answer", async () => {
    const { url, seen } = await serve((_q, res, s) => {
      if (s.url.startsWith("/v1/hub")) return json(res, 200, redHouse);
      if (s.url.startsWith("/v1/groups?")) return json(res, 200, { groups: [] });
      if (s.url.startsWith("/v1/orders")) return json(res, 201, receipt);
      json(res, 404, errorOf(404, "NOT_FOUND"));
    });
    const store = createClient({ baseUrl: `${url}/`, headers: { "x-site": "banshan" } });
    expect((await store.getHub()).id).toBe("red-house");
    expect(await store.listGroups({ category: "baking", q: "三个 妈妈" })).toEqual([]);
    expect(await store.placeOrder(order, { idempotencyKey: "key-00000001" })).toEqual(receipt);
    expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual([
      "GET /v1/hub",
      "GET /v1/groups?category=baking&q=%E4%B8%89%E4%B8%AA+%E5%A6%88%E5%A6%88",
      "POST /v1/orders",
    ]);
    expect(seen[0]!.headers["x-site"]).toBe("banshan");
    expect(seen[2]!.headers["idempotency-key"]).toBe("key-00000001");
    expect(seen[2]!.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(seen[2]!.body)).toEqual(order);
  });

  it("turns an error body into a typed error with its issues and field messages", async () => {
    const issues = [
      {
        code: "SOLD_OUT",
        path: "lines.0.quantity",
        message: { "zh-CN": "“虎皮奶油卷”已售罄", en: "“Tiger-skin cream roll” is sold out" },
      },
    ];
    const { url } = await serve((_q, res) => json(res, 409, errorOf(409, "SOLD_OUT", issues)));
    const e = await refusal(
      createClient({ baseUrl: url }).placeOrder(order, { idempotencyKey: "key-00000002" }),
    );
    expect(e).toBeInstanceOf(LinliClientError);
    expect([e.kind, e.status, e.code]).toEqual(["conflict", 409, "SOLD_OUT"]);
    expect(e.fieldMessages("zh-CN")).toEqual({ "lines.0.quantity": "“虎皮奶油卷”已售罄" });
    expect(e.retryable).toBe(false);
  });

  it("refuses an answer the contract does not define", async () => {
    const { url } = await serve((_q, res) => json(res, 200, { id: 42 }));
    const e = await refusal(createClient({ baseUrl: url }).getHub());
    expect([e.kind, e.code]).toEqual(["server", "INVALID_RESPONSE"]);
    expect(e.messageIn("en")).toBe("The server answered with something the API does not define");
  });

  it("retries a read after 5xx, and stops after the retries allowed", async () => {
    const { url, seen } = await serve((_q, res, _s, n) =>
      n < 3 ? json(res, 503, errorOf(503, "INTERNAL")) : json(res, 200, redHouse),
    );
    expect((await createClient({ baseUrl: url, retryDelayMs: 1 }).getHub()).id).toBe("red-house");
    expect(seen).toHaveLength(3);
    const failing = await serve((_q, res) => json(res, 503, errorOf(503, "INTERNAL")));
    const e = await refusal(
      createClient({ baseUrl: failing.url, retries: 1, retryDelayMs: 1 }).getHub(),
    );
    expect([e.kind, e.status, e.retryable]).toEqual(["server", 503, true]);
    expect(failing.seen).toHaveLength(2);
  });

  it("retries an order with the same idempotency key after 503 and after a dropped connection", async () => {
    const { url, seen } = await serve((req, res, _s, n) => {
      if (n === 1) return json(res, 503, errorOf(503, "INTERNAL"));
      if (n === 2) return req.socket.destroy();
      json(res, 201, receipt);
    });
    expect(
      await createClient({ baseUrl: url, retryDelayMs: 1 }).placeOrder(order, {
        idempotencyKey: "key-00000003",
      }),
    ).toEqual(receipt);
    expect(seen.map((s) => s.headers["idempotency-key"])).toEqual([
      "key-00000003",
      "key-00000003",
      "key-00000003",
    ]);
  });

  it("does not retry a refusal of the request itself", async () => {
    const { url, seen } = await serve((_q, res) =>
      json(res, 400, errorOf(400, "VALIDATION_FAILED")),
    );
    const e = await refusal(
      createClient({ baseUrl: url, retryDelayMs: 1 }).placeOrder(order, {
        idempotencyKey: "key-00000004",
      }),
    );
    expect([e.kind, e.status]).toEqual(["validation", 400]);
    expect(seen).toHaveLength(1);
  });

  it("times out a hanging answer, and retries it", async () => {
    const { url, seen } = await serve((_q, res, _s, n) => {
      if (n === 1) return; // never answers
      json(res, 200, redHouse);
    });
    expect(
      (await createClient({ baseUrl: url, timeoutMs: 100, retryDelayMs: 1 }).getHub()).id,
    ).toBe("red-house");
    expect(seen).toHaveLength(2);
  });

  it("reports a time-out as such when no retry is left", async () => {
    const { url } = await serve(() => {});
    const started = Date.now();
    const e = await refusal(createClient({ baseUrl: url, timeoutMs: 80, retries: 0 }).getHub());
    expect(e.kind).toBe("timeout");
    expect(e.messageIn("zh-CN")).toBe("服务器响应超时，请重试");
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("stops at once when the caller aborts, without retrying", async () => {
    const { url, seen } = await serve(() => {});
    const controller = new AbortController();
    const pending = refusal(
      createClient({ baseUrl: url, retryDelayMs: 1 }).getHub({ signal: controller.signal }),
    );
    await new Promise((r) => setTimeout(r, 50));
    controller.abort();
    const e = await pending;
    expect(e.kind).toBe("aborted");
    expect(seen).toHaveLength(1);
    const already = await refusal(
      createClient({ baseUrl: url }).getHub({ signal: AbortSignal.abort() }),
    );
    expect(already.kind).toBe("aborted");
    expect(seen).toHaveLength(1);
  });

  it("waits as long as Retry-After says on 429", async () => {
    const { url, seen } = await serve((_q, res, _s, n) =>
      n === 1
        ? json(res, 429, errorOf(429, "RATE_LIMITED"), { "retry-after": "1" })
        : json(res, 200, redHouse),
    );
    const started = Date.now();
    await createClient({ baseUrl: url, retryDelayMs: 1 }).getHub();
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(seen).toHaveLength(2);
  });

  it("reports an unreachable server as a network error", async () => {
    const { url } = await serve(() => {});
    await new Promise<void>((r) => (server!.closeAllConnections(), server!.close(() => r())));
    server = undefined;
    const e = await refusal(createClient({ baseUrl: url, retries: 1, retryDelayMs: 1 }).getHub());
    expect(e.kind).toBe("network");
    expect(e.retryable).toBe(true);
  });
});
