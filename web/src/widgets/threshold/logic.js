// Chapter 1: when does publishing a profile become the norm?
// Pure (no DOM): read -> compute -> describe, as meishi's ThresholdWidget does.
import { fixed } from "../../kit/format.js";
import { thresholdModel } from "../../models/threshold.js";

export const NAMES = ["mean", "spread", "early", "start"];
export const rounds = (spec) => (spec && spec.data && spec.data.rounds) || 25;

export function read(values) {
  const params = {};
  for (const k of NAMES) params[k] = Number(values[k]) / 100;
  return params;
}

/** {x, F, equilibria: [{share, stable}], path} */
export function compute(params, spec) {
  return thresholdModel(params.mean, params.spread, params.early, params.start, rounds(spec));
}

export function describe(result) {
  const eq = result.equilibria;
  const pct = (e) => `${fixed(100 * e.share, 0)}%`;
  const stable = eq.filter((e) => e.stable).map(pct).join(", ");
  const tipping = eq.filter((e) => !e.stable).map(pct).join(", ");
  const path = result.path;
  let text = `Starting from ${fixed(100 * path[0], 0)}% with a profile, the share settles at ` +
    `${fixed(100 * path[path.length - 1], 0)}% after ${path.length - 1} rounds. Stable equilibria: ` +
    `${stable || "none"}.`;
  text += tipping ? ` Tipping point: ${tipping}.` : " No tipping point.";
  return text;
}
