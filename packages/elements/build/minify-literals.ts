import { readFile } from "node:fs/promises";
import ts from "typescript";
import type { Plugin } from "esbuild";

// Lit's html`` and css`` templates are plain strings to a minifier, so their indentation and
// comments ship as written. This esbuild plugin rewrites only the literal parts of those
// templates (never the ${expressions}) before compiling:
// - css: comments dropped, whitespace runs collapsed, no spaces around { } ; , > or after
//   a declaration's colon
// - html: whitespace that spans a line break next to a tag is dropped, other runs become one
//   space (whitespace within a line is kept, since it can separate inline content).

export function minifyCss(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/\s+/g, " ")
    .replace(/\s*([{};,>])\s*/g, "$1")
    .replace(/([\w)-]):\s+/g, "$1:") // "prop: value" (a selector's " :hover" keeps its space)
    .replace(/;}/g, "}")
    .trim();
}

export function minifyHtml(text: string): string {
  return text
    .replace(/>\s*\n\s*/g, ">")
    .replace(/\s*\n\s*</g, "<")
    .replace(/\s*\n\s*/g, " ");
}

/** The source with every html`` and css`` template's literal text minified. */
export function minifyTemplates(source: string, fileName: string): string {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const edits: Array<{ start: number; end: number; text: string }> = [];
  const visit = (node: ts.Node): void => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag)) {
      const minify =
        node.tag.text === "css" ? minifyCss : node.tag.text === "html" ? minifyHtml : undefined;
      if (minify) {
        const t = node.template;
        const parts: ts.Node[] = ts.isNoSubstitutionTemplateLiteral(t)
          ? [t]
          : [t.head, ...t.templateSpans.map((s) => s.literal)];
        for (const p of parts) {
          // Each part's source is `...${, }...${ or }...` (or `...`): keep the delimiters.
          const start = p.getStart(file) + 1;
          const raw = source.slice(start, p.end);
          const close = raw.endsWith("${") ? 2 : 1;
          const inner = raw.slice(0, raw.length - close);
          edits.push({ start, end: start + inner.length, text: minify(inner) });
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  let out = source;
  for (const e of edits.sort((a, b) => b.start - a.start))
    out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** The esbuild plugin: applies {@link minifyTemplates} to the package's own .ts sources. */
export const minifyLiterals = (): Plugin => ({
  name: "minify-lit-literals",
  setup(build) {
    build.onLoad({ filter: /\/src\/.*\.ts$/ }, async (args) => ({
      contents: minifyTemplates(await readFile(args.path, "utf8"), args.path),
      loader: "ts",
    }));
  },
});
