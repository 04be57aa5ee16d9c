import { expect, waitUntil } from "@open-wc/testing";
import { describe, it } from "vitest";

// A street office's site may send a Content-Security-Policy without 'unsafe-inline'. Load
// both elements into a page that has one (an iframe whose <meta> sets it) and check that the
// default theme still applies and no element relies on a style attribute.
describe("under a strict Content-Security-Policy", () => {
  it("renders the directory and its cards with their styles", async () => {
    const frame = document.createElement("iframe");
    frame.width = "1000";
    frame.height = "800";
    const define = new URL("../define.ts", import.meta.url).pathname;
    const page = new URL("../test-support/csp-page.ts", import.meta.url).pathname;
    frame.srcdoc = `<!doctype html><html lang="en"><head>
      <meta http-equiv="Content-Security-Policy"
        content="default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:">
      <script type="module" src="${define}"></script>
      <script type="module" src="${page}"></script>
      </head><body><linli-group-directory></linli-group-directory></body></html>`;
    document.body.append(frame);
    const win = () => frame.contentWindow!;
    const dir = () => win().document.querySelector("linli-group-directory");
    await waitUntil(() => dir()?.shadowRoot?.querySelector("linli-group-card"), "cards", {
      timeout: 10_000,
    });
    const card = dir()!.shadowRoot!.querySelector("linli-group-card")!;
    await waitUntil(() => card.shadowRoot?.querySelector('[part="cta"]'), "a card rendered");

    // The policy is in force: the page's own inline style was refused.
    expect(win().getComputedStyle(win().document.body).color).not.to.equal("rgb(255, 0, 0)");
    // The theme's primary colour (#b3261e) reached the join button: the styles were applied.
    const cta = card.shadowRoot!.querySelector('[part="cta"]')!;
    expect(win().getComputedStyle(cta).backgroundColor).to.equal("rgb(179, 38, 30)");
    expect(card.shadowRoot!.textContent).to.contain("Join");
    expect(card.shadowRoot!.querySelector("[style]")).to.equal(null);
    expect(dir()!.shadowRoot!.querySelector("[style]")).to.equal(null);
    frame.remove();
  });
});
