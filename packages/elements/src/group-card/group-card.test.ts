import { expect, fixture, fixtureCleanup, html, oneEvent, waitUntil } from "@open-wc/testing";
import { afterEach, describe, it, vi } from "vitest";
import { userEvent } from "vitest/browser";
import type { PublicGroup } from "@linli/core/contract";
import { defineElement } from "../internal/define.js";
import { setStrings } from "../internal/localize.js";
import { redHouseGroup, riceWineStall, TUESDAY_8AM } from "../test-support/groups.js";
import { LinliGroupCard } from "./group-card.js";
import "./linli-group-card.js";

const bakery = redHouseGroup("three-moms-baking");

// The test page says <html lang="en">; with no [lang] anywhere the elements speak zh-CN.
document.documentElement.removeAttribute("lang");

/** What a sighted resident reads: the shadow root's text, whitespace collapsed. */
const seen = (el: HTMLElement) => (el.shadowRoot!.textContent ?? "").replace(/\s+/g, " ").trim();
const part = (el: HTMLElement, name: string) =>
  el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
/** Whether a part is there for a resident to see (present and rendered). */
const shown = (el: HTMLElement, name: string) => part(el, name)?.checkVisibility() ?? false;

async function card(group: Partial<PublicGroup> | undefined, attrs = html``) {
  return fixture<LinliGroupCard>(
    html`<div>
      <linli-group-card .group=${group} .now=${TUESDAY_8AM}></linli-group-card>${attrs}
    </div>`,
  ).then((wrap) => {
    const el = wrap.querySelector("linli-group-card")!;
    return el.updateComplete.then(() => el);
  });
}

afterEach(() => {
  fixtureCleanup();
  vi.restoreAllMocks();
  setStrings({ join: undefined });
});

describe("<linli-group-card>", () => {
  it("shows a group in Chinese by default: name, category, status, organisers, members, next session", async () => {
    const el = await card(bakery);
    const heading = el.shadowRoot!.querySelector("h3")!;
    expect(heading.textContent).to.equal("三个妈妈烘焙工作室");
    expect(part(el, "category")!.textContent).to.equal("烘焙美食");
    expect(part(el, "status")!.textContent).to.equal("自主运营");
    expect(part(el, "organisers")!.textContent).to.equal("胡老师、周**、王*");
    expect(part(el, "members")!.textContent!.trim()).to.equal("486 人");
    expect(part(el, "next-session")!.textContent!.trim()).to.equal("12月1日周二 08:00–11:30");
    expect(part(el, "next-session")!.querySelector("time")!.dateTime).to.equal("2026-12-01T08:00");
    expect(part(el, "summary")!.textContent).to.contain("二孩妈妈胡老师");
    expect(part(el, "cta")!.textContent!.replace(/\s+/g, "")).to.equal(
      "申请加入“三个妈妈烘焙工作室”",
    );
    await expect(el).to.be.accessible();
  });

  it("speaks English under an English [lang] and follows a change of lang", async () => {
    const wrap = await fixture<HTMLElement>(
      html`<section lang="en-GB">
        <linli-group-card .group=${bakery} .now=${TUESDAY_8AM}></linli-group-card>
      </section>`,
    );
    const el = wrap.querySelector("linli-group-card")!;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector("h3")!.textContent).to.equal("Three Moms Baking Studio");
    expect(part(el, "category")!.textContent).to.equal("Baking and food");
    expect(part(el, "status")!.textContent).to.equal("Self-operating");
    expect(part(el, "members")!.textContent!.trim()).to.equal("486");
    expect(part(el, "members")!.previousElementSibling!.textContent).to.equal("Members");
    expect(part(el, "next-session")!.textContent!.trim()).to.equal("Tue 1 Dec, 08:00–11:30");
    expect(seen(el)).to.contain("Organisers");
    await expect(el).to.be.accessible();

    wrap.setAttribute("lang", "zh-CN");
    await waitUntil(() => part(el, "status")!.textContent === "自主运营", "back to Chinese");

    const english = document.createElement("div");
    english.lang = "en";
    document.body.append(english);
    english.append(el); // moved under another [lang]
    await waitUntil(() => part(el, "status")!.textContent === "Self-operating", "moved to English");
    english.remove();
  });

  it("uses the heading level the host sets, so the card fits the page outline", async () => {
    const el = await card(bakery);
    el.headingLevel = 2;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector("h2")!.textContent).to.equal("三个妈妈烘焙工作室");
    expect(el.shadowRoot!.querySelector("h3")).to.equal(null);
    const article = el.shadowRoot!.querySelector("article")!;
    expect(article.getAttribute("aria-labelledby")).to.equal("name");
  });

  it("fires linli-group-join with the group when the resident presses the button by keyboard", async () => {
    const el = await card(bakery);
    const button = part(el, "cta") as HTMLButtonElement;
    expect(button.tagName).to.equal("BUTTON");
    button.focus();
    const joined = oneEvent(document, "linli-group-join");
    await userEvent.keyboard("{Enter}");
    const event = await joined;
    expect(event.detail).to.deep.equal({
      groupId: "three-moms-baking",
      slug: "three-moms-baking",
      name: "三个妈妈烘焙工作室",
    });
    expect(event.bubbles && event.composed).to.equal(true);
  });

  it("links to a join page built from join-href, and lets the host take over the click", async () => {
    const el = await card(bakery);
    el.joinHref = "#join-{slug}";
    await el.updateComplete;
    const link = part(el, "cta") as HTMLAnchorElement;
    expect(link.getAttribute("href")).to.equal("#join-three-moms-baking");

    const prevent = (e: Event) => e.preventDefault();
    document.addEventListener("linli-group-join", prevent, { once: true });
    const before = location.hash;
    const joined = oneEvent(el, "linli-group-join");
    link.click();
    const event = await joined;
    expect(event.detail.href).to.equal("#join-three-moms-baking");
    expect(location.hash).to.equal(before); // the host handled it

    link.click(); // nobody prevents it: the browser follows the link
    expect(location.hash).to.equal("#join-three-moms-baking");
    history.replaceState(null, "", location.pathname + location.search);
  });

  it("never turns a javascript: join-href into a link", async () => {
    const el = await card(bakery);
    el.joinHref = "javascript:alert(1)//{slug}";
    await el.updateComplete;
    expect(part(el, "cta")!.tagName).to.equal("BUTTON");
    expect(el.shadowRoot!.querySelector("a")).to.equal(null);
  });

  it("shows a name containing HTML or a script as text and never runs it", async () => {
    const evil = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>`;
    const el = await card({ ...bakery, name: { "zh-CN": evil }, cover: undefined });
    await new Promise((r) => setTimeout(r, 50));
    expect(el.shadowRoot!.querySelector("h3")!.textContent).to.equal(evil);
    expect(el.shadowRoot!.querySelector("script")).to.equal(null);
    expect(el.shadowRoot!.querySelector("[onerror]")).to.equal(null);
    expect(shown(el, "image")).to.equal(false); // (the card's own, unused cover slot)
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it("shows a placeholder when there is no cover, and when the cover fails to load", async () => {
    const el = await card({ ...bakery, cover: undefined });
    expect(shown(el, "image")).to.equal(false);
    expect(shown(el, "image-placeholder")).to.equal(true);
    expect(part(el, "image-placeholder")!.getAttribute("aria-hidden")).to.equal("true");

    // A cover that loads is shown with its alt text, and no placeholder.
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="16" height="9"><rect width="16" height="9" fill="tan"/></svg>`;
    const photo = await card({
      ...bakery,
      cover: { url: `data:image/svg+xml,${encodeURIComponent(svg)}`, alt: { "zh-CN": "活动照片" } },
    });
    await waitUntil(() => (part(photo, "image") as HTMLImageElement).complete, "cover loaded");
    expect(shown(photo, "image")).to.equal(true);
    expect(part(photo, "image")!.getAttribute("alt")).to.equal("活动照片");
    expect(shown(photo, "image-placeholder")).to.equal(false);

    // One that fails gives way to the placeholder.
    const broken = await card({
      ...bakery,
      cover: { url: "/no-such-image.webp", alt: { "zh-CN": "活动照片" } },
    });
    await waitUntil(() => shown(broken, "image-placeholder"), "placeholder after error", {
      timeout: 3000,
    });
    expect(shown(broken, "image")).to.equal(false);
    await expect(broken).to.be.accessible();
  });

  it("leaves out what is missing and still names the group", async () => {
    const el = await card({ id: "bare", name: { "zh-CN": "新社群" } });
    expect(seen(el)).to.contain("新社群");
    expect(shown(el, "facts")).to.equal(false);
    expect(shown(el, "badges")).to.equal(false);
    expect(shown(el, "summary")).to.equal(false);
    expect(shown(el, "cta")).to.equal(true);
    await expect(el).to.be.accessible();

    const unnamed = await card({});
    expect(unnamed.shadowRoot!.querySelector("h3")!.textContent).to.equal("未命名社群");
  });

  it("wraps a very long name inside the card instead of overflowing", async () => {
    const wrap = await fixture<HTMLElement>(
      html`<div class="narrow" style="inline-size: 280px">
        <linli-group-card
          .group=${{ ...bakery, name: { "zh-CN": "超长名称".repeat(20) + "A".repeat(120) } }}
        ></linli-group-card>
      </div>`,
    );
    const el = wrap.querySelector("linli-group-card")!;
    await el.updateComplete;
    const heading = el.shadowRoot!.querySelector("h3")!;
    expect(heading.scrollWidth).to.be.at.most(heading.clientWidth);
    expect(el.getBoundingClientRect().width).to.be.at.most(280);
  });

  it("says when a group is not taking members instead of offering to join", async () => {
    const el = await card(riceWineStall);
    expect(part(el, "cta")).to.equal(null);
    expect(part(el, "closed")!.textContent!.trim()).to.equal("暂不接受报名");
    const archived = await card({ ...bakery, status: "archived" });
    expect(part(archived, "closed")!.textContent!.trim()).to.equal("已停止活动");
  });

  it("shows organisers' public names only, never a phone number passed along by mistake", async () => {
    const leaky = {
      ...bakery,
      organisers: [
        {
          id: "hu-yanling",
          name: "胡老师",
          roles: ["organiser"],
          groupIds: [],
          contact: { phone: "13800000011" },
        },
      ],
    } as unknown as PublicGroup;
    const el = await card(leaky);
    expect(seen(el)).to.contain("胡老师");
    expect(seen(el)).not.to.contain("13800000011");
  });

  it("lets the host replace any string, per element or for the whole page", async () => {
    const el = await card(bakery);
    setStrings({ join: { "zh-CN": "我要报名", en: "Sign me up" } });
    await el.updateComplete;
    expect(part(el, "cta")!.textContent).to.contain("我要报名");
    el.strings = { join: "立即加入", "status.self-operating": "居民自治" };
    await el.updateComplete;
    expect(part(el, "cta")!.textContent).to.contain("立即加入");
    expect(part(el, "status")!.textContent).to.equal("居民自治");
  });

  it("warns on the console about data that does not match core's schema, but still shows it", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const el = await card({ ...bakery, id: "bad group!", memberCount: -3 } as PublicGroup);
    expect(el.shadowRoot!.querySelector("h3")!.textContent).to.equal("三个妈妈烘焙工作室");
    // Groups shown by earlier tests may be checked in the same idle moment: find this one's.
    const about = () =>
      warn.mock.calls.map((c) => String(c[0])).find((m) => m.includes("bad group!"));
    await waitUntil(about, "a schema warning about this group", { timeout: 4000 });
    const message = about()!;
    expect(message).to.contain("<linli-group-card>");
    expect(message).to.contain("PublicGroupSchema");
    expect(message).to.contain('"bad group!" (id: INVALID_ID; memberCount: TOO_SMALL)');

    warn.mockClear();
    await card(redHouseGroup("little-cloud-studio"));
    await new Promise((r) => setTimeout(r, 300));
    expect(warn.mock.calls.length).to.equal(0);
  });
});

describe("registration", () => {
  it("does not throw when the tag is defined twice, and warns only when versions differ", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    defineElement("linli-group-card", LinliGroupCard);
    class SameVersion extends LinliGroupCard {}
    defineElement("linli-group-card", SameVersion);
    expect(warn.mock.calls.length).to.equal(0);
    class OtherCopy extends LinliGroupCard {
      static override readonly version = "9.9.9";
    }
    defineElement("linli-group-card", OtherCopy);
    expect(warn.mock.calls.length).to.equal(1);
    expect(String(warn.mock.calls[0]![0])).to.contain("9.9.9");
    expect(customElements.get("linli-group-card")).to.equal(LinliGroupCard);
  });
});
