// Chapter 1: when does publishing a profile become the norm?
// Pure (no DOM): read -> compute -> describe, as meishi's ThresholdWidget does.
import { fixed } from "../../kit/format.js";
import { pathOutcome, thresholdModel } from "../../models/threshold.js";

export const NAMES = ["mean", "spread", "early", "start"];
export const rounds = (spec) => (spec && spec.data && spec.data.rounds) || 25;

export function read(values) {
  const params = {};
  for (const k of NAMES) params[k] = Number(values[k]) / 100;
  return params;
}

/** {x, F, equilibria: [{share, stable, touch}], path} */
export function compute(params, spec) {
  return thresholdModel(params.mean, params.spread, params.early, params.start, rounds(spec));
}

/**
 * The readout (Python ThresholdWidget.describe): "settles at" only once the path
 * has settled, else where it is and where it is heading; then the equilibria.
 * Shares in percent with the fewest decimals (0 to 4) that tell every
 * equilibrium, and the path's last share when still moving, apart.
 */
export function describe(result) {
  const eq = result.equilibria;
  const path = result.path;
  const rounds = path.length - 1;
  const outcome = pathOutcome(eq, path);
  const at = outcome.equilibrium;
  const shares = eq.map((e) => 100 * e.share);
  if (outcome.state === "moving") shares.push(100 * path[path.length - 1]);
  let digits = 4;
  for (let d = 0; d < 4; d++) {
    if (new Set(shares.map((v) => fixed(v, d))).size === shares.length) {
      digits = d;
      break;
    }
  }
  const pct = (value) => `${fixed(100 * value, digits)}%`;
  let start = fixed(100 * path[0], 1);
  if (start.endsWith(".0")) start = start.slice(0, -2);
  const head = `Starting from ${start}% with a profile, `;
  let text;
  if (at !== null && outcome.state === "settled") {
    text = head + `the share settles at ${pct(at.share)} after ${rounds} rounds.`;
  } else if (at !== null && outcome.state === "tipping") {
    text = head + `the share stays at ${pct(at.share)} for ${rounds} rounds: a tipping ` +
      "point, which the slightest push would leave.";
  } else {
    text = head + `after ${rounds} rounds the share is at ${pct(path[path.length - 1])}`;
    text += at !== null ? ` and still moving towards ${pct(at.share)}.` : ".";
  }
  const stable = eq.filter((e) => e.stable).map((e) => pct(e.share)).join(", ");
  const tipping = eq.filter((e) => !e.stable && e.touch === 0).map((e) => pct(e.share));
  text += ` Stable equilibria: ${stable || "none"}.`;
  text += tipping.length
    ? ` Tipping point${tipping.length > 1 ? "s" : ""}: ${tipping.join(", ")}.`
    : " No tipping point.";
  for (const e of eq) {
    if (e.touch) {
      const [stops, moves] = e.touch > 0 ? ["below", "above"] : ["above", "below"];
      text += ` The curve touches the diagonal at ${pct(e.share)}: a path from ${stops} ` +
        `stops there, one from ${moves} moves on ${e.touch > 0 ? "up" : "down"}.`;
    }
  }
  return text;
}
