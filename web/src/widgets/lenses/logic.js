// Chapter 5: does a lens line up with LinkedIn's uptake across countries?
// Pure (no DOM): read -> compute -> describe, as meishi's LensesWidget does.  The countries'
// values travel in the page (spec.data), so the page needs no Python.
import { fixed, grouped } from "../../kit/format.js";
import { InputError, isBlank, readTyped } from "../../kit/inputs.js";
import { lensTest } from "../../models/lenses.js";

export const OWN = "Your country";

const SHORT = {
  Japan: "JP", "United States": "US", "United Kingdom": "UK", Germany: "DE", France: "FR",
  "South Korea": "KR", China: "CN", India: "IN", Brazil: "BR", Australia: "AU", [OWN]: "You",
};
/** A country's two-letter label for a chart ("You" for the learner's own). */
export const short = (name) => SHORT[name] || name.slice(0, 3);


export function lensData(spec) {
  const data = (spec && spec.data) || {};
  if (!Array.isArray(data.lenses) || !Array.isArray(data.countries)) {
    throw new Error("lenses: the page holds no countries or lenses (spec.data)");
  }
  return data;
}

export function read(values, spec) {
  const data = lensData(spec);
  const keys = data.lenses.map((l) => l.key);
  if (!keys.includes(values.lens)) {
    throw new InputError("not_an_option", `Lens: choose one of ${keys.join(", ")}.`, "lens");
  }
  const names = data.countries.map((c) => c.name);
  if (values.leave_out !== "none" && !names.includes(values.leave_out)) {
    throw new InputError("not_an_option", "Leave out one country: choose none or one of " +
      `${names.join(", ")}.`, "leave_out");
  }
  const ownX = values.own_x == null ? "" : String(values.own_x);
  const ownY = values.own_y == null ? "" : String(values.own_y);
  const x = isBlank(ownX) ? null : readTyped(values, spec, "own_x");
  const y = isBlank(ownY) ? null : readTyped(values, spec, "own_y");
  let own = null;
  let note = null;
  if (x !== null && values.lens === "local" && x !== 0 && x !== 1) {
    note = "To add your country on this lens, type 1 if a local service of about " +
      "LinkedIn's size or larger exists there, 0 if not.";
  } else if (x !== null && y !== null) {
    own = [x, y];
  } else if (x !== null || y !== null) {
    note = "To add your country, type " +
      (y === null ? "its LinkedIn members per 100 people" : "its value on this lens") + " too.";
  }
  return { lens: values.lens, leave_out: values.leave_out, own, note };
}

export function compute(params, spec) {
  const names = [];
  const xs = [];
  const ys = [];
  for (const c of lensData(spec).countries) {
    const v = c.values[params.lens];
    if (v === null || v === undefined || c.name === params.leave_out) continue;
    names.push(c.name);
    xs.push(v);
    ys.push(c.linkedin);
  }
  if (params.own) {
    names.push(OWN);
    xs.push(params.own[0]);
    ys.push(params.own[1]);
  }
  return lensTest(names, xs, ys, lensData(spec).shuffles);
}

/** "A", "A and B", "A, B and C" (Python: listed). */
export const listed = (names) => (names.length === 1 ? names[0]
  : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`);

export function lensOf(spec, key) {
  return lensData(spec).lenses.find((l) => l.key === key);
}

export function describe(result, params, spec) {
  const lens = lensOf(spec, params.lens);
  const data = lensData(spec);
  const missing = data.countries
    .filter((c) => c.values[lens.key] === null || c.values[lens.key] === undefined)
    .map((c) => c.name);
  const unmatched = (data.without_linkedin || {})[lens.key] || [];
  let head = `${lens.explanation} (${lens.measure}, ${lens.unit}) against LinkedIn members ` +
    `per 100 people: ${result.n} countr${result.n === 1 ? "y" : "ies"}`;
  if (missing.includes(params.leave_out)) {
    head += ` (${params.leave_out} has no figure on this lens, so leaving it out changes nothing)`;
  } else if (params.leave_out !== "none") {
    head += ` (${params.leave_out} left out)`;
  }
  if (params.own) {
    // a yes/no lens: say which, not 1.0 or 0.0
    const shown = lens.key === "local" ? (params.own[0] === 1 ? "a local rival" : "no local rival")
      : fixed(params.own[0], 1);
    head += `, including yours (${shown}, ${fixed(params.own[1], 1)} per 100)`;
  }
  const shuffles = grouped(lensData(spec).shuffles);
  let body;
  if (Number.isNaN(result.rho)) {
    body = ". With fewer than two different values there is no order to compare.";
  } else {
    const verdict = result.chance < 0.05
      ? "rarely, so chance alone is an unlikely explanation, though with so few countries " +
        "other differences between them could produce it"
      : "often, so chance alone could give a pattern like this";
    body = `. Rank correlation ${fixed(result.rho, 2)}: ${result.words}. In ${shuffles} ` +
      "random shuffles of the LinkedIn figures among these countries, " +
      `${fixed(100 * result.chance, 1)}% agreed at least as strongly: ${verdict}.`;
  }
  let tail = missing.length ? ` Left out, no ${lens.short} figure: ${listed(missing)}.` : "";
  if (unmatched.length) tail += ` Left out, no LinkedIn figure: ${listed(unmatched)}.`;
  if (params.note) tail += ` ${params.note}`;
  return `${head}${body}${tail} ${lens.caveat}`;
}
