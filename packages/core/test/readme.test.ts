import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, describe, expect, it, vi } from "vitest";

// The root README's example must keep working: run it against the sources.
const here = fileURLToPath(new URL(".", import.meta.url));
const readme = readFileSync(join(here, "../../../README.md"), "utf8");
const tmp = mkdtempSync(join(here, ".readme-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("README", () => {
  it("runs the core example and prints the order total", async () => {
    const block = /```ts\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(block).toBeDefined();
    const src = pathToFileURL(join(here, "../src/")).href;
    const code = block!
      .replace(/"@linli\/core\/fixtures"/g, JSON.stringify(`${src}fixtures/index.ts`))
      .replace(/"@linli\/core"/g, JSON.stringify(`${src}index.ts`));
    const file = join(tmp, "example.ts");
    writeFileSync(file, code);
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    await import(/* @vite-ignore */ pathToFileURL(file).href);
    expect(log).toHaveBeenCalledWith("¥36.00");
    log.mockRestore();
  });
});
