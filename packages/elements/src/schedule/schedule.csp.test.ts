import { expect, waitUntil } from "@open-wc/testing";
import { describe, it } from "vitest";

// A street office's site may send a Content-Security-Policy without 'unsafe-inline': the
// timetable must keep its styles there and rely on no style attribute.
describe("<linli-schedule> under a strict Content-Security-Policy", () => {
  it("renders its week with the theme's styles", async () => {
    const frame = document.createElement("iframe");
    frame.width = "1200";
    frame.height = "800";
    const page = new URL("../test-support/csp-timetable-page.ts", import.meta.url).pathname;
    frame.srcdoc = `<!doctype html><html lang="en"><head>
      <meta http-equiv="Content-Security-Policy"
        content="default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:">
      <script type="module" src="${page}"></script>
      </head><body><linli-schedule></linli-schedule></body></html>`;
    document.body.append(frame);
    const win = () => frame.contentWindow!;
    const el = () => win().document.querySelector("linli-schedule");
    await waitUntil(() => el()?.shadowRoot?.querySelector('[part~="today"]'), "week rendered", {
      timeout: 10_000,
    });
    const root = el()!.shadowRoot!;
    expect(win().getComputedStyle(win().document.body).color).not.to.equal("rgb(255, 0, 0)");
    // The theme's primary colour (#b3261e) reached the download button and today's border.
    const button = root.querySelector('[part="export-week"]')!;
    expect(win().getComputedStyle(button).backgroundColor).to.equal("rgb(179, 38, 30)");
    const today = root.querySelector('[part~="today"]')!;
    expect(win().getComputedStyle(today).borderTopColor).to.equal("rgb(179, 38, 30)");
    expect(root.querySelector("[style]")).to.equal(null);
    frame.remove();
  });
});
