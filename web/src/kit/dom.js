// Small DOM helpers and the words every widget uses for a control's name and value.
import { fixed } from "./format.js";
import { narrowScreen } from "./phone.js";

/** An element with attributes (false/null left out, true as "") and optional text. */
export function h(tag, attrs = {}, text) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === false || v == null) continue;
    if (k === "class") node.className = v;
    else node.setAttribute(k, v === true ? "" : String(v));
  }
  if (text != null) node.textContent = text;
  return node;
}

/** A fold (<details>) holding a long note, open except on narrow screens. */
export function fold(summaryText, content) {
  const d = h("details", { class: "mw-more" });
  d.append(h("summary", {}, summaryText), content);
  d.open = !narrowScreen();
  return d;
}

/** Hidden on screen, read by a screen reader (no stylesheet needed). */
export function visuallyHidden(node) {
  Object.assign(node.style, { position: "absolute", width: "1px", height: "1px", padding: "0",
    margin: "0", overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap", border: "0" });
  return node;
}

/** A control's name with its unit: "Mean threshold (%)". */
export const controlLabel = (c) => (c.unit ? `${c.label} (${c.unit})` : c.label);

/** A slider's value with its unit: "45%", "12 people". */
export function valueText(c, v) {
  const num = fixed(v, c.decimals ?? 1);
  if (!c.unit) return num;
  return c.unit.startsWith("%") ? `${num}${c.unit}` : `${num} ${c.unit}`;
}

/** A control's value in words: a slider's with its unit, a choice's option label, text as typed. */
export function valueWords(c, v) {
  if (c.kind === "slider") return valueText(c, Number(v));
  if (c.kind === "choice") {
    const o = (c.options || []).find((x) => x.value === v);
    return o ? o.label : String(v);
  }
  const text = v == null ? "" : String(v);
  if (!text.trim()) return "empty";
  const cps = Array.from(text);
  const shown = cps.length > 40 ? `${cps.slice(0, 39).join("")}…` : text;
  return c.kind === "text" ? `“${shown}”` : `${shown}${c.unit ? ` ${c.unit}` : ""}`;
}
