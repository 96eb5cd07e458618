// Norm adoption with thresholds (Granovetter 1978; Schelling 1978).
// Port of meishi.models.threshold (Python is the reference; parity-tested).
//
// Equilibria of the course's F (thresholdEquilibria): g(x) = F(x) - x has
// g' = F' - 1, and F' (a scaled normal density, peak k) equals 1 at most at
// mean -/+ spread * sqrt(2 ln k).  Those points cut [0, 1] into pieces where g
// is strictly monotone, so each holds at most one root: bisecting every piece
// whose ends differ in sign finds every equilibrium however close, and a
// critical point where |g| <= tol is a tangency (a touching equilibrium).
// Any other F: a grid scan with bisection (equilibria's fallback).
import { erf } from "./erf.js";
import { bisectRoot, clip, linspace } from "./numeric.js";

export { erf };

const SQRT2 = Math.sqrt(2.0);
const SQRT_2PI = Math.sqrt(2.0 * Math.PI);
/** A path has settled: last step and distance to the equilibrium at most 0.05 pp. */
export const SETTLE_TOL = 0.0005;
const phi = (z) => 0.5 * (1.0 + erf(z / SQRT2));
const inRange01 = (v) => Number.isFinite(v) && v >= 0 && v <= 1;

/**
 * F(x): share of workers with a threshold at or below x (scalar or array x).
 * F.one is the scalar F; F.threshold = {mean, spread, early, lo, hi} marks it
 * as the course's F (Python's ThresholdCDF), which equilibria() solves exactly.
 */
export function thresholdCdf(mean, spread, early = 0.0) {
  for (const [name, value] of [["mean", mean], ["early", early]]) {
    if (!inRange01(value)) throw new Error(`${name} must be between 0 and 1`);
  }
  if (!Number.isFinite(spread) || !(spread > 0 && spread <= 1)) {
    throw new Error("spread must be above 0 and at most 1");
  }
  const lo = phi((0.0 - mean) / spread);
  const hi = phi((1.0 - mean) / spread);
  const one = (x) => {
    x = clip(Number(x), 0.0, 1.0);
    const inner = (phi((x - mean) / spread) - lo) / (hi - lo);
    return early + (1.0 - early) * clip(inner, 0.0, 1.0);
  };
  const F = (x) => (Array.isArray(x) || ArrayBuffer.isView(x) ? Array.from(x, one) : one(x));
  F.one = one;
  F.threshold = { mean, spread, early, lo, hi };
  return F;
}

const scalar = (F) => F.one || ((x) => Number(F(x)));

/** k = max F' = (1 - early) / ((hi - lo) * spread * sqrt(2 pi)), at x = mean. */
export function peakSlope(F) {
  const { spread, early, lo, hi } = F.threshold;
  return (1.0 - early) / ((hi - lo) * spread * SQRT_2PI);
}

/** The x in (0, 1) where F'(x) = 1, ascending (Python ThresholdCDF.critical_points). */
export function criticalPoints(F) {
  const k = peakSlope(F);
  if (!(k > 1.0)) return [];
  const { mean, spread } = F.threshold;
  const z = Math.sqrt(2.0 * Math.log(k));
  return [mean - spread * z, mean + spread * z].filter((c) => c > 0.0 && c < 1.0);
}

const sign = (v) => (v > 0 ? 1 : v < 0 ? -1 : 0);

/** Mark an equilibrium from the sign of F - x just left and right of it (0: none). */
function classify(share, left, right) {
  if (share === 0.0) return { share: 0.0, stable: right < 0, touch: 0 };
  if (share === 1.0) return { share: 1.0, stable: left > 0, touch: 0 };
  const touch = left > 0 && right > 0 ? 1 : left < 0 && right < 0 ? -1 : 0;
  return { share, stable: left > 0 && right < 0, touch };
}

/** Every x in [0, 1] with F(x) = x for the course's F: [{share, stable, touch}] ascending. */
export function thresholdEquilibria(F, tol = 1e-10) {
  const f = scalar(F);
  const g = (x) => f(x) - x;
  const nodes = [0.0, ...criticalPoints(F), 1.0];
  const gs = nodes.map(g);
  const signs = gs.map((v) => (Math.abs(v) <= tol ? 0 : sign(v)));
  const out = [];
  const n = nodes.length;
  for (let i = 0; i < n; i++) {
    if (signs[i] === 0) {
      let j = i;
      while (j + 1 < n && signs[j + 1] === 0) j++;
      const share = j === n - 1 ? nodes[j] : nodes[i];
      const left = i > 0 ? signs[i - 1] : 0;
      const right = j + 1 < n ? signs[j + 1] : 0;
      out.push(classify(share, left, right));
      i = j;
    }
    if (i + 1 < n && signs[i] * signs[i + 1] < 0) {
      out.push(classify(bisectRoot(g, nodes[i], nodes[i + 1], gs[i]), signs[i], signs[i + 1]));
    }
  }
  return out;
}

/** Shares x in [0, 1] with F(x) = x: [{share, stable, touch}], as Python's equilibria(). */
export function equilibria(F, grid = 2001, tol = 1e-10) {
  if (F.threshold) return thresholdEquilibria(F, tol);
  const f = scalar(F);
  const x = linspace(0.0, 1.0, grid);
  const g = x.map((xi) => f(xi) - xi);
  const found = [];
  for (let i = 0; i < grid - 1; i++) {
    if (Math.abs(g[i]) <= tol) {
      found.push(x[i]);
    } else if (g[i] * g[i + 1] < 0) {
      found.push(bisectRoot((m) => f(m) - m, x[i], x[i + 1], g[i]));
    }
  }
  if (Math.abs(g[grid - 1]) <= tol) found.push(1.0);
  const shares = [];
  for (const s of found) { // merge duplicates on a flat stretch
    if (!shares.length || s - shares[shares.length - 1] > 1e-6) shares.push(s);
  }
  const h = 1e-6;
  return shares.map((s) => {
    const l = Math.max(s - h, 0.0);
    const r = Math.min(s + h, 1.0);
    // stable if F - x falls through zero (an end point needs only one side)
    return classify(s, sign(f(l) - l), sign(f(r) - r));
  });
}

/**
 * Has the path settled, and if not, where is it heading?  {state, equilibrium}
 * with state "settled" | "tipping" | "moving" (Python path_outcome).
 */
export function pathOutcome(eqs, path, tol = SETTLE_TOL) {
  const x = Number(path[path.length - 1]);
  const step = x - Number(path[path.length - 2]);
  if (Math.abs(step) <= tol && eqs.length) {
    let near = eqs[0];
    for (const e of eqs) if (Math.abs(e.share - x) < Math.abs(near.share - x)) near = e;
    if (Math.abs(near.share - x) <= tol) {
      if (near.stable || (near.touch !== 0 && (x - near.share) * near.touch <= 0)) {
        return { state: "settled", equilibrium: near };
      }
      if (near.touch === 0) return { state: "tipping", equilibrium: near };
    }
  }
  if (step > 0) {
    const ahead = eqs.filter((e) => e.share >= x && (e.stable || e.touch === 1));
    return { state: "moving", equilibrium: ahead.length ? ahead[0] : null };
  }
  if (step < 0) {
    const ahead = eqs.filter((e) => e.share <= x && (e.stable || e.touch === -1));
    return { state: "moving", equilibrium: ahead.length ? ahead[ahead.length - 1] : null };
  }
  return { state: "moving", equilibrium: null };
}

/** x_0 = start, x_{t+1} = F(x_t): the share with a profile, round by round. */
export function adoptionPath(F, start, steps = 30) {
  if (!inRange01(start)) throw new Error("start must be between 0 and 1");
  if (!(steps >= 1 && steps <= 10000)) throw new Error("steps must be from 1 to 10,000");
  if (!Number.isInteger(steps)) throw new Error("steps must be a whole number");
  const f = scalar(F);
  const path = new Array(steps + 1);
  path[0] = start;
  for (let t = 0; t < steps; t++) path[t + 1] = f(path[t]);
  return path;
}

/** Everything the threshold widget shows: {x, F, equilibria, path} (Python threshold_model). */
export function thresholdModel(mean, spread, early, start, rounds = 25, grid = 201) {
  const F = thresholdCdf(mean, spread, early);
  const x = linspace(0.0, 1.0, grid);
  return { x, F: F(x), equilibria: thresholdEquilibria(F), path: adoptionPath(F, start, rounds) };
}
