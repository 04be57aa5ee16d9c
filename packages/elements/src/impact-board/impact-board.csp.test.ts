import { expect, waitUntil } from "@open-wc/testing";
import { describe, it } from "vitest";

// Charts under a strict Content-Security-Policy: colours come from the shadow stylesheet and
// its custom properties, never from style attributes, so the lines still show.
describe("<linli-impact-board> under a strict Content-Security-Policy", () => {
  it("draws its charts with the theme's colours", async () => {
    const frame = document.createElement("iframe");
    frame.width = "1200";
    frame.height = "800";
    const page = new URL("../test-support/csp-timetable-page.ts", import.meta.url).pathname;
    frame.srcdoc = `<!doctype html><html lang="en"><head>
      <meta http-equiv="Content-Security-Policy"
        content="default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:">
      <script type="module" src="${page}"></script>
      </head><body><linli-impact-board></linli-impact-board></body></html>`;
    document.body.append(frame);
    const win = () => frame.contentWindow!;
    const el = () => win().document.querySelector("linli-impact-board");
    await waitUntil(() => el()?.shadowRoot?.querySelector("polyline"), "charts drawn", {
      timeout: 10_000,
    });
    const root = el()!.shadowRoot!;
    expect(win().getComputedStyle(win().document.body).color).not.to.equal("rgb(255, 0, 0)");
    const line = root.querySelector("polyline")!;
    expect(win().getComputedStyle(line).stroke).to.equal("rgb(179, 38, 30)");
    expect(win().getComputedStyle(line).fill).to.equal("none");
    expect(root.querySelector("[style]")).to.equal(null);
    frame.remove();
  });
});
