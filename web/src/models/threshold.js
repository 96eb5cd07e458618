// Norm adoption with thresholds (Granovetter 1978; Schelling 1978).
// Port of meishi.models.threshold (Python is the reference; parity-tested).
import { erf } from "./erf.js";
import { clip, linspace } from "./numeric.js";

export { erf };

const SQRT2 = Math.sqrt(2.0);
const phi = (z) => 0.5 * (1.0 + erf(z / SQRT2));
const inRange01 = (v) => Number.isFinite(v) && v >= 0 && v <= 1;

/** F(x): share of workers with a threshold at or below x (scalar or array x). */
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
  return F;
}

const scalar = (F) => F.one || ((x) => Number(F(x)));

/** Shares x in [0, 1] with F(x) = x: [{share, stable}], as Python's equilibria(). */
export function equilibria(F, grid = 2001, tol = 1e-10) {
  const f = scalar(F);
  const x = linspace(0.0, 1.0, grid);
  const g = x.map((xi) => f(xi) - xi);
  const found = [];
  for (let i = 0; i < grid - 1; i++) {
    let a = x[i], b = x[i + 1];
    let ga = g[i];
    const gb = g[i + 1];
    if (Math.abs(ga) <= tol) {
      found.push(a);
    } else if (ga * gb < 0) {
      for (let k = 0; k < 100; k++) { // bisection
        const m = 0.5 * (a + b);
        const gm = f(m) - m;
        if (ga * gm <= 0) {
          b = m;
        } else {
          a = m;
          ga = gm;
        }
      }
      found.push(0.5 * (a + b));
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
    const left = f(l) - l;
    const right = f(r) - r;
    // stable if F - x falls through zero (an end point needs only one side)
    const stable = (s === 0.0 || left > 0) && (s === 1.0 || right < 0);
    return { share: s, stable };
  });
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
  return { x, F: F(x), equilibria: equilibria(F), path: adoptionPath(F, start, rounds) };
}
