// The page's language switch. The page's own texts exist in both languages (site.css shows
// one set); the Linli elements follow the closest [lang], so setting it on <html> is all
// they need. The choice is remembered for the next visit.
const root = document.documentElement;
const toggle = document.getElementById("lang-toggle");
const toc = document.getElementById("toc");
const titles = { "zh-CN": document.title, en: root.dataset.titleEn ?? document.title };
const KEY = "linli-site-lang";

/** Applies a language to the page: `lang`, the button's state, the title and labels. */
function apply(lang) {
  root.lang = lang;
  document.title = titles[lang];
  toggle?.setAttribute("aria-pressed", String(lang === "en"));
  if (toc)
    toc.setAttribute("aria-label", lang === "en" ? toc.dataset.labelEn : toc.dataset.labelZh);
}

function stored() {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null; // storage blocked: start in Chinese
  }
}

const asked = new URLSearchParams(location.search).get("lang");
const initial = asked === "en" || asked === "zh-CN" ? asked : stored();
if (initial === "en") apply("en");

if (toggle) {
  toggle.hidden = false;
  toggle.addEventListener("click", () => {
    const next = root.lang === "en" ? "zh-CN" : "en";
    apply(next);
    try {
      localStorage.setItem(KEY, next);
    } catch {
      // not remembered: fine
    }
  });
}

// Each widget loads its data and renders when it comes near the screen, not all at once on
// arrival: the page has five of them and some 3,000 nodes in all, which would keep a phone
// busy for seconds before the resident could scroll. The attribute is the elements' own
// `api`; the page only sets it late. Without IntersectionObserver, everything loads at once.
const widgets = document.querySelectorAll("[data-api]");
const activate = (el) => el.setAttribute("api", el.dataset.api);
if ("IntersectionObserver" in window) {
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        observer.unobserve(entry.target);
        activate(entry.target);
      }
    },
    // No margin: on a phone the directory starts below the first screen, and whatever the
    // resident has not reached yet does not compete with what they are reading.
    { rootMargin: "0px" },
  );
  for (const el of widgets) observer.observe(el);
  // A link to #bakery or a restored scroll position lands on a widget directly: the observer
  // sees it too, so nothing else is needed.
} else {
  for (const el of widgets) activate(el);
}
