// What the packaging tests know about the workspace: its root, the packages it publishes
// (found from packages/*/package.json, so a new package is checked the day it lands), and a
// way to run a command and see its output when it fails.
import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = fileURLToPath(new URL("../..", import.meta.url));

/** The parts of a package.json these tests read. */
export interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  bin?: string | Record<string, string>;
  exports?: Record<string, string | Record<string, string>>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

export interface WorkspacePackage {
  /** Absolute path of the package's folder. */
  dir: string;
  manifest: Manifest;
}

export const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, "utf8")) as T;

/** Every package under packages/ that is published (not `private`), by folder name. */
export function publishedPackages(base = root): WorkspacePackage[] {
  const dir = join(base, "packages");
  return readdirSync(dir)
    .sort()
    .map((name) => join(dir, name))
    .filter((d) => existsSync(join(d, "package.json")))
    .map((d) => ({ dir: d, manifest: readJson<Manifest>(join(d, "package.json")) }))
    .filter((p) => !p.manifest.private);
}

export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command (no shell); resolves with its exit code and output, never rejects. */
export function run(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeout?: number },
): Promise<Ran> {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      {
        cwd: options.cwd,
        env: { ...process.env, ...options.env },
        timeout: options.timeout ?? 300_000,
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr: error && !stderr ? String(error) : stderr });
      },
    );
  });
}

/** `run`, failing with the command's output when it exits non-zero. */
export async function runOk(
  command: string,
  args: readonly string[],
  options: Parameters<typeof run>[2],
): Promise<Ran> {
  const r = await run(command, args, options);
  if (r.code !== 0) {
    throw new Error(
      `${command} ${args.join(" ")} (in ${options.cwd}) exited ${r.code}\n${r.stdout}\n${r.stderr}`,
    );
  }
  return r;
}

/** A binary from the workspace's node_modules/.bin. */
export const bin = (name: string) => join(root, "node_modules", ".bin", name);
