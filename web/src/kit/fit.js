// Chart text that keeps inside the page when text metrics change (WCAG 1.4.12 text
// spacing, a narrow page at 400% zoom, a late web font).  A text that would run past
// the page (or its chart's) edge is first made smaller, down to the kit's least size
// (11 px), and then, for a name of words, wrapped onto lines: bar names upward (their
// bar is below them), other texts downward.  Every pass starts again from the text the
// widget drew, so the chart returns to its normal look when the spacing is removed.

const LEAST = 11;
const WRAP_UP = "mw-bar-name";

function bounds(svg) {
  const box = svg.getBoundingClientRect();
  const page = document.documentElement.clientWidth || box.right;
  return { left: Math.max(box.left, 0), right: Math.min(box.right, page) };
}

/** Undo an earlier pass: the widget's own text, no font size or lines of ours. */
function restore(t) {
  const drawn = t.__mwFit;
  if (!drawn) return;
  if (t.textContent === drawn.shown) {
    if (drawn.lines) t.textContent = drawn.full;
  }
  t.style.fontSize = drawn.size || "";
  t.__mwFit = null;
}

function anchorOf(t) {
  return getComputedStyle(t).textAnchor || "start";
}

/** How much smaller t must be to keep inside b (1 = as it is). */
function ratio(t, b) {
  const r = t.getBoundingClientRect();
  if (!r.width || (r.right <= b.right + 0.5 && r.left >= b.left - 0.5)) return 1; // inside
  const a = anchorOf(t);
  const p = a === "end" ? r.right : a === "middle" ? (r.left + r.right) / 2 : r.left;
  let k = 1;
  if (r.right > b.right + 0.5 && r.right > p) k = Math.min(k, (b.right - p) / (r.right - p));
  if (r.left < b.left - 0.5 && r.left < p) k = Math.min(k, (p - b.left) / (p - r.left));
  return Math.max(k, 0);
}

/** Words of t onto lines that fit (tspans at t's x), up or down from its place. */
function wrap(t, b) {
  const words = t.textContent.split(" ");
  if (words.length < 2) return false;
  const x = t.getAttribute("x") || "0";
  const full = t.textContent;
  const lines = [];
  let line = [];
  t.textContent = "";
  const probe = document.createElementNS(t.namespaceURI, "tspan");
  probe.setAttribute("x", x);
  t.append(probe);
  for (const w of words) {
    probe.textContent = [...line, w].join(" ");
    if (line.length && ratio(t, b) < 1) { lines.push(line.join(" ")); line = [w]; } else line.push(w);
  }
  lines.push(line.join(" "));
  t.textContent = "";
  const up = t.classList.contains(WRAP_UP) ? lines.length - 1 : 0;
  lines.forEach((text, i) => {
    const s = document.createElementNS(t.namespaceURI, "tspan");
    s.setAttribute("x", x);
    s.setAttribute("dy", i === 0 ? `${-1.15 * up}em` : "1.15em");
    s.textContent = i < lines.length - 1 ? `${text} ` : text; // textContent stays the name
    t.append(s);
  });
  t.__mwFit.lines = lines.length;
  t.__mwFit.full = full;
  return true;
}

/** Keep every text of an SVG chart inside the page. */
export function fitTexts(svg) {
  if (!svg || !svg.isConnected || typeof getComputedStyle !== "function") return;
  const texts = [...svg.querySelectorAll("text")];
  for (const t of texts) restore(t);
  const b = bounds(svg);
  for (const t of texts) {
    if (!t.textContent.trim()) continue;
    const k = ratio(t, b);
    if (k >= 1) continue;
    const size = parseFloat(getComputedStyle(t).fontSize) || 12;
    t.__mwFit = { size: t.style.fontSize, full: t.textContent };
    const want = Math.max(LEAST, Math.floor(size * k * 10) / 10);
    if (want < size) t.style.fontSize = `${want}px`;
    if (ratio(t, b) < 1 && !t.querySelector("tspan")) wrap(t, b);
    t.__mwFit.shown = t.textContent;
  }
}

/** Run fitTexts(svg) again whenever text metrics may have changed: a style sheet or
    a class or style on the page's root added or removed, web fonts loaded. */
export function watchTextMetrics(svg) {
  if (typeof window === "undefined") return () => {};
  let pending = false;
  const again = () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => { pending = false; fitTexts(svg); });
  };
  const mo = typeof MutationObserver === "function" ? new MutationObserver(again) : null;
  if (mo) {
    mo.observe(document.head, { childList: true, subtree: true, characterData: true });
    mo.observe(document.documentElement, { attributes: true, attributeFilter: ["class", "style"] });
    if (document.body) mo.observe(document.body, { attributes: true, attributeFilter: ["class", "style"] });
  }
  if (document.fonts && document.fonts.addEventListener) {
    document.fonts.addEventListener("loadingdone", again);
  }
  return () => {
    if (mo) mo.disconnect();
    if (document.fonts && document.fonts.removeEventListener) {
      document.fonts.removeEventListener("loadingdone", again);
    }
  };
}
