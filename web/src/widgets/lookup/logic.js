// The introduction's widget: on which service will you find the people you met?
// Pure (no DOM): read -> compute -> describe, as meishi's LookupWidget does.
import { fixed } from "../../kit/format.js";
import { readTyped } from "../../kit/inputs.js";
import { expectedFinds } from "../../models/lookup.js";

export const services = (spec) => (spec.data && spec.data.services) ||
  spec.controls.filter((c) => c.kind === "slider").map((c) => c.name);

/** Shares equal as the sliders hold them (percent, one decimal step). */
const sameShare = (percent, share) => Math.abs(Number(percent) - 100 * share) < 1e-6;

/**
 * What each bar's share measures: while the sliders show a preset's shares, that preset's
 * base for each bar, whatever the number of cards (the cards are not a share); once any share
 * differs from every preset, "your own setting" for every bar.
 */
export function barBases(spec, shares) {
  const names = services(spec);
  const bases = (spec.data && spec.data.bases) || {};
  const shown = (spec.presets || []).find((p) => bases[p.name] &&
    names.every((n) => sameShare(p.values[n], shares[n])));
  return Object.fromEntries(names.map((n) => [n, shown ? bases[shown.name][n] || ""
    : "your own setting"]));
}

export function read(values, spec) {
  const nCards = readTyped(values, spec, "cards");
  const shares = {};
  for (const svc of services(spec)) shares[svc] = Number(values[svc]) / 100;
  return { n_cards: nCards, shares };
}

export function compute(params) {
  return expectedFinds(params.n_cards, params.shares);
}

/**
 * A chance in percent that never rounds a near-certainty to a certainty (as Python's
 * chance_text): whole per cent in the middle, one decimal near 0% and 100%, "over 99.9%"
 * and "under 0.1%" beyond; "100%" and "0%" only when the share makes it certain.
 */
export function chanceText(p, share) {
  if (share >= 1) return "100%";
  if (share <= 0) return "0%";
  const pct = 100 * p;
  if (pct >= 99.95) return "over 99.9%";
  if (pct < 0.05) return "under 0.1%";
  if (pct >= 99.5 || pct < 0.95) return `${fixed(pct, 1)}%`;
  return `${fixed(pct, 0)}%`;
}

export function describe(result) {
  const parts = result.platforms.map((p, i) => `about ${fixed(result.expected[i], 1)} on ${p}`);
  const li = result.platforms.indexOf("LinkedIn");
  if (li < 0) throw new Error("'LinkedIn' is not in list");
  return `Of ${result.n_cards} contacts you would expect to find ` + parts.join(", ") +
    ". The chance of finding at least one of them on LinkedIn is " +
    `${chanceText(result.p_any[li], result.shares[li])}.`;
}
