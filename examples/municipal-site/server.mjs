// The street office's site and its Linli API in one Node process, on one origin:
//   /            the page (site/index.html), /privacy the privacy notice
//   /vendor/linli/*  @linli/elements' script-tag build (dist/cdn), as a site would host it
//   /api/*       the Linli API (@linli/server's Hono app), on an SQLite file seeded with the demo
// One origin keeps the Content-Security-Policy to 'self' for everything.
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { dirname, extname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants as zlib, gzipSync } from "node:zlib";
import { getRequestListener } from "@hono/node-server";
import { createApp, createSqliteStorage, hashAdminKey, seedDemo } from "@linli/server";
import { Hono } from "hono";
import { compress } from "hono/compress";

const here = dirname(fileURLToPath(import.meta.url));
const siteDir = join(here, "site");
// The package's public export, resolved like any site's build step would.
const cdnDir = dirname(
  createRequire(import.meta.url).resolve("@linli/elements/cdn/linli-elements.js"),
);

/**
 * The page's policy: everything from this origin, nothing inline, no eval. Lit renders
 * through Trusted Types ('lit-html'), so the page can require them too.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
  "trusted-types lit-html",
].join("; ");

const securityHeaders = {
  "content-security-policy": contentSecurityPolicy,
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-resource-policy": "same-origin",
  "x-frame-options": "DENY",
  "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
};

const types = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".json": "application/json; charset=utf-8",
};

/** A file held in memory with its compressed forms, so a request costs no disk or CPU. */
function asset(body, type, cacheControl) {
  const compressible = !type.startsWith("image/") || type === "image/svg+xml";
  return {
    type,
    cacheControl,
    etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 22)}"`,
    identity: body,
    br: compressible
      ? brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } })
      : undefined,
    gzip: compressible ? gzipSync(body, { level: 9 }) : undefined,
  };
}

const filesUnder = (dir) =>
  readdirSync(dir, { recursive: true })
    .map((f) => join(dir, String(f)))
    .filter((f) => statSync(f).isFile());

/** The script's static imports, transitively: the page preloads them with the script. */
function staticChunks(entry) {
  const seen = new Set();
  const visit = (file) => {
    const code = readFileSync(join(cdnDir, file), "utf8");
    // Static `import … from "./x.js"` and `import "./x.js"` only; `import("./x.js")` loads later.
    for (const m of code.matchAll(/(?:\bfrom|\bimport)\s*["'](\.\/[\w.-]+\.js)["']/g)) {
      const name = m[1].slice(2);
      if (!seen.has(name)) {
        seen.add(name);
        visit(name);
      }
    }
  };
  visit(entry);
  return [...seen];
}

/** Every URL the site answers with a file. Built once at start. */
function loadAssets() {
  const assets = new Map();
  const revalidate = "no-cache"; // always asked again, answered with 304 while unchanged
  const preloads = staticChunks("linli-elements.js")
    .map((c) => `<link rel="modulepreload" href="/vendor/linli/${c}" />`)
    .join("\n    ");
  for (const file of filesUnder(siteDir)) {
    const url = "/" + relative(siteDir, file).split(sep).join("/");
    const type = types[extname(file)];
    if (!type) continue;
    let body = readFileSync(file);
    if (url.endsWith(".html"))
      body = Buffer.from(
        body.toString("utf8").replace(/<!-- linli:modulepreload[^>]*-->/, preloads),
      );
    const cache = url.startsWith("/images/") ? "public, max-age=86400" : revalidate;
    assets.set(url, asset(body, type, cache));
  }
  assets.set("/", assets.get("/index.html"));
  assets.set("/privacy", assets.get("/privacy.html"));
  for (const file of filesUnder(cdnDir)) {
    const name = relative(cdnDir, file).split(sep).join("/");
    const type = types[extname(file)];
    if (!type) continue;
    // esbuild names chunks by content hash: they never change under their name.
    const hashed = /-[A-Z0-9]{8}\.js(\.map)?$/.test(name);
    assets.set(
      `/vendor/linli/${name}`,
      asset(readFileSync(file), type, hashed ? "public, max-age=31536000, immutable" : revalidate),
    );
  }
  return assets;
}

/**
 * The demo data names a photo per group (`/images/groups/<slug>.webp`) and per bakery item
 * (`/images/bakery/<item>.webp`). This demo ships no photographs: it answers with an
 * illustration (SVG, with its own content type) of the group's category or of the item.
 */
async function imageFor(pathname, storage, assets) {
  const bakery = /^\/images\/bakery\/([\w-]+)\.webp$/.exec(pathname);
  if (bakery) return assets.get(`/images/bakery/${bakery[1]}.svg`);
  const group = /^\/images\/groups\/([\w-]+)\.webp$/.exec(pathname);
  if (!group) return undefined;
  const found = await storage.getGroup(group[1]);
  return found ? assets.get(`/images/categories/${found.category}.svg`) : undefined;
}

/**
 * Starts the site and its API.
 *
 * @param {object} [options]
 * @param {number} [options.port] 0 picks a free port; default 8080
 * @param {string} [options.host] default 127.0.0.1 (loopback)
 * @param {string} [options.db] SQLite file; created, migrated and seeded with the demo if empty
 * @param {string} [options.adminKey] enables the admin API (`Authorization: Bearer <key>`)
 * @param {number | false} [options.rateLimitPerMinute] public POSTs per client per minute
 * @param {(entry: Record<string, string | number>) => void} [options.log] request log (no personal data)
 * @param {() => number} [options.now] the server's clock (epoch ms) for cut-offs and the demo
 *   seed; tests pass one so menus are open whatever the real time of day
 * @returns {Promise<{ url: string, port: number, close(): Promise<void> }>}
 *
 * @example
 * const site = await startSite({ port: 0, db: "/tmp/linli.db", adminKey: "change-me" });
 * console.log(site.url); // http://127.0.0.1:41234
 * await site.close();
 */
export async function startSite(options = {}) {
  const db = options.db ?? join(here, ".data", "linli.db");
  mkdirSync(dirname(db), { recursive: true });
  const storage = createSqliteStorage({ filename: db });
  await storage.migrate();
  const now = options.now ?? Date.now;
  // Seeds an empty database; a later start adds the bakery's menus for the days ahead.
  await seedDemo(storage, now());

  const api = createApp({
    storage,
    now,
    adminKeyHashes: options.adminKey ? [hashAdminKey(options.adminKey)] : [],
    rateLimitPerMinute: options.rateLimitPerMinute ?? 60,
    log: options.log,
  });
  // The group list and the metrics are some 50 KB of JSON each: compressed, about a tenth.
  const apiListener = getRequestListener(new Hono().use(compress()).route("/", api).fetch);
  const assets = loadAssets();

  const server = createServer(async (req, res) => {
    for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value);
    const url = new URL(req.url ?? "/", "http://site.invalid");
    if (url.pathname.startsWith("/api/")) {
      // The API sees its own paths (/v1/...): the prefix is the site's, not the contract's.
      req.url = req.url.slice("/api".length);
      res.setHeader("cache-control", "no-store");
      return apiListener(req, res);
    }
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD" }).end();
      return;
    }
    let found = assets.get(url.pathname);
    if (!found && url.pathname.startsWith("/images/"))
      found = await imageFor(url.pathname, storage, assets).catch(() => undefined);
    if (!found) {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Not found");
      return;
    }
    res.setHeader("cache-control", found.cacheControl);
    res.setHeader("etag", found.etag);
    res.setHeader("vary", "accept-encoding");
    if (req.headers["if-none-match"] === found.etag) {
      res.writeHead(304).end();
      return;
    }
    const accepts = String(req.headers["accept-encoding"] ?? "");
    const encoding =
      found.br && /\bbr\b/.test(accepts)
        ? "br"
        : found.gzip && /\bgzip\b/.test(accepts)
          ? "gzip"
          : undefined;
    const body = encoding ? found[encoding] : found.identity;
    res.writeHead(200, {
      "content-type": found.type,
      "content-length": body.length,
      ...(encoding ? { "content-encoding": encoding } : {}),
    });
    res.end(req.method === "HEAD" ? undefined : body);
  });

  const host = options.host ?? "127.0.0.1";
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 8080, host, resolve);
  });
  const { port } = server.address();
  let closing;
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
    port,
    close: () =>
      (closing ??= new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }).then(() => storage.close())),
  };
}
