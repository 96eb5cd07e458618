// Read a number a learner typed, or say plainly why it cannot be used.
// An exact port of meishi.kit.inputs.parse_number (Python); both are held to
// tests/cases/number_inputs.json and to each other by a parity test.
import { plain } from "./format.js";

export const MAX_INPUT_CHARS = 40;
const WS = "\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";
const WS_RUN = new RegExp(`[${WS}]+`, "g");
const INVISIBLE = /[\p{Cf}\p{Cc}]/gu;
const KANJI = /[〇一二三四五六七八九十百千万億]/;
const THOUSANDS = /^[+-]?[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?$/;
const DECIMAL_COMMA = /^[+-]?[0-9]*,[0-9]+$/;
const NUMBER = /^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$/;
const NOT_FINITE = new Set(["nan", "+nan", "-nan", "inf", "+inf", "-inf",
  "infinity", "+infinity", "-infinity"]);
// Python's str.isspace() set, for "is this optional box empty?" (str.strip()).
export const PY_SPACE = /^[\t\n\v\f\r\x1c-\x1f \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*$/;

/** True when Python's ``text.strip()`` would be empty. */
export function isBlank(text) {
  return PY_SPACE.test(text == null ? "" : String(text));
}

const codePoints = (s) => Array.from(s).length;

function shorten(cleaned, limit = 24) {
  const text = cleaned.replace(WS_RUN, " ").replace(new RegExp(`^[${WS}]+|[${WS}]+$`, "g"), "");
  const cps = Array.from(text);
  return cps.length <= limit ? text : cps.slice(0, limit - 1).join("") + "…";
}

/** An input the model cannot use: ``kind`` names the rule, ``message`` says why. */
export class InputError extends Error {
  constructor(kind, message, control) {
    super(message);
    this.name = "InputError";
    this.kind = kind;
    if (control !== undefined) this.control = control;
  }
}

/**
 * parseNumber(text, {label, lo, hi, integer=false, unit=""})
 * -> {ok: true, value} | {ok: false, kind, message}
 */
export function parseNumber(text, { label, lo, hi, integer = false, unit = "" } = {}) {
  const fail = (kind, message) => ({ ok: false, kind, message });
  const u = unit ? ` ${unit}` : "";
  const span = `between ${plain(lo)} and ${plain(hi)}${u}`;
  const raw = text == null ? "" : String(text);
  const n = codePoints(raw);
  if (n > MAX_INPUT_CHARS) {
    return fail("too_long", `${label}: that is ${n} characters long; type a number ${span}.`);
  }
  const cleaned = raw.normalize("NFKC").replace(INVISIBLE, "");
  const shown = shorten(cleaned);
  let t = cleaned.replace(WS_RUN, "");
  if (!t) return fail("empty", `${label} is empty: type a number ${span}, for example ${plain(lo)}.`);
  if (/[<>&]/.test(t)) {
    return fail("markup", `${label}: markup such as “${shown}” is not a number; ` +
      `type digits only, for example ${plain(lo)}.`);
  }
  if (KANJI.test(t)) {
    return fail("kanji", `${label}: please write “${shown}” with digits (0–9 or ０–９), ` +
      "not kanji numerals.");
  }
  if (unit === "%" && t.endsWith("%")) t = t.slice(0, -1);
  const notFinite = () => fail("not_finite", `${label}: type a finite number ${span}.`);
  if (NOT_FINITE.has(t.toLowerCase())) return notFinite();
  if (THOUSANDS.test(t)) t = t.split(",").join("");
  else if (DECIMAL_COMMA.test(t)) t = t.replace(",", ".");
  if (!NUMBER.test(t)) {
    return fail("not_a_number", `${label}: “${shown}” is not a number; type a number ${span}.`);
  }
  const value = Number(t);
  if (!Number.isFinite(value)) return notFinite();
  if (value < lo || value > hi) return fail("out_of_range", `${label} must be ${span}; you typed ${shown}.`);
  if (integer && !Number.isInteger(value)) {
    return fail("not_whole", `${label} must be a whole number; you typed ${shown}.`);
  }
  return { ok: true, value: value + 0 };
}

/** parseNumber that throws InputError (with ``control`` = the control's name). */
export function readNumber(text, opts, control) {
  const r = parseNumber(text, opts);
  if (!r.ok) throw new InputError(r.kind, r.message, control);
  return r.value;
}

/**
 * Read the typed-number control `name` with the label, unit and limits its
 * spec declares (Python: CourseWidget.typed), so the two never drift apart.
 */
export function readTyped(values, spec, name) {
  const control = (spec.controls || []).find((c) => c.name === name);
  if (!control) throw new Error(`no control called ${JSON.stringify(name)}`);
  return readNumber(values[name], {
    label: control.label, lo: control.min, hi: control.max,
    integer: Boolean(control.integer), unit: control.unit || "",
  }, name);
}
