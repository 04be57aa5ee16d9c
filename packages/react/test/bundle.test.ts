import { build } from "esbuild";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const packageDir = fileURLToPath(new URL("..", import.meta.url));

/** Bundles `source` as a page would (minified ESM for browsers) and returns the code. */
async function bundle(source: string): Promise<string> {
  const result = await build({
    stdin: { contents: source, resolveDir: packageDir, loader: "js" },
    bundle: true,
    format: "esm",
    platform: "browser",
    minify: true,
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}

/** Whether the minified code calls a registration, `f("linli-x", Class)`. */
const registers = (code: string, tag: string) =>
  new RegExp(`\\(\\s*"${tag}"\\s*,\\s*[\\w$]+\\s*\\)`).test(code);

describe("@linli/react in a page's bundle (dist, through esbuild)", () => {
  it("registers the tag of the one component a page uses, and carries no other element", async () => {
    const code = await bundle(
      `import { LinliPreorder } from "@linli/react"; console.log(LinliPreorder);`,
    );
    // defineElement("linli-preorder", LinliPreorder) from @linli/elements' registration module.
    expect(registers(code, "linli-preorder")).toBe(true);
    for (const other of ["linli-group-directory", "linli-recruit-form", "linli-schedule"]) {
      expect(code, other).not.toContain(`"${other}"`);
    }
  });

  it("registers every tag when every component is used", async () => {
    const code = await bundle(`import * as linli from "@linli/react"; console.log(linli);`);
    for (const tag of [
      "linli-group-card",
      "linli-group-directory",
      "linli-preorder",
      "linli-recruit-form",
      "linli-schedule",
      "linli-impact-board",
    ]) {
      expect(registers(code, tag), tag).toBe(true);
    }
  });
});
