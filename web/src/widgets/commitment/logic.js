// Chapter 3: stay with a partner, or look among strangers? (Yamagishi's emancipation theory)
// Pure (no DOM): read -> compute -> describe, as meishi's CommitmentWidget does.
import { fixed } from "../../kit/format.js";
import { commitment, outsidePayoff } from "../../models/commitment.js";

/** A path has settled: its last step and its distance to an equilibrium both at most this. */
export const SETTLE_TOL = 0.0005;
export const rounds = (spec) => (spec && spec.data && spec.data.rounds) || 60;

/** Slider percentages as shares; the spread in points (0–50) as 0–0.5; offers whole. */
export function read(values) {
  return {
    p: Number(values.p) / 100, w: Number(values.w) / 100, n: Math.trunc(Number(values.n)),
    k: Number(values.k) / 100, x0: Number(values.x0) / 100,
  };
}

export function compute(params, spec) {
  return commitment(params.p, params.w, params.n, params.k, params.x0, rounds(spec));
}

/** {state: "settled" | "balanced" | "moving", equilibrium} (Python path_end). */
export function pathEnd(eqs, path, tol = SETTLE_TOL) {
  const x = path[path.length - 1];
  const step = x - path[path.length - 2];
  if (Math.abs(step) <= tol && eqs.length) {
    let near = eqs[0];
    for (const e of eqs) if (Math.abs(e.share - x) < Math.abs(near.share - x)) near = e;
    if (Math.abs(near.share - x) <= tol) {
      return { state: near.stable ? "settled" : "balanced", equilibrium: near };
    }
  }
  if (step > 0) {
    const ahead = eqs.filter((e) => e.share >= x && e.stable);
    return { state: "moving", equilibrium: ahead.length ? ahead[0] : null };
  }
  if (step < 0) {
    const ahead = eqs.filter((e) => e.share <= x && e.stable);
    return { state: "moving", equilibrium: ahead.length ? ahead[ahead.length - 1] : null };
  }
  return { state: "moving", equilibrium: null };
}

const points = (x) => fixed(100 * x, 1);

/** The fewest decimals (1 to 4) that tell the shares apart. */
function digitsFor(shares) {
  const distinct = new Set(shares).size;
  for (let d = 1; d < 4; d++) {
    if (new Set(shares.map((v) => fixed(v, d))).size === distinct) return d;
  }
  return 4;
}

export function describe(r) {
  const now = outsidePayoff(r.p, r.w, r.n, r.k, r.x0, r.v0);
  const path = Array.from(r.path);
  const nRounds = path.length - 1;
  const end = pathEnd(r.equilibria, path);
  const shares = r.equilibria.map((e) => 100 * e.share);
  if (end.state === "moving") shares.push(100 * path[path.length - 1]);
  const digits = digitsFor(shares);
  const pct = (x) => {
    let text = fixed(100 * x, digits);
    if (x === 0 || x === 1) text = text.replace(/0+$/, "").replace(/\.$/, "");
    return `${text}%`;
  };

  const diff = now.expected - r.v0;
  let verdict;
  if (Math.abs(diff) <= 1e-12) verdict = "so the two pay the same";
  else if (fixed(100 * Math.abs(diff), 1) === "0.0") verdict = "so the two pay about the same";
  else verdict = diff > 0 ? "so looking pays more" : "so staying pays more";
  let text = `With ${fixed(100 * r.x0, 0)}% of traders committed, a partner's deal pays ` +
    `${points(r.v0)} points for sure; looking among strangers pays ` +
    `${points(now.expected)} on average (sd ${points(now.sd)}; a ` +
    `${fixed(100 * now.p_cheated, 1)}% chance of being cheated, ` +
    `${fixed(100 * now.p_no_deal, 1)}% of no deal at all), ${verdict}.`;
  if (r.x0 > 0) {
    text += ` In a fully open market looking would pay ${points(r.outside.expected)} ` +
      `(sd ${points(r.outside.sd)}).`;
  }
  const interior = r.equilibria.filter((e) => e.share > 0 && e.share < 1);
  const tipping = interior.filter((e) => !e.stable);
  const mixed = interior.filter((e) => e.stable);
  if (tipping.length === 1 && !mixed.length) {
    const t = tipping[0];
    const above = r.equilibria.find((e) => e.share > t.share && e.stable);
    const below = [...r.equilibria].reverse().find((e) => e.share < t.share && e.stable);
    text += ` Tipping point: ${pct(t.share)} committed`;
    text += above && below
      ? `; start above it and the share heads to ${pct(above.share)}, ` +
        `below it to ${pct(below.share)}.`
      : ".";
  } else if (tipping.length) {
    text += ` Tipping points: ${tipping.map((e) => pct(e.share)).join(", ")} committed.`;
  } else {
    const ends = r.equilibria.filter((e) => e.stable);
    text += " No tipping point";
    if (ends.length === 1 && !mixed.length && ends[0].share === 1) {
      text += `: from any start above 0% the share heads to ${pct(ends[0].share)}.`;
    } else if (ends.length === 1 && !mixed.length && ends[0].share === 0) {
      text += `: from any start below 100% the share heads to ${pct(ends[0].share)}.`;
    } else {
      text += ".";
    }
  }
  if (mixed.length) {
    text += ` Stable mix${mixed.length > 1 ? "es" : ""}: ` +
      `${mixed.map((e) => pct(e.share)).join(", ")} committed.`;
  }
  const at = end.equilibrium;
  if (at !== null && end.state === "settled") {
    text += ` After ${nRounds} rounds the share committed settles at ${pct(at.share)}.`;
  } else if (at !== null && end.state === "balanced") {
    text += ` The share committed stays at ${pct(at.share)} for ${nRounds} rounds: an ` +
      "unstable balance, which the slightest push would leave.";
  } else {
    text += ` After ${nRounds} rounds the share committed is at ${pct(path[path.length - 1])}`;
    text += at !== null ? ` and still moving towards ${pct(at.share)}.` : ".";
  }
  return text;
}
