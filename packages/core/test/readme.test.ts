import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, describe, expect, it, vi } from "vitest";

// The root README's example must keep working: run it against the sources.
const here = fileURLToPath(new URL(".", import.meta.url));
const readme = readFileSync(join(here, "../../../README.md"), "utf8");
const tmp = mkdtempSync(join(here, ".readme-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function run(block: string, name: string): Promise<unknown[][]> {
  const src = pathToFileURL(join(here, "../src/")).href;
  const code = block
    .replace(/"@linli\/core\/fixtures"/g, JSON.stringify(`${src}fixtures/index.ts`))
    .replace(/"@linli\/core"/g, JSON.stringify(`${src}index.ts`));
  const file = join(tmp, `${name}.ts`);
  writeFileSync(file, code);
  const log = vi.spyOn(console, "log").mockImplementation(() => {});
  try {
    await import(/* @vite-ignore */ pathToFileURL(file).href);
    return log.mock.calls;
  } finally {
    log.mockRestore();
  }
}

describe("README", () => {
  it("runs the core package's complete split example and prints the stallholder's net", async () => {
    const core = readFileSync(join(here, "../README.md"), "utf8");
    const block = /## Revenue splits[\s\S]*?```ts\n([\s\S]*?)```/.exec(core)?.[1];
    expect(block).toBeDefined();
    expect(await run(block!, "split")).toEqual([["CN¥3,494.70"]]);
  });

  it("runs the core package's metrics example", async () => {
    const core = readFileSync(join(here, "../README.md"), "utf8");
    const block = /## Co-prosperity metrics[\s\S]*?```ts\n([\s\S]*?)```/.exec(core)?.[1];
    expect(block).toBeDefined();
    const calls = await run(block!, "metrics");
    expect(calls[0]).toEqual([[31647, 196240]]);
    expect(String(calls[1]![0]).startsWith("\uFEFFmetric_id,metric_version,name_zh_cn")).toBe(true);
  });

  it("runs the core package's validateIn example and prints the draft's problems", async () => {
    const core = readFileSync(join(here, "../README.md"), "utf8");
    const block = /`validateIn` does what[\s\S]*?```ts\n([\s\S]*?)```/.exec(core)?.[1];
    expect(block).toBeDefined();
    expect(await run(block!, "validate-in")).toEqual([
      [
        [
          "lines: Choose at least one item",
          "contact.phone: Enter a mobile phone number in the correct format, like 138 0013 8000",
        ],
      ],
    ]);
  });

  it("runs the root README's core example and prints the order total", async () => {
    const block = /## The core in one example[\s\S]*?```ts\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(block).toBeDefined();
    expect(await run(block!, "root")).toEqual([["¥36.00"]]);
  });
});
