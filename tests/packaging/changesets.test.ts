// Releasing: `pnpm changeset version` run in a copy of the workspace (its git-tracked files,
// in a fresh git repository on `main`) must bump each package the pending changesets name by
// the largest bump they ask for, bump dependants as .changeset/config.json says, and write
// each package's CHANGELOG.md from the changesets' own words. Expectations come from the
// .changeset/*.md files and the config, not from a list in this test.
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { bin, publishedPackages, readJson, root, runOk } from "./workspace.js";

type Bump = "patch" | "minor" | "major";
const ORDER: Bump[] = ["patch", "minor", "major"];
const HEADINGS: Record<Bump, string> = {
  major: "### Major Changes",
  minor: "### Minor Changes",
  patch: "### Patch Changes",
};

interface Changeset {
  file: string;
  releases: Map<string, Bump>;
  summary: string;
}

/** The pending changesets in a workspace's .changeset folder. */
function readChangesets(base: string): Changeset[] {
  const dir = join(base, ".changeset");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".md") && f !== "README.md")
    .map((file) => {
      const text = readFileSync(join(dir, file), "utf8");
      const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
      if (!m) throw new Error(`${file}: no front matter`);
      const releases = new Map<string, Bump>();
      for (const line of m[1]!.split("\n").filter((l) => l.trim())) {
        const r = /^\s*["']?([^"':]+)["']?\s*:\s*(patch|minor|major)\s*$/.exec(line);
        if (!r) throw new Error(`${file}: cannot read "${line}"`);
        releases.set(r[1]!, r[2] as Bump);
      }
      return { file, releases, summary: m[2]!.trim() };
    });
}

function increment(version: string, bump: Bump): string {
  const [major, minor, patch] = version.split(".").map(Number) as [number, number, number];
  if (bump === "major") return `${major + 1}.0.0`;
  if (bump === "minor") return `${major}.${minor + 1}.0`;
  return `${major}.${minor}.${patch + 1}`;
}

const max = (a: Bump | undefined, b: Bump): Bump =>
  a === undefined || ORDER.indexOf(b) > ORDER.indexOf(a) ? b : a;

interface Config {
  ignore?: string[];
  updateInternalDependencies?: "patch" | "minor";
}

/**
 * What `changeset version` should do to each published package: the largest bump its
 * changesets ask for; for a package none names, a patch when something it depends on (not
 * as a dev dependency) is released, repeated until nothing changes, because
 * updateInternalDependencies is "patch" (each dependant is released to pick the new version
 * up).
 */
function expectedBumps(base: string, changesets: Changeset[]): Map<string, Bump> {
  const config = readJson<Config>(join(base, ".changeset", "config.json"));
  expect(config.updateInternalDependencies ?? "patch").toBe("patch");
  const ignored = (name: string) =>
    (config.ignore ?? []).some((p) => new RegExp(`^${p.replaceAll("*", ".*")}$`).test(name));
  const bumps = new Map<string, Bump>();
  for (const c of changesets)
    for (const [pkg, b] of c.releases) bumps.set(pkg, max(bumps.get(pkg), b));
  const packages = publishedPackages(base).filter((p) => !ignored(p.manifest.name));
  for (let changed = true; changed;) {
    changed = false;
    for (const { manifest } of packages) {
      if (bumps.has(manifest.name)) continue;
      const deps = { ...manifest.dependencies, ...manifest.peerDependencies };
      if (Object.keys(deps).some((d) => bumps.has(d))) {
        bumps.set(manifest.name, "patch");
        changed = true;
      }
    }
  }
  return bumps;
}

const work = mkdtempSync(join(tmpdir(), "linli-changesets-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A copy of the workspace's tracked files in a new git repository on `main`. */
async function copyOfWorkspace(name: string): Promise<string> {
  const copy = join(work, name);
  const files = (await runOk("git", ["ls-files", "-z"], { cwd: root })).stdout
    .split("\0")
    .filter((f) => f && existsSync(join(root, f)));
  for (const f of files) {
    mkdirSync(dirname(join(copy, f)), { recursive: true });
    cpSync(join(root, f), join(copy, f));
  }
  // The changesets CLI and its changelog generator, from the workspace's install.
  symlinkSync(join(root, "node_modules"), join(copy, "node_modules"), "dir");
  const git = (...args: string[]) =>
    runOk("git", ["-c", "user.name=Linli CI", "-c", "user.email=ci@linli.invalid", ...args], {
      cwd: copy,
    });
  await git("init", "-q", "-b", "main");
  await git("add", "-A");
  await git("commit", "-q", "-m", "workspace copy");
  return copy;
}

/** Runs `changeset version` and reads back each published package's version and changelog. */
async function version(copy: string) {
  await runOk(bin("changeset"), ["version"], { cwd: copy });
  return new Map(
    publishedPackages(copy).map(({ dir, manifest }) => [
      manifest.name,
      {
        version: manifest.version,
        changelog: existsSync(join(dir, "CHANGELOG.md"))
          ? readFileSync(join(dir, "CHANGELOG.md"), "utf8")
          : undefined,
      },
    ]),
  );
}

/** The lines under `heading` in the newest release's section of a changelog. */
function section(changelog: string, newVersion: string, heading: string): string {
  const release = changelog.split(/^## /m).find((s) => s.startsWith(`${newVersion}\n`)) ?? "";
  return release.split(/^(?=### )/m).find((s) => s.startsWith(heading)) ?? "";
}

describe("changeset version", () => {
  it("bumps what the pending changesets name, and writes their text to the changelogs", async () => {
    const copy = await copyOfWorkspace("pending");
    const changesets = readChangesets(copy);
    expect(changesets.length).toBeGreaterThan(0);
    const before = new Map(publishedPackages(copy).map((p) => [p.manifest.name, p.manifest]));
    const bumps = expectedBumps(copy, changesets);
    const after = await version(copy);

    for (const [name, manifest] of before) {
      const bump = bumps.get(name);
      const { version: v, changelog } = after.get(name)!;
      if (!bump) {
        expect(v, name).toBe(manifest.version);
        continue;
      }
      expect(v, name).toBe(increment(manifest.version, bump));
      expect(changelog, `${name} has a changelog`).toBeDefined();
      for (const c of changesets) {
        const b = c.releases.get(name);
        if (!b) continue;
        // Every line of the summary, in the section for the bump that changeset asked for.
        const text = section(changelog!, v, HEADINGS[b]);
        for (const line of c.summary.split("\n").filter((l) => l.trim())) {
          expect(text, `${name} ${v}: ${c.file}`).toContain(line.trim());
        }
      }
    }
    // The changesets are used up.
    expect(readChangesets(copy)).toEqual([]);
  });

  it("releases dependants of a changed package, with a note of the new version", async () => {
    const copy = await copyOfWorkspace("dependants");
    for (const c of readChangesets(copy)) rmSync(join(copy, ".changeset", c.file));
    const core = "@linli/core";
    writeFileSync(
      join(copy, ".changeset", "core-fix.md"),
      `---\n"${core}": patch\n---\n\nRound half to even in formatMoney.\n`,
    );
    const before = new Map(publishedPackages(copy).map((p) => [p.manifest.name, p.manifest]));
    const bumps = expectedBumps(copy, readChangesets(copy));
    const after = await version(copy);

    const dependants = [...bumps.keys()].filter((n) => n !== core);
    expect(dependants.length).toBeGreaterThan(0); // client, server, elements, ... use core
    expect(
      section(after.get(core)!.changelog!, after.get(core)!.version, HEADINGS.patch),
    ).toContain("Round half to even in formatMoney.");
    for (const [name, manifest] of before) {
      const { version: v, changelog } = after.get(name)!;
      const bump = bumps.get(name);
      expect(v, name).toBe(bump ? increment(manifest.version, bump) : manifest.version);
      if (name === core || !bump) continue;
      // The release note names each dependency released with it, at its new version.
      const notes = section(changelog!, v, HEADINGS.patch);
      const deps = { ...manifest.dependencies, ...manifest.peerDependencies };
      const released = Object.keys(deps).filter((d) => bumps.has(d));
      expect(released.length, name).toBeGreaterThan(0);
      for (const d of released) expect(notes, name).toContain(`${d}@${after.get(d)!.version}`);
    }
  });
});
