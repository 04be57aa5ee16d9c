import type { MiddlewareHandler } from "hono";

/** What {@link corsFor} allows. */
export interface CorsOptions {
  /** Exact origins (scheme, host, port) of the sites that embed the widgets. */
  readonly origins: readonly string[];
  readonly methods: readonly string[];
  readonly headers: readonly string[];
  /** How long a browser may cache a preflight answer, seconds. */
  readonly maxAge: number;
}

/**
 * CORS for the embedding sites only: other origins get no `Access-Control-Allow-Origin`, so
 * their pages cannot read answers. Headers are set before the handler runs. Hono's own `cors`
 * appends `Vary` afterwards, which makes @hono/node-server turn its light response into a full
 * fetch Response on every request: a fifth of the cost of a small answer.
 */
export function corsFor(options: CorsOptions): MiddlewareHandler {
  const allowed = new Set(options.origins);
  const methods = options.methods.join(",");
  const headers = options.headers.join(",");
  const maxAge = String(options.maxAge);
  return async (c, next) => {
    const origin = c.req.header("origin");
    const allow = origin !== undefined && allowed.has(origin) ? origin : undefined;
    if (c.req.method === "OPTIONS" && c.req.header("access-control-request-method")) {
      const h: Record<string, string> = { vary: "Origin" };
      if (allow) {
        h["access-control-allow-origin"] = allow;
        h["access-control-allow-methods"] = methods;
        h["access-control-allow-headers"] = headers;
        h["access-control-max-age"] = maxAge;
      }
      return c.body(null, 204, h);
    }
    c.header("vary", "Origin");
    if (allow) c.header("access-control-allow-origin", allow);
    await next();
  };
}
