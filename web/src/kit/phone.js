// The widget on a phone (issue 24): the control being moved and the chart it changes
// on one screen, and an on-screen keyboard that never hides the readout typed for.
//
// On a narrow screen (NARROW: a phone, or a phone turned) a widget's parts are put in
// the order a thumb uses them: under the title, the presets (one row) and where they
// come from, upright or turned; then, upright, the chart (its legend with it, its caption folded above it), then the controls
// right under it, then the message and the readout, then what a chart box holds besides
// the chart (a widget's reading, its sourced rows), and the link.  A widget whose first
// control is a line of text (the profile reader) shows its readout right above the box
// instead, so the keyboard, which rises from the bottom, leaves it in view.  Turned
// (BESIDE: a short, wide screen), a one-panel chart is on the left, held in view and
// made to fit the screen (chart.js), and beside it, in one column, the controls and the
// rest, in the same order; a two-panel chart keeps the upright order, its panels side by
// side and low (chart.js).  The
// presets thus come before the controls they set, in the same place in every widget.
// On a wider screen the parts keep their desktop order.  The order is the DOM's (not CSS
// order), so Tab and a screen reader follow what the eye sees.

export const NARROW = "(max-width: 40em), (max-height: 30em)";
/** A phone turned: short and wide, room for the chart and its controls side by side. */
export const BESIDE = "(max-height: 30em) and (min-width: 36em) and (orientation: landscape)";

const media = (query = NARROW) => (typeof window !== "undefined"
  && typeof window.matchMedia === "function" ? window.matchMedia(query) : null);

export const narrowScreen = () => { const m = media(); return !!(m && m.matches); };
/** A short screen (a phone turned): a chart that keeps the upright order is drawn low. */
export const SHORT = "(max-height: 30em)";
export const shortScreen = () => { const m = media(SHORT); return !!(m && m.matches); };
const besideScreen = () => { const m = media(BESIDE); return !!(m && m.matches); };

/** What a chart box holds besides the chart and its legend (moved below on a phone):
    a widget's reading, and the chart's "Show as a table" (kit/describe.js). */
const EXTRAS = ":scope > .mw-reading, :scope > .mw-table-view";

/**
 * arrange(parts) -> stop(): order a widget's parts for the screen, now and whenever the
 * screen turns.  parts: {root, title, controls, presets, note, share, message, figure,
 * chartBox, caption, summary, dock, textFirst}; any but root may be null.
 */
export function arrange(parts) {
  const { root, figure, chartBox, caption } = parts;
  const extras = document.createElement("div");
  extras.className = "mw-extras";
  const side = document.createElement("div"); // turned: the column beside the chart
  side.className = "mw-side";
  const place = () => {
    const narrow = narrowScreen();
    // side by side only for a one-panel chart: two panels keep the width to sit side by side
    const beside = narrow && besideScreen() && chartBox.querySelectorAll(".mw-panel").length < 2;
    root.classList.toggle("mw-narrow", narrow);
    root.classList.toggle("mw-beside", beside);
    let order;
    let rest;
    if (narrow) {
      for (const node of chartBox.querySelectorAll(EXTRAS)) extras.append(node);
      if (caption) {
        if (beside) figure.append(caption); // under the chart, out of the control's way
        else figure.prepend(caption);
      }
      const lead = [parts.presets, parts.note];
      const after = parts.textFirst
        ? [parts.summary, parts.controls, parts.message]
        : [parts.controls, parts.message, parts.summary];
      if (beside) {
        for (const node of [...after, extras, parts.share]) {
          if (node && (node !== extras || extras.childElementCount)) side.append(node);
        }
        order = [parts.title, ...lead, figure, side];
      } else if (parts.textFirst) {
        order = [parts.title, ...lead, ...after, figure, extras];
      } else {
        order = [parts.title, ...lead, figure, ...after, extras];
      }
      rest = beside ? [] : [parts.share];
    } else {
      chartBox.append(...extras.children);
      if (caption) figure.append(caption);
      order = [parts.title, parts.controls];
      rest = [parts.presets, parts.note, parts.share, parts.message, figure, parts.summary];
    }
    for (const node of [...order, ...rest, parts.dock]) {
      if (node && (node !== extras || extras.childElementCount)) root.append(node);
    }
    if (!narrow) extras.remove();
    if (!beside) side.remove();
  };
  place();
  const queries = [media(), media(BESIDE)].filter((m) => m && typeof m.addEventListener === "function");
  for (const m of queries) m.addEventListener("change", place);
  const stopKeyboard = keepReadoutInView(parts);
  return () => {
    for (const m of queries) m.removeEventListener("change", place);
    stopKeyboard();
  };
}

/**
 * While a text box of the widget has focus and the visible part of the page shrinks (an
 * on-screen keyboard, which shrinks window.visualViewport; or the window itself), the
 * page scrolls so that the box sits at the bottom of what is left, and the readout
 * placed above it (arrange) stays in view.
 */
function keepReadoutInView({ root, controls }) {
  if (typeof window === "undefined" || !controls) return () => {};
  const vv = window.visualViewport;
  const fit = () => {
    const field = document.activeElement;
    if (!field || !controls.contains(field) || !field.matches("textarea, input[type=text]")) {
      return;
    }
    const top = vv ? vv.offsetTop : 0;
    const height = vv ? vv.height : window.innerHeight;
    const box = field.getBoundingClientRect();
    const bottom = top + height - 8;
    if (box.bottom > bottom || box.top < top) {
      // the box's bottom at the keyboard's edge, or its top at the screen's if too tall
      const by = box.height > height - 16 ? box.top - top - 8 : box.bottom - bottom;
      window.scrollBy(0, by);
    }
  };
  const later = () => requestAnimationFrame(fit);
  root.addEventListener("focusin", later);
  root.addEventListener("input", later); // the readout above the box grows as it is typed
  window.addEventListener("resize", later);
  if (vv) vv.addEventListener("resize", later);
  return () => {
    root.removeEventListener("focusin", later);
    root.removeEventListener("input", later);
    window.removeEventListener("resize", later);
    if (vv) vv.removeEventListener("resize", later);
  };
}
