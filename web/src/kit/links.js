// A widget's setting in a link ("#widget-<id>?a=1&b=2"), and a slider value on its step.
import { isBlank } from "./inputs.js";

/** A text control's value in a link is cut at this many times its max_chars. */
const TEXT_LINK_FACTOR = 4;

const decimalsOf = (x) => {
  const s = String(x);
  return s.includes("e") ? 10 : (s.split(".")[1] || "").length;
};

/** A slider value as the browser would hold it: clamped, on the step, no float noise. */
export function snap(value, c) {
  const min = Number(c.min), max = Number(c.max), step = Number(c.step) || 1;
  let v = Math.min(max, Math.max(min, value));
  v = min + Math.round((v - min) / step) * step;
  if (v > max) v -= step;
  return Number(v.toFixed(Math.max(decimalsOf(step), decimalsOf(min))));
}

export function sameValues(a, b) {
  if (a === b) return true;
  if (!a || !b) return false;
  const ka = Object.keys(a), kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => a[k] === b[k]);
}

/** Control values -> URLSearchParams for a shareable link. */
export function linkParams(spec, values) {
  const params = new URLSearchParams();
  for (const c of spec.controls || []) {
    const v = values[c.name];
    if (c.kind === "slider") params.set(c.name, String(v));
    else if (!isBlank(v)) params.set(c.name, String(v));
  }
  return params;
}

/** The values a "#widget-<id>?a=1&b=2" fragment sets, or null if it is not for this widget. */
export function valuesFromHash(hash, rootId, spec, current) {
  const prefix = `#${rootId}?`;
  if (!hash || !hash.startsWith(prefix)) return null;
  const params = new URLSearchParams(hash.slice(prefix.length));
  const next = { ...current };
  for (const c of spec.controls || []) {
    if (!params.has(c.name)) continue;
    const raw = params.get(c.name);
    if (c.kind === "slider") {
      const v = Number(raw);
      if (raw.trim() !== "" && Number.isFinite(v)) next[c.name] = snap(v, c);
    } else if (c.kind === "choice") {
      // one of the options, or nothing: an unknown value is ignored, never invented
      if ((c.options || []).some((o) => o.value === raw)) next[c.name] = raw;
    } else if (c.kind === "text") {
      // a line of text, read by the widget (which says when it is too long): cut only
      // links far beyond the limit, by code points, so no character is split
      next[c.name] = Array.from(raw).slice(0, TEXT_LINK_FACTOR * (Number(c.max_chars) || 300))
        .join("");
    } else {
      next[c.name] = raw.slice(0, 200); // read as typed text: parseNumber says what is wrong
    }
  }
  return next;
}
