// Trust you build, trust you assume: Yamagishi's emancipation theory of trust.
// Port of meishi.models.commitment (Python is the reference; parity-tested).
//
// Stay with a committed partner: a sure deal worth v0.  Look outside: n offers
// from strangers, values uniform on [v0 - w, v0 + w], each stranger a cheater
// with probability p (a cheated deal is worth 0), each cheater spotted and
// dropped with probability k; take the best offer left (none left: no deal, 0).
//
//   r = 1 - p k (kept),  q = p (1 - k) / r (a kept offer cheats),  a = 1 - x (in the market)
//   m ~ binomial(n, r a) kept offers
//   E[Y | m] = (1 - q) (v0 + w (m - 1) / (m + 1))
//   Var[Y | m] = (1 - q) 4 w^2 m / ((m + 1)^2 (m + 2)) + q (1 - q) E[V | m]^2
//   x_{t+1} = clip(x_t + x_t (1 - x_t) (v0 - pi_out(x_t)), 0, 1)
import { pyRepr } from "../kit/format.js";
import { binomialPmf } from "./lookup.js";
import { bisectRoot, linspace } from "./numeric.js";

export const MAX_OFFERS = 20;
export const MAX_ROUNDS = 10000;
export const SCAN_POINTS = 1001;
export const CURVE_POINTS = 101;
export const TIE_TOL = 1e-12;

const RANGES = {
  p: ["share of cheaters", 1, "1"], w: ["spread of offers", 0.5, "0.5"],
  k: ["screening skill", 1, "1"], x: ["committed share", 1, "1"],
  x0: ["starting committed share", 1, "1"],
};

function check(name, value) {
  const [meaning, top, topText] = RANGES[name];
  const label = `${name} (${meaning}) must be a number between 0 and ${topText}`;
  if (typeof value !== "number") throw new Error(label);
  if (!Number.isFinite(value) || !(value >= 0 && value <= top)) {
    throw new Error(`${label}, got ${pyRepr(value)}`);
  }
  return value + 0; // -0 becomes 0
}

function checkWhole(value, lo, hi, label) {
  if (typeof value !== "number" || !Number.isInteger(value) || value < lo || value > hi) {
    throw new Error(`${label} must be a whole number from ${lo} to ${hi}`);
  }
  return value;
}

function checkAll(p, w, n, k, v0) {
  p = check("p", p);
  w = check("w", w);
  n = checkWhole(n, 1, MAX_OFFERS, "n (offers from strangers)");
  k = check("k", k);
  const label = "v0 (value of a partner's deal) must be a number above 0 and at most 1";
  if (typeof v0 !== "number") throw new Error(label);
  if (!Number.isFinite(v0) || !(v0 > 0 && v0 <= 1)) throw new Error(`${label}, got ${pyRepr(v0)}`);
  if (w > v0) {
    throw new Error("w (spread of offers) must be at most v0 (no offer is worth less than 0)");
  }
  return [p, w, n, k, v0];
}

/** [mean, variance, P(cheated), P(no deal)] of looking outside; inputs unchecked. */
function moments(p, w, n, k, x, v0) {
  const r = 1 - p * k;
  const q = r > 0 ? p * (1 - k) / r : 0;
  const pmf = binomialPmf(n, r * (1 - x));
  const means = [0];
  for (let m = 1; m <= n; m++) means.push((1 - q) * (v0 + w * (m - 1) / (m + 1)));
  let mean = 0;
  for (let m = 1; m <= n; m++) mean += pmf[m] * means[m];
  let variance = 0;
  for (let m = 0; m <= n; m++) {
    const d = means[m] - mean;
    let within = 0;
    if (m > 0) {
      const best = v0 + w * (m - 1) / (m + 1);
      const varU = m / ((m + 1) * (m + 1) * (m + 2));
      within = (1 - q) * 4 * w * w * varU + q * (1 - q) * best * best;
    }
    variance += pmf[m] * (within + d * d);
  }
  return [mean, variance, q * (1 - pmf[0]), pmf[0]];
}

/** g(x) = v0 - pi_out(x), summed so that it only cancels where it truly is near 0. */
function gap(p, w, n, k, x, v0) {
  const r = 1 - p * k;
  const q = r > 0 ? p * (1 - k) / r : 0;
  const pmf = binomialPmf(n, r * (1 - x));
  let out = pmf[0] * v0;
  for (let m = 1; m <= n; m++) out += pmf[m] * (q * v0 - (1 - q) * w * (m - 1) / (m + 1));
  return out;
}

/** OutsideResult {p, w, n, k, x, v0, expected, sd, p_cheated, p_no_deal, expected_offers,
 *  expected_kept}: exact payoff of dealing with strangers. */
export function outsidePayoff(p, w, n, k, x = 0, v0 = 0.5) {
  [p, w, n, k, v0] = checkAll(p, w, n, k, v0);
  x = check("x", x);
  const [mean, variance, pCheated, pNone] = moments(p, w, n, k, x, v0);
  return {
    p, w, n, k, x, v0, expected: mean, sd: Math.sqrt(variance), p_cheated: pCheated,
    p_no_deal: pNone, expected_offers: n * (1 - x), expected_kept: n * (1 - x) * (1 - p * k),
  };
}

function interior(share, left, right) {
  const stable = left > 0 && right < 0;
  return { share, stable, kind: stable ? "mixed" : "tipping" };
}

/** [{share, stable, kind}]: 0, the interior roots of v0 = pi_out(x), and 1, ascending. */
export function equilibria(p, w, n, k, v0 = 0.5) {
  [p, w, n, k, v0] = checkAll(p, w, n, k, v0);
  const g = (x) => gap(p, w, n, k, x, v0);
  const xs = linspace(0, 1, SCAN_POINTS);
  const gs = xs.map(g);
  const g0 = gs[0] !== 0 ? gs[0] : gs[1];
  const out = [{ share: 0, stable: g0 < 0, kind: "open" }];
  for (let i = 0; i < SCAN_POINTS - 1; i++) {
    if (i > 0 && gs[i] === 0) out.push(interior(xs[i], gs[i - 1], gs[i + 1]));
    else if (gs[i] * gs[i + 1] < 0) {
      out.push(interior(bisectRoot(g, xs[i], xs[i + 1], gs[i]), gs[i], gs[i + 1]));
    }
  }
  const g1 = gs[SCAN_POINTS - 1] !== 0 ? gs[SCAN_POINTS - 1] : gs[SCAN_POINTS - 2];
  out.push({ share: 1, stable: g1 > 0, kind: "committed" });
  return out;
}

/** CommitmentResult (fields as the Python dataclass). */
export function commitment(p, w, n, k, x0, rounds = 60, v0 = 0.5) {
  [p, w, n, k, v0] = checkAll(p, w, n, k, v0);
  x0 = check("x0", x0);
  rounds = checkWhole(rounds, 1, MAX_ROUNDS, "rounds");
  const outside = outsidePayoff(p, w, n, k, 0, v0);
  const margin = outside.expected - v0;
  const better = Math.abs(margin) <= TIE_TOL ? "tie" : margin > 0 ? "outside" : "stay";
  const path = [x0];
  for (let t = 0; t < rounds; t++) {
    const x = path[t];
    const step = x * (1 - x) * gap(p, w, n, k, x, v0);
    path.push(Math.min(Math.max(x + step, 0), 1));
  }
  const grid = linspace(0, 1, CURVE_POINTS);
  return {
    p, w, n, k, v0, x0, stay: v0, stay_sd: 0, outside, margin, better, path,
    equilibria: equilibria(p, w, n, k, v0), x: grid,
    outside_curve: grid.map((x) => moments(p, w, n, k, x, v0)[0]),
  };
}
