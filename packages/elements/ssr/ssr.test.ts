// Server rendering, tested the way a site does it: the published build (dist/, through the
// package's own exports) imported in Node, rendered by @lit-labs/ssr to HTML with declarative
// shadow DOM, then that HTML served over HTTP on 127.0.0.1 to real Chromium, first with
// JavaScript off (the groups must still be there) and then hydrated by the same bundle a page
// would ship.
import { createServer, type Server } from "node:http";
import { existsSync, readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { render } from "@lit-labs/ssr";
import { collectResult } from "@lit-labs/ssr/lib/render-result.js";
import { html } from "lit";
import { build } from "esbuild";
import { chromium, type Browser, type Page } from "playwright";
import { matchesGroupQuery } from "@linli/core/groups";
import type { PublicGroup } from "@linli/core/contract";
import { redHouseGroups, TUESDAY_8AM } from "../src/test-support/groups.js";
import { groupDirectoryMessages } from "../src/group-directory/group-directory.messages.js";

const directoryEn = groupDirectoryMessages["directory.search"].en;

const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
  name: string;
  exports: Record<string, unknown>;
};

// The fixtures' cover photos live on a site that is not there; the test server has one.
const groups: PublicGroup[] = redHouseGroups.map((g) =>
  g.cover ? { ...g, cover: { ...g.cover, url: "/cover.svg" } } : g,
);
const names = (locale: "zh-CN" | "en") => groups.map((g) => g.name[locale] ?? g.name["zh-CN"]);

/** What a site's server does: render the element to a string. */
const ssr = (template: unknown) => collectResult(render(template));

/**
 * What follows each `<template shadowrootmode="open">` in `markup` up to the next
 * `</template>`: a card's whole shadow root, or a directory's up to its first card's end.
 */
function shadowTemplates(markup: string): string[] {
  return [...markup.matchAll(/<template[^>]*\bshadowrootmode="open"[^>]*>/g)].map((m) => {
    const start = m.index + m[0].length;
    return markup.slice(start, markup.indexOf("</template>", start));
  });
}

/** A page around server-rendered markup; the data goes along for the client's properties. */
function page(body: string, lang: string): string {
  const data = JSON.stringify(groups).replaceAll("<", "\\u003c");
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>SSR</title></head>
<body>${body}
<script type="application/json" id="groups">${data}</script>
<script>
  // Properties set before the elements are defined: hydration renders with these.
  const dir = document.querySelector("linli-group-directory");
  dir.groups = JSON.parse(document.getElementById("groups").textContent);
  dir.now = ${TUESDAY_8AM};
</script></body></html>`;
}

describe("@linli/elements in Node", () => {
  it("imports every public entry without throwing, and registers the tags", async () => {
    const entries = Object.keys(pkg.exports).filter(
      (k) => !k.includes("*") && !k.endsWith(".json"),
    );
    expect(entries.length).toBeGreaterThan(2);
    for (const entry of entries) await import(`${pkg.name}${entry.slice(1)}`);
    for (const tag of ["linli-group-card", "linli-group-directory", "linli-preorder"]) {
      expect(customElements.get(tag), tag).toBeDefined();
    }
  });

  it("renders <linli-group-card> to declarative shadow DOM with the group's name", async () => {
    await import("@linli/elements/linli-group-card.js");
    const g = groups[0]!;
    const out = await ssr(
      html`<linli-group-card
        .group=${g}
        .now=${TUESDAY_8AM}
        heading-level="2"
        join-href="/groups/{slug}/join"
      ></linli-group-card>`,
    );
    const [shadow] = shadowTemplates(out);
    expect(shadow).toBeDefined();
    expect(shadow).toMatch(new RegExp(`<h2 id="name"[^>]*>(<!--[^>]*-->)*${g.name["zh-CN"]}`));
    expect(shadow).toContain(`href="/groups/${g.slug}/join"`); // a link, even before JS
  });

  it("renders <linli-group-directory> with every group's card inside its shadow root", async () => {
    await import("@linli/elements/linli-group-directory.js");
    const out = await ssr(
      html`<linli-group-directory .groups=${groups} .now=${TUESDAY_8AM}></linli-group-directory>`,
    );
    const [directory, ...cards] = shadowTemplates(out);
    expect(directory).toContain("<linli-group-card");
    expect(cards).toHaveLength(groups.length);
    names("zh-CN").forEach((name, i) => expect(cards[i]).toContain(name));
  });
});

describe("server-rendered groups in Chromium", () => {
  let server: Server;
  let base: string;
  let browser: Browser;
  const pages = new Map<string, string>();

  beforeAll(async () => {
    // What a site ships: Lit's hydration support first, then the elements.
    const client = await build({
      stdin: {
        contents: `import "@lit-labs/ssr-client/lit-element-hydrate-support.js";
          import "@linli/elements/linli-group-directory.js";`,
        resolveDir: new URL("..", import.meta.url).pathname,
      },
      bundle: true,
      format: "esm",
      write: false,
      logLevel: "error",
    });
    const clientJs = client.outputFiles[0]!.text;
    const cover = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 9"><rect width="16" height="9" fill="#ddd"/></svg>`;
    server = createServer((req, res) => {
      const body =
        req.url === "/client.js"
          ? clientJs
          : req.url === "/cover.svg"
            ? cover
            : pages.get(req.url ?? "");
      if (body === undefined) return void res.writeHead(404).end();
      const type = req.url!.endsWith(".js")
        ? "text/javascript"
        : req.url!.endsWith(".svg")
          ? "image/svg+xml"
          : "text/html; charset=utf-8";
      res.writeHead(200, { "content-type": type }).end(body);
    });
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    await import("@linli/elements/linli-group-directory.js");
    // The directory's data is set as a property on the server, and again on the client before
    // the elements load (see page()), so hydration renders what the server did.
    const rendered = await ssr(
      html`<main>
        <h1>红房子</h1>
        <linli-group-directory .groups=${groups} .now=${TUESDAY_8AM}></linli-group-directory>
      </main>`,
    );
    pages.set("/zh", page(rendered, "zh-CN"));
    pages.set("/en", page(rendered, "en"));

    const executablePath = [process.env["CHROMIUM_PATH"], "/usr/bin/chromium"].find(
      (p): p is string => !!p && existsSync(p),
    );
    browser = await chromium.launch({
      ...(executablePath ? { executablePath } : {}),
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
      ],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((done) => server?.close(done));
  });

  /**
   * The cards' headings, through open shadow roots. (Text content: the grid skips rendering
   * cards below the fold, `content-visibility: auto`, which empties their innerText.)
   */
  const headings = (p: Page) =>
    p.locator("linli-group-card").getByRole("heading").allTextContents();

  it("shows every group with JavaScript disabled", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const p = await context.newPage();
    await p.goto(`${base}/zh`);
    expect(await headings(p)).toEqual(names("zh-CN"));
    expect(await p.getByRole("heading", { name: names("zh-CN")[0] }).isVisible()).toBe(true);
    await expect
      .poll(() => p.locator("linli-group-card").first().getByRole("button").innerText())
      .toContain("加入");
    await context.close();
  });

  /**
   * Loads a server-rendered page, notes its nodes, loads the client bundle and waits for
   * every element to hydrate. Returns the page and what went to the console.
   */
  async function hydrate(path: string) {
    const context = await browser.newContext();
    const p = await context.newPage();
    const problems: string[] = [];
    p.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
    p.on("console", (m) => {
      if (m.type() === "error" || m.type() === "warning") problems.push(`${m.type()}: ${m.text()}`);
    });
    await p.goto(`${base}${path}`);
    await p.evaluate(() => {
      const dir = document.querySelector("linli-group-directory")!;
      const cards = [...dir.shadowRoot!.querySelectorAll("linli-group-card")];
      Object.assign(window, {
        before: {
          search: dir.shadowRoot!.querySelector("input"),
          cards,
          headings: cards.map((c) => c.shadowRoot!.querySelector("#name")),
        },
      });
    });
    await p.addScriptTag({ url: "/client.js", type: "module" });
    await p.evaluate(async () => {
      const dir = document.querySelector("linli-group-directory")!;
      await dir.updateComplete;
      await Promise.all(
        [...dir.shadowRoot!.querySelectorAll("linli-group-card")].map((c) => c.updateComplete),
      );
    });
    const kept = await p.evaluate(() => {
      type Before = { search: Element; cards: Element[]; headings: Element[] };
      const before = (window as unknown as { before: Before }).before;
      const dir = document.querySelector("linli-group-directory")!;
      const cards = [...dir.shadowRoot!.querySelectorAll("linli-group-card")];
      return {
        hydrated: dir.hasUpdated && cards.every((c) => c.hasUpdated),
        search: dir.shadowRoot!.querySelector("input") === before.search,
        cards: cards.length === before.cards.length && cards.every((c, i) => c === before.cards[i]),
        headings: cards.every(
          (c, i) => c.shadowRoot!.querySelector("#name") === before.headings[i],
        ),
      };
    });
    return { context, page: p, problems, kept };
  }

  it("hydrates without errors, keeping the server's nodes, and filters afterwards", async () => {
    const { context, page: p, problems, kept } = await hydrate("/zh");
    expect(kept).toEqual({ hydrated: true, search: true, cards: true, headings: true });
    expect(problems).toEqual([]);

    // The count is the client's own work (a live region), so it proves the element runs.
    const count = p.locator("linli-group-directory").getByRole("status");
    await expect.poll(() => count.innerText()).toMatch(String(groups.length));

    const q = "烘焙";
    const expected = groups.filter((g) => matchesGroupQuery(g, { q }));
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(groups.length);
    await p.locator("linli-group-directory").getByRole("searchbox").fill(q);
    await expect.poll(() => headings(p)).toEqual(expected.map((g) => g.name["zh-CN"]));
    // The cards still shown are the server's, and their headings are live: they follow the
    // page's language.
    expect(
      await p.evaluate(() => {
        const before = (window as unknown as { before: { cards: Element[] } }).before;
        const dir = document.querySelector("linli-group-directory")!;
        return [...dir.shadowRoot!.querySelectorAll("linli-group-card")].every((c) =>
          before.cards.includes(c),
        );
      }),
    ).toBe(true);
    await p.evaluate(() => document.documentElement.setAttribute("lang", "en"));
    await expect.poll(() => headings(p)).toEqual(expected.map((g) => g.name.en ?? g.name["zh-CN"]));
    expect(problems).toEqual([]);
    await context.close();
  });

  it("hydrates an English page, then shows it in English", async () => {
    const { context, page: p, problems, kept } = await hydrate("/en");
    expect(kept).toEqual({ hydrated: true, search: true, cards: true, headings: true });
    await expect.poll(() => headings(p)).toEqual(names("en"));
    // Text that lives in the templates (not only the headings the cards set themselves).
    const firstCard = p.locator("linli-group-card").first();
    await expect.poll(() => firstCard.getByRole("button").innerText()).toMatch(/^Join\b/);
    await expect
      .poll(() => p.locator("linli-group-directory").locator("label[for=q]").innerText())
      .toBe(directoryEn);
    await expect
      .poll(() => p.locator("linli-group-directory").getByRole("status").innerText())
      .toMatch(new RegExp(`${groups.length} groups`));
    expect(problems).toEqual([]);
    await context.close();
  });
});
