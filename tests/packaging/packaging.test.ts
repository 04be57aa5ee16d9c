// The packages as a user meets them: packed by pnpm (workspace:* turned into versions),
// linted by publint and Are the Types Wrong, installed with npm into a fresh project outside
// the workspace, and used there: every public entry imported in Node, a consumer type-checked
// by tsc in node16 and bundler resolution, an element bundled by esbuild. Nothing resolves
// back into the workspace: the project lives in the system's temp folder.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "esbuild";
import {
  bin,
  publishedPackages,
  readJson,
  root,
  run,
  runOk,
  type Manifest,
  type WorkspacePackage,
} from "./workspace.js";

const packages: WorkspacePackage[] = publishedPackages();
const work = mkdtempSync(join(tmpdir(), "linli-packaging-"));
const tarballDir = join(work, "tarballs");
const consumer = join(work, "consumer");
const tarballs = new Map<string, string>(); // package name → .tgz path

/** An `exports` key as the specifier a user writes: "." → "@linli/core", "./money" → "@linli/core/money". */
const specifier = (name: string, key: string) => (key === "." ? name : `${name}${key.slice(1)}`);

/** The target file of an export (`import` condition, or the plain string). */
function target(value: string | Record<string, string>): string | undefined {
  return typeof value === "string" ? value : (value["import"] ?? value["default"]);
}

interface Entry {
  pkg: string;
  key: string;
  spec: string;
  target: string;
}

/** Every exported subpath of every package, from the installed package.json files. */
function installedEntries(): Entry[] {
  return packages.flatMap(({ manifest: { name } }) => {
    const installed = readJson<Manifest>(join(consumer, "node_modules", name, "package.json"));
    return Object.entries(installed.exports ?? {}).map(([key, value]) => ({
      pkg: name,
      key,
      spec: specifier(name, key),
      target: target(value) ?? "",
    }));
  });
}

const isCode = (e: Entry) => !e.key.includes("*") && /\.(m?js)$/.test(e.target);

beforeAll(async () => {
  mkdirSync(tarballDir, { recursive: true });
  await Promise.all(
    packages.map(({ dir }) =>
      runOk("pnpm", ["pack", "--pack-destination", tarballDir], { cwd: dir }),
    ),
  );
  for (const file of readdirSync(tarballDir)) {
    const manifest = packages.find(
      (p) =>
        file === `${p.manifest.name.replace("@", "").replace("/", "-")}-${p.manifest.version}.tgz`,
    );
    if (manifest) tarballs.set(manifest.manifest.name, join(tarballDir, file));
  }
}, 120_000);

// LINLI_KEEP_PACKAGING=1 keeps the project for a look after a failure.
afterAll(() => {
  if (process.env["LINLI_KEEP_PACKAGING"]) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
});

it("packs every published package", () => {
  expect(packages.length).toBeGreaterThanOrEqual(4);
  expect([...tarballs.keys()].sort()).toEqual(packages.map((p) => p.manifest.name).sort());
});

describe.each(packages.map((p) => p.manifest.name))("%s", (name) => {
  it.concurrent("passes publint (strict: warnings fail too)", async () => {
    const r = await run(bin("publint"), ["run", tarballs.get(name)!, "--strict"], { cwd: work });
    expect(r.code, `${r.stdout}\n${r.stderr}`).toBe(0);
  });

  // ESM-only packages: the esm-only profile checks node16 resolution from ESM and bundler
  // resolution, and leaves out node10 and require() from CommonJS, which an ESM-only
  // package does not support by design (a CommonJS user imports it with `await import()`).
  it.concurrent("passes Are the Types Wrong (esm-only profile)", async () => {
    const r = await run(
      bin("attw"),
      [tarballs.get(name)!, "--profile", "esm-only", "--format", "ascii", "--no-color"],
      { cwd: work },
    );
    expect(r.code, `${r.stdout}\n${r.stderr}`).toBe(0);
  });
});

describe("installed from the tarballs into a fresh npm project", () => {
  beforeAll(async () => {
    mkdirSync(consumer, { recursive: true });
    writeFileSync(
      join(consumer, "package.json"),
      JSON.stringify({ name: "linli-consumer", private: true, type: "module" }, null, 2),
    );
    // Peer dependencies a user adds themselves (react for @linli/react, its types): the
    // version the package's own tests use when it pins one, else the declared range.
    const peers = new Map<string, string>();
    for (const { manifest } of packages) {
      for (const [dep, range] of Object.entries(manifest.peerDependencies ?? {})) {
        if (tarballs.has(dep)) continue;
        peers.set(dep, manifest.devDependencies?.[dep] ?? range);
      }
    }
    // --ignore-scripts: better-sqlite3 would compile its native addon from source here
    // (about 1.5 minutes on two cores) and the test does not open a database; its JavaScript
    // loads the addon only when a database is opened, so every entry still imports.
    await runOk(
      "npm",
      [
        "install",
        "--prefer-offline",
        "--no-audit",
        "--no-fund",
        "--ignore-scripts",
        "--loglevel=error",
        ...tarballs.values(),
        ...[...peers].map(([dep, range]) => `${dep}@${range}`),
      ],
      { cwd: consumer },
    );
  }, 300_000);

  it("installs the packed versions, not copies from anywhere else", () => {
    for (const { manifest } of packages) {
      const installed = join(consumer, "node_modules", manifest.name);
      expect(statSync(installed).isSymbolicLink(), manifest.name).toBe(false);
      expect(readJson<Manifest>(join(installed, "package.json")).version).toBe(manifest.version);
      // One copy of each: a dependant's "workspace:*" became this exact version.
      for (const dep of Object.keys(manifest.dependencies ?? {})) {
        if (!tarballs.has(dep)) continue;
        expect(existsSync(join(installed, "node_modules", dep)), `${manifest.name} → ${dep}`).toBe(
          false,
        );
      }
    }
  });

  it("ships a file for every export and bin, and the types for every code export", () => {
    const missing: string[] = [];
    for (const { manifest } of packages) {
      const dir = join(consumer, "node_modules", manifest.name);
      const installed = readJson<Manifest>(join(dir, "package.json"));
      for (const [key, value] of Object.entries(installed.exports ?? {})) {
        const files = typeof value === "string" ? [value] : Object.values(value);
        for (const file of files) {
          if (!file.includes("*")) {
            if (!existsSync(join(dir, file))) missing.push(`${manifest.name} ${key}: ${file}`);
            continue;
          }
          // A pattern export ("./themes/*.css"): at least one file must match it.
          const [before, after] = file.split("*") as [string, string];
          const cut = before.lastIndexOf("/") + 1;
          const folder = join(dir, before.slice(0, cut));
          const prefix = before.slice(cut);
          const matches = existsSync(folder)
            ? readdirSync(folder).filter((f) => f.startsWith(prefix) && f.endsWith(after))
            : [];
          if (matches.length === 0)
            missing.push(`${manifest.name} ${key}: nothing matches ${file}`);
        }
        if (typeof value === "object" && /\.m?js$/.test(target(value) ?? "") && !value["types"]) {
          missing.push(`${manifest.name} ${key}: no types`);
        }
      }
      const bins =
        typeof installed.bin === "string" ? [installed.bin] : Object.values(installed.bin ?? {});
      for (const b of bins)
        if (!existsSync(join(dir, b))) missing.push(`${manifest.name} bin ${b}`);
    }
    expect(missing).toEqual([]);
  });

  it("describes every element it registers in custom-elements.json (editors, Storybook)", () => {
    for (const { manifest } of packages) {
      const dir = join(consumer, "node_modules", manifest.name);
      const installed = readJson<Manifest & { customElements?: string }>(join(dir, "package.json"));
      if (!installed.customElements) continue;
      const cem = readJson<{ modules: { declarations?: { tagName?: string }[] }[] }>(
        join(dir, installed.customElements),
      );
      const described = cem.modules.flatMap((m) => (m.declarations ?? []).map((d) => d.tagName));
      const registered = Object.keys(installed.exports ?? {})
        .map((key) => /^\.\/(linli-[a-z-]+)\.js$/.exec(key)?.[1])
        .filter((tag) => tag !== undefined);
      expect(registered.length, manifest.name).toBeGreaterThan(0);
      for (const tag of registered) expect(described, `${manifest.name} ${tag}`).toContain(tag);
    }
  });

  it("imports every public entry in Node", async () => {
    const entries = installedEntries();
    const code = entries.filter(isCode).map((e) => e.spec);
    const json = entries.filter((e) => e.target.endsWith(".json")).map((e) => e.spec);
    expect(code.length).toBeGreaterThan(20);
    // A script of the consumer's own, so Node resolves from the consumer's node_modules.
    writeFileSync(
      join(consumer, "import-all.mjs"),
      `import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const failures = [];
for (const spec of ${JSON.stringify(code)}) {
  try { await import(spec); } catch (e) { failures.push(spec + ": " + (e && e.stack || e)); }
}
for (const spec of ${JSON.stringify(json)}) {
  try { require(spec); } catch (e) { failures.push(spec + ": " + e); }
}
console.log(JSON.stringify(failures));
`,
    );
    const r = await runOk("node", ["import-all.mjs"], { cwd: consumer });
    expect(JSON.parse(r.stdout.trim().split("\n").at(-1)!)).toEqual([]);
  });

  it("type-checks a consumer with tsc, in node16 and in bundler resolution", async () => {
    const code = installedEntries().filter(isCode);
    // Every entry's types must load...
    writeFileSync(
      join(consumer, "all-entries.ts"),
      code.map((e, i) => `import * as m${i} from "${e.spec}";`).join("\n") +
        `\nexport const modules = [${code.map((_, i) => `m${i}`).join(", ")}] as const;\n`,
    );
    // ...and be real types, not `any`: each @ts-expect-error below fails the check if the
    // line it guards type-checks.
    writeFileSync(
      join(consumer, "usage.ts"),
      `import { formatMoney, money } from "@linli/core/money";
import type { LinliStore } from "@linli/client";
import { createAdminClient } from "@linli/client/admin";
import { createEmbeddedStore } from "@linli/client/embedded";
import type { LinliGroupCard } from "@linli/elements";
import "@linli/elements/linli-group-card.js";

export const price: string = formatMoney(money(3600, "CNY"), "zh-CN");
// @ts-expect-error money is an integer count of minor units, not a string
money("36.00", "CNY");

const store: LinliStore = createEmbeddedStore();
export async function firstGroupName(): Promise<string> {
  const groups = await store.listGroups({ q: "烘焙" });
  return groups[0]?.name["zh-CN"] ?? "";
}

const admin = createAdminClient({ baseUrl: "https://api.example.gov.cn", apiKey: "staff-key" });
export async function toReview(): Promise<string[]> {
  return (await admin.listApplications({ status: "submitted" })).map((a) => a.reference);
}
// @ts-expect-error an order moves only through its lifecycle's statuses
void admin.moveOrder("o_1", "eaten");

export function card(): LinliGroupCard {
  const el = document.createElement("linli-group-card"); // typed by HTMLElementTagNameMap
  el.headingLevel = 2;
  // @ts-expect-error a card's heading is h2 to h6
  el.headingLevel = 7;
  el.addEventListener("linli-group-join", (e) => console.log(e.detail.slug.toUpperCase()));
  // @ts-expect-error the event's detail has no such field
  el.addEventListener("linli-group-join", (e) => e.detail.nope);
  return el;
}
`,
    );
    const base = {
      target: "ES2022",
      lib: ["ES2023", "DOM", "DOM.Iterable"],
      strict: true,
      noEmit: true,
    };
    const configs = {
      // The packages' own .d.ts files are checked here too (and, with them, their
      // dependencies': about 12 s of the check).
      node16: { ...base, module: "Node16", moduleResolution: "Node16", skipLibCheck: false },
      // Bundler resolution of the same files; Are the Types Wrong checks it inside the
      // packages' .d.ts files, so this run skips rechecking libraries (2 s instead of 12 s).
      bundler: { ...base, module: "ESNext", moduleResolution: "Bundler", skipLibCheck: true },
    };
    const failures = await Promise.all(
      Object.entries(configs).map(async ([mode, compilerOptions]) => {
        writeFileSync(
          join(consumer, `tsconfig.${mode}.json`),
          JSON.stringify({ compilerOptions, files: ["all-entries.ts", "usage.ts"] }, null, 2),
        );
        const r = await run(
          "node",
          [join(root, "node_modules", "typescript", "bin", "tsc"), "-p", `tsconfig.${mode}.json`],
          { cwd: consumer },
        );
        return r.code === 0 ? [] : [`${mode}:\n${r.stdout}${r.stderr}`];
      }),
    ).then((f) => f.flat());
    expect(failures).toEqual([]);
  }, 120_000);

  it("bundles an element with esbuild, from the installed files only", async () => {
    writeFileSync(
      join(consumer, "page.js"),
      `import "@linli/elements/linli-group-card.js";\n` +
        `document.body.append(document.createElement("linli-group-card"));\n`,
    );
    const result = await build({
      absWorkingDir: consumer,
      entryPoints: ["page.js"],
      bundle: true,
      minify: true,
      format: "esm",
      platform: "browser",
      write: false,
      metafile: true,
      logLevel: "silent",
    });
    expect(result.errors).toEqual([]);
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((f) => f !== "page.js" && !f.startsWith("node_modules/"))).toEqual([]);
    expect(inputs).toContain("node_modules/@linli/elements/dist/group-card/linli-group-card.js");
    const js = result.outputFiles[0]!.text;
    expect(js).toContain("linli-group-card");
    expect(js).toContain("customElements");
    expect(relative(root, consumer).startsWith("..")).toBe(true); // outside the workspace
  });
});
