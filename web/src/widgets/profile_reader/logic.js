// Chapter 2: read a profile line, how explicit is it?
// Pure (no DOM): read -> compute -> describe, as meishi's ProfileReaderWidget does.
import { InputError } from "../../kit/inputs.js";
import { MAX_SCORE, readProfile, RULES } from "../../models/profile_reader.js";

/** How the readout names each kind of marker: [one, several ("{n}" = how many)]. */
export const CATEGORY_PHRASES = {
  first_person_achievement: ["first person with an achievement verb",
    "first person with an achievement verb"],
  superlative: ["a superlative", "{n} superlatives"],
  growth_number: ["a growth number", "{n} growth numbers"],
  achievement_word_ja: ["a Japanese achievement word", "{n} Japanese achievement words"],
  modesty_marker: ["a modesty marker", "{n} modesty markers"],
};

/** +2, −1 (a minus sign), 0. */
export const points = (p) => (p > 0 ? `+${p}` : p < 0 ? `−${-p}` : "0");

/** The text typed; a line the reader refuses throws InputError with its message. */
export function read(values) {
  const text = values.text;
  const checked = readProfile(text);
  if (!checked.ok) throw new InputError(checked.kind, checked.message, "text");
  return text;
}

export function compute(params) {
  return readProfile(params);
}

/** Markers and points of each category, in the rules' order (categories found only). */
export function byCategory(result) {
  return RULES.map((r) => {
    const found = result.markers.filter((k) => k.category === r.category);
    return { category: r.category, rule: r.rule, count: found.length,
      points: found.reduce((sum, k) => sum + k.points, 0), markers: found };
  });
}

export function describe(result) {
  const parts = [];
  let total = 0;
  for (const c of byCategory(result)) {
    if (!c.count) continue;
    total += c.points;
    const [one, several] = CATEGORY_PHRASES[c.category];
    const phrase = c.count === 1 ? one : several.replace("{n}", String(c.count));
    parts.push(`${phrase} (${points(c.points)})`);
  }
  let text = `Explicitness score ${result.score} of ${MAX_SCORE} (${result.register}): ` +
    (parts.length ? parts.join(", ") : "no markers found");
  if (total !== result.score) {
    text += `; the points add up to ${points(total)}, kept within 0 to ${MAX_SCORE}`;
  }
  if (result.removed) {
    const n = result.removed;
    text += `; ${n} invisible character${n === 1 ? " was" : "s were"} removed`;
  }
  return `${text}.`;
}
