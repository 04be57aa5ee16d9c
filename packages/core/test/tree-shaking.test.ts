import { build, type Plugin } from "esbuild";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// The browser widgets import labels, formatting and filters from core, not its schemas.
// Top-level schemas are wrapped in `/* @__PURE__ */ (() => ...)()` so a bundler drops them
// (and zod with them) when nothing uses them; these bundles prove it stays that way.
const root = fileURLToPath(new URL("..", import.meta.url));

// The published build merges modules into shared chunks, so `sideEffects: false` cannot drop
// a whole unused module there: only the annotations can. Bundle the sources the same way,
// with every core module treated as having side effects.
const asChunks: Plugin = {
  name: "core-modules-as-chunks",
  setup(b) {
    b.onResolve({ filter: /^\.\.?\// }, (args) =>
      args.importer.includes("/src/") || args.importer === ""
        ? {
            path: resolve(
              args.importer ? dirname(args.importer) : root,
              args.path.replace(/\.js$/, ".ts"),
            ),
            sideEffects: true,
          }
        : undefined,
    );
  },
};

async function bundle(code: string): Promise<string> {
  const out = await build({
    stdin: { contents: code, resolveDir: root, loader: "ts" },
    bundle: true,
    minify: true,
    format: "esm",
    write: false,
    logLevel: "silent",
    plugins: [asChunks],
  });
  return out.outputFiles[0]!.text;
}

const ZOD = "$ZodType"; // a class name zod keeps in every minified bundle that holds it

describe("tree-shaking for browser bundles", () => {
  it("keeps zod out of a bundle that uses only group labels, filters and the next session", async () => {
    const js = await bundle(`
      import { GROUP_CATEGORY_LABELS, GROUP_STATUS_LABELS, matchesGroupQuery, nextSession } from "./src/groups/index.ts";
      import { localize, resolveLocale } from "./src/i18n/locale.ts";
      console.log(GROUP_CATEGORY_LABELS, GROUP_STATUS_LABELS, matchesGroupQuery, nextSession, localize, resolveLocale);
    `);
    expect(js).not.toContain(ZOD);
    expect(js.length).toBeLessThan(6_000);
  });

  it("keeps zod out of money formatting", async () => {
    const js = await bundle(`
      import { formatMoney, money } from "./src/money/index.ts";
      console.log(formatMoney(money(1850, "CNY"), "zh-CN"));
    `);
    expect(js).not.toContain(ZOD);
  });

  it("keeps zod out of preorder rules, phone checks and the calendar file", async () => {
    const js = await bundle(`
      import { checkOrder, cutoffAt, menuAvailability, priceOrder } from "./src/preorder/index.ts";
      import { isCnMobile, maskPhone } from "./src/phone/index.ts";
      import { icsEvent } from "./src/calendar/index.ts";
      console.log(checkOrder, cutoffAt, menuAvailability, priceOrder, isCnMobile, maskPhone, icsEvent);
    `);
    expect(js).not.toContain(ZOD);
  });

  it("lets a browser form check an application without the whole message catalogue", async () => {
    // What <linli-recruit-form> imports: the application schema, the code-level check, the
    // field messages and the labels of its choices. Not the catalogue of every rule's
    // messages, the field-label table, or the call's, the stored application's and the
    // hub's schemas.
    const js = await bundle(`
      import { ApplicationInputSchema, AVAILABILITY_LABELS } from "./src/recruitment/index.ts";
      import { checkFields } from "./src/validation/index.ts";
      import { fieldValidationMessages, fillMessage } from "./src/i18n/index.ts";
      import { COHORT_LABELS } from "./src/partners/index.ts";
      import { SUPPORT_KIND_LABELS } from "./src/hub/index.ts";
      console.log(checkFields(ApplicationInputSchema, {}), fieldValidationMessages, fillMessage,
        AVAILABILITY_LABELS, COHORT_LABELS, SUPPORT_KIND_LABELS);
    `);
    expect(js).toContain(ZOD);
    expect(js).toContain("CONSENT_REQUIRED");
    for (const absent of [
      "LEDGER_UNBALANCED",
      "SOLD_OUT",
      "perOrderLimit",
      "privacyPolicy",
      "onboarded",
      "supportOffers",
      "splitRuleSetId",
    ])
      expect(js, absent).not.toContain(absent);
  });

  it("carries only the order and money messages with the order rules", async () => {
    // What <linli-preorder>'s rules chunk runs: each rule words its issues from its own
    // section of the catalogue, so the ledger's, the metrics' and recruitment's stay out.
    const js = await bundle(`
      import { checkOrder, priceOrder } from "./src/preorder/index.ts";
      console.log(checkOrder, priceOrder);
    `);
    for (const present of ["SOLD_OUT", "SLOT_FULL", "CURRENCY_MISMATCH"])
      expect(js, present).toContain(present);
    for (const absent of ["LEDGER_UNBALANCED", "TIER_GAP", "NO_BASELINE", "APPLICATIONS_CLOSED"])
      expect(js, absent).not.toContain(absent);
  });

  it("checks data against a schema with the field messages alone", async () => {
    // What the elements' idle-time data check and the HTTP client's answer check import.
    const js = await bundle(`
      import { PublicGroupSchema } from "./src/contract/index.ts";
      import { validateIn } from "./src/validation/index.ts";
      import { fieldValidationMessages } from "./src/i18n/index.ts";
      console.log(validateIn(fieldValidationMessages, PublicGroupSchema, {}));
    `);
    expect(js).toContain(ZOD);
    expect(js).toContain("END_BEFORE_START");
    for (const absent of ["SOLD_OUT", "LEDGER_UNBALANCED", "NO_BASELINE", "APPLICATIONS_CLOSED"])
      expect(js, absent).not.toContain(absent);
    // validate words from the whole catalogue, so the check above can fail.
    const full = await bundle(`
      import { PublicGroupSchema } from "./src/contract/index.ts";
      import { validate } from "./src/validation/index.ts";
      console.log(validate(PublicGroupSchema, {}));
    `);
    expect(full).toContain("LEDGER_UNBALANCED");
  });

  it("lets an HTTP client call the public routes without the admin routes' schemas", async () => {
    // What @linli/client's HTTP client imports: it never calls an admin route.
    const publicOnly = await bundle(`
      import { publicRoutes, routePath } from "./src/contract/index.ts";
      console.log(publicRoutes, routePath(publicRoutes.getMenu, { id: "x" }));
    `);
    expect(publicOnly).toContain("/v1/groups/:id/menu");
    for (const absent of ["/v1/admin", "capPerPeriod", "waiversApplied", "netPayable"])
      expect(publicOnly, absent).not.toContain(absent);
    // The full table does carry them, so the check above can fail.
    const all = await bundle(`
      import { routes } from "./src/contract/index.ts";
      console.log(routes);
    `);
    for (const present of ["/v1/admin", "capPerPeriod", "netPayable"])
      expect(all).toContain(present);
  });

  it("still bundles zod when a schema is used (the check above can fail)", async () => {
    const js = await bundle(`
      import { GroupSchema } from "./src/groups/index.ts";
      console.log(GroupSchema);
    `);
    expect(js).toContain(ZOD);
  });
});
