import assert from "node:assert/strict";
import { test } from "node:test";
import { binomialPmf, binomialQuantile, expectedFinds, MAX_CARDS } from "../src/models/lookup.js";
import { linspace, pairwiseSum } from "../src/models/numeric.js";
import { posterior, posteriorCurve, signal } from "../src/models/signal.js";
import {
  adoptionPath, criticalPoints, equilibria, erf, pathOutcome, thresholdCdf, thresholdEquilibria,
  thresholdModel,
} from "../src/models/threshold.js";
import { describe as thresholdReadout } from "../src/widgets/threshold/logic.js";

const close = (a, b, tol = 1e-12) => assert.ok(Math.abs(a - b) <= tol, `${a} vs ${b}`);

test("binomial pmf: hand-computed, sums to 1, exact at p = 0 and 1", () => {
  const pmf = binomialPmf(2, 0.5);
  [0.25, 0.5, 0.25].forEach((v, i) => close(pmf[i], v, 1e-15));
  const big = binomialPmf(1000, 0.3);
  close(big.reduce((a, b) => a + b, 0), 1, 1e-12);
  assert.ok(big.every((p) => p >= 0 && p <= 1));
  assert.deepEqual(binomialPmf(3, 0), [1, 0, 0, 0]);
  assert.deepEqual(binomialPmf(3, 1), [0, 0, 0, 1]);
  assert.throws(() => binomialPmf(2.5, 0.5), /n must be a whole number, 0 or more/);
  assert.throws(() => binomialPmf(2, 1.5), /p must be a probability between 0 and 1/);
  assert.throws(() => binomialPmf(2, NaN), /p must be a probability/);
});

test("binomial quantile", () => {
  assert.equal(binomialQuantile(20, 0.5, 0.5), 10);
  assert.equal(binomialQuantile(20, 0, 0.95), 0);
  assert.equal(binomialQuantile(20, 1, 0.05), 20);
  assert.equal(binomialQuantile(1, 0.5, 0.5), 0); // P(K <= 0) = 0.5 >= 0.5
  assert.throws(() => binomialQuantile(20, 0.5, 2), /q must be between 0 and 1/);
});

test("expected finds", () => {
  const r = expectedFinds(20, { LINE: 0.67, LinkedIn: 0.008 });
  assert.deepEqual(r.platforms, ["LINE", "LinkedIn"]);
  close(r.expected[0], 13.4);
  close(r.p_any[1], 1 - 0.992 ** 20);
  assert.deepEqual(r.low, [10, 0]);
  assert.deepEqual(r.high, [17, 1]);
  for (let i = 0; i < 2; i++) assert.ok(r.low[i] <= r.expected[i] && r.expected[i] <= r.high[i]);
  assert.throws(() => expectedFinds(0, { a: 0.1 }), new RegExp(`from 1 to ${MAX_CARDS}`));
  assert.throws(() => expectedFinds(5, {}), /at least one service/);
  assert.throws(() => expectedFinds(5, { a: -0.1 }), /every share must be a probability/);
});

test("signal: Bayes' rule by hand", () => {
  const r = signal(0.5, 0.6, 0.2);
  close(r.posterior, 0.75);
  close(r.likelihood_ratio, 3);
  close(r.lift, 1.5);
  close(r.share_polished, 0.4);
  assert.equal(signal(0.1, 0.5, 0).likelihood_ratio, Infinity);
  assert.equal(signal(0.1, 0, 0).likelihood_ratio, 1);
  assert.equal(signal(0.1, 0, 0).posterior, 0.1); // nobody polishes: says nothing
  assert.ok(Number.isNaN(signal(0, 0.5, 0.5).lift));
  assert.throws(() => signal(1.5, 0.5, 0.5), {
    message: "base_rate must be a probability between 0 and 1, got 1.5" });
  assert.throws(() => signal(0.5, 2, 0.5), {
    message: "p_seeker must be a probability between 0 and 1, got 2.0" });
  assert.throws(() => posterior([0.2, 1.2], 0.5, 0.5), { message: "base_rate must be between 0 and 1" });
});

test("posterior curve: 0..1, monotone when seekers polish more", () => {
  const [b, p] = posteriorCurve(0.6, 0.05, 241);
  assert.equal(b.length, 241);
  assert.equal(b[0], 0);
  assert.equal(b[240], 1);
  for (let i = 1; i < p.length; i++) assert.ok(p[i] >= p[i - 1] && p[i] >= b[i]);
});

test("numpy helpers", () => {
  assert.deepEqual(linspace(0, 1, 5), [0, 0.25, 0.5, 0.75, 1]);
  close(pairwiseSum(Array.from({ length: 1001 }, () => 0.1)), 100.1, 1e-12);
});

test("erf against known values", () => {
  close(erf(0), 0, 0);
  close(erf(0.5), 0.5204998778130465, 2e-16);
  close(erf(1), 0.8427007929497149, 2e-16);
  close(erf(2), 0.9953222650189527, 2e-16);
  close(erf(-3), -0.9999779095030014, 2e-16);
  assert.equal(erf(Infinity), 1);
  assert.equal(erf(-Infinity), -1);
  assert.ok(Number.isNaN(erf(NaN)));
});

test("threshold cdf: early adopters at 0, 1 at the top, monotone", () => {
  const F = thresholdCdf(0.5, 0.2, 0.05);
  close(F(0), 0.05);
  close(F(1), 1);
  close(F(0.5), 0.05 + 0.95 * 0.5, 1e-12);
  const ys = F(linspace(0, 1, 101));
  for (let i = 1; i < ys.length; i++) assert.ok(ys[i] >= ys[i - 1]);
  assert.throws(() => thresholdCdf(1.5, 0.2), { message: "mean must be between 0 and 1" });
  assert.throws(() => thresholdCdf(0.5, 0), { message: "spread must be above 0 and at most 1" });
  assert.throws(() => thresholdCdf(0.5, 0.2, -1), { message: "early must be between 0 and 1" });
});

test("equilibria and paths: stuck low vs tipping", () => {
  const F = thresholdCdf(0.5, 0.2, 0.05);
  const eq = equilibria(F);
  assert.deepEqual(eq.map((e) => e.stable), [true, false, true]);
  assert.deepEqual(eq.map((e) => e.touch), [0, 0, 0]);
  for (const e of eq) close(F(e.share), e.share, 1e-9);
  const low = adoptionPath(F, 0.05, 25);
  const high = adoptionPath(F, 0.6, 25);
  assert.equal(low.length, 26);
  assert.ok(low[25] < 0.1 && high[25] > 0.99);
  assert.throws(() => adoptionPath(F, 2), { message: "start must be between 0 and 1" });
  assert.throws(() => adoptionPath(F, 0.5, 0), { message: "steps must be from 1 to 10,000" });
  const m = thresholdModel(0.5, 0.2, 0.2, 0.05);
  assert.equal(m.x.length, 201);
  assert.equal(m.F.length, 201);
  assert.deepEqual(m.equilibria.map((e) => e.stable), [true]);
});

// Threshold cases solved by hand, as in tests/models/test_threshold.py: g(x) = F(x) - x
// written out again, roots bracketed by hand-picked signs and pinned by plain bisection.
const gHand = (mean, spread, early) => {
  const cdf = (z) => 0.5 * (1 + erf(z / Math.SQRT2));
  const lo = cdf(-mean / spread);
  const hi = cdf((1 - mean) / spread);
  return (x) => early + (1 - early) * (cdf((x - mean) / spread) - lo) / (hi - lo) - x;
};
const bisectHand = (g, a, b) => {
  let ga = g(a);
  assert.ok(ga * g(b) < 0, "not a bracket");
  for (;;) {
    const m = 0.5 * (a + b);
    if (m === a || m === b) return m;
    if (ga * g(m) <= 0) b = m;
    else { a = m; ga = g(m); }
  }
};
const lowestHand = (g, a, b) => { // golden-section search for g's minimum
  const r = (Math.sqrt(5) - 1) / 2;
  for (let k = 0; k < 200; k++) {
    const c = b - r * (b - a);
    const d = a + r * (b - a);
    if (g(c) < g(d)) b = d;
    else a = c;
  }
  return 0.5 * (a + b);
};
const kinds = (eqs) => eqs.map((e) => [e.stable, e.touch]);

test("threshold: the issue's close pair (mean 24%, spread 5.5%, early 11%) is found", () => {
  const g = gHand(0.24, 0.055, 0.11);
  assert.ok(g(0.13) > 0 && g(0.1337) < 0 && g(0.1338) < 0 && g(0.135) > 0 && g(0.99) > 0);
  const low = bisectHand(g, 0.13, 0.1337);
  const tip = bisectHand(g, 0.1338, 0.135);
  close(low, 0.1335957, 1e-7);
  close(tip, 0.1339612, 1e-7);
  const eqs = equilibria(thresholdCdf(0.24, 0.055, 0.11));
  assert.deepEqual(kinds(eqs), [[true, 0], [false, 0], [true, 0]]);
  [low, tip, 1].forEach((s, i) => close(eqs[i].share, s, 1e-12));
  // and a pair 0.014 points below 100% (mean 70%, spread 37.5%, early 2%)
  const g2 = gHand(0.7, 0.375, 0.02);
  assert.ok(g2(0.9998) < 0 && g2(0.9999) > 0);
  const near1 = thresholdEquilibria(thresholdCdf(0.7, 0.375, 0.02));
  assert.deepEqual(kinds(near1), [[true, 0], [false, 0], [true, 0]]);
  close(near1[1].share, bisectHand(g2, 0.9998, 0.9999), 1e-12);
});

test("threshold: a tangency is one touching equilibrium, a hair off it two or none", () => {
  const lowPoint = (early) => {
    const g = gHand(0.24, 0.055, early);
    return g(lowestHand(g, 0.1, 0.2));
  };
  const early = bisectHand(lowPoint, 0.1, 0.12);
  close(early, 0.1100006027, 1e-9);
  const where = lowestHand(gHand(0.24, 0.055, early), 0.1, 0.2);
  const eqs = equilibria(thresholdCdf(0.24, 0.055, early));
  assert.deepEqual(kinds(eqs), [[false, 1], [true, 0]]);
  close(eqs[0].share, where, 1e-6);
  const pair = equilibria(thresholdCdf(0.24, 0.055, early - 1e-9));
  assert.deepEqual(kinds(pair), [[true, 0], [false, 0], [true, 0]]);
  assert.ok(pair[0].share < where && where < pair[1].share);
  assert.ok(pair[1].share - pair[0].share < 2e-5);
  assert.deepEqual(kinds(equilibria(thresholdCdf(0.24, 0.055, early + 1e-9))), [[true, 0]]);
  const readout = thresholdReadout(thresholdModel(0.24, 0.055, early, 0.05));
  assert.ok(readout.endsWith(" The curve touches the diagonal at 13.4%: a path from below " +
    "stops there, one from above moves on up."), readout);
});

test("threshold: symmetric, early 0, and many early adopters", () => {
  for (const spread of [0.02, 0.05, 0.15, 0.5, 1.0]) { // F(1 - x) = 1 - F(x): tips at 1/2
    const eqs = equilibria(thresholdCdf(0.5, spread, 0));
    assert.deepEqual(kinds(eqs), [[true, 0], [false, 0], [true, 0]]);
    close(eqs[0].share, 0, 0);
    close(eqs[1].share, 0.5, 1e-14);
    close(eqs[2].share, 1, 0);
  }
  const g = gHand(0.3, 0.1, 0);
  const eqs = equilibria(thresholdCdf(0.3, 0.1, 0));
  assert.deepEqual(kinds(eqs), [[true, 0], [false, 0], [true, 0]]);
  close(eqs[1].share, bisectHand(g, 0.2, 0.25), 1e-12);
  // F'(0) = 39.9 > 1: 0 is a tipping point
  assert.deepEqual(equilibria(thresholdCdf(0, 0.02, 0)), [
    { share: 0, stable: false, touch: 0 }, { share: 1, stable: true, touch: 0 }]);
  // F'(1) = 19.9 > 1: 100% is a tipping point
  assert.deepEqual(equilibria(thresholdCdf(1, 0.02, 0.5)), [
    { share: 0.5, stable: true, touch: 0 }, { share: 1, stable: false, touch: 0 }]);
  assert.ok(gHand(0.5, 0.2, 0.2)(0.304) > 0); // g's low point above 0: only 100% is left
  assert.deepEqual(equilibria(thresholdCdf(0.5, 0.2, 0.2)), [{ share: 1, stable: true, touch: 0 }]);
  const F = thresholdCdf(0.24, 0.055, 0.11);
  for (const c of criticalPoints(F)) close((F(c + 1e-7) - F(c - 1e-7)) / 2e-7, 1, 1e-6);
  // the grid fallback for other maps marks touching points too
  const touching = equilibria((x) => x + x * (1 - x) * (2 * x - 1) ** 2);
  assert.deepEqual(touching, [{ share: 0, stable: false, touch: 0 },
    { share: 0.5, stable: false, touch: 1 }, { share: 1, stable: true, touch: 0 }]);
});

test("threshold: has the path settled? pathOutcome and the readout", () => {
  const stable = { share: 0.1, stable: true, touch: 0 };
  const tip = { share: 0.4, stable: false, touch: 0 };
  const top = { share: 1, stable: true, touch: 0 };
  const eqs = [stable, tip, top];
  assert.deepEqual(pathOutcome(eqs, [0.1003, 0.1001]), { state: "settled", equilibrium: stable });
  assert.deepEqual(pathOutcome(eqs, [0.05, 0.09]), { state: "moving", equilibrium: stable });
  assert.deepEqual(pathOutcome(eqs, [0.0899, 0.09]), { state: "moving", equilibrium: stable });
  assert.deepEqual(pathOutcome(eqs, [0.5, 0.6]), { state: "moving", equilibrium: top });
  assert.deepEqual(pathOutcome(eqs, [0.39, 0.38]), { state: "moving", equilibrium: stable });
  assert.deepEqual(pathOutcome(eqs, [0.4, 0.4]), { state: "tipping", equilibrium: tip });
  const touch = { share: 0.3, stable: false, touch: 1 };
  assert.deepEqual(pathOutcome([touch, top], [0.2998, 0.2999]),
    { state: "settled", equilibrium: touch });
  assert.deepEqual(pathOutcome([touch, top], [0.3001, 0.3002]),
    { state: "moving", equilibrium: top });
  // the case, {"mean": 24, "spread": 5.5, "early": 11, "start": 5} in percent
  assert.equal(thresholdReadout(thresholdModel(0.24, 0.055, 0.11, 0.05)),
    "Starting from 5% with a profile, after 25 rounds the share is at 13.17% and still " +
    "moving towards 13.36%. Stable equilibria: 13.36%, 100.00%. Tipping point: 13.40%.");
  assert.equal(thresholdReadout(thresholdModel(0.24, 0.055, 0.11, 0.05, 100)),
    "Starting from 5% with a profile, the share settles at 13.36% after 100 rounds. " +
    "Stable equilibria: 13.36%, 100.00%. Tipping point: 13.40%.");
  assert.equal(thresholdReadout(thresholdModel(0, 0.02, 0, 0)),
    "Starting from 0% with a profile, the share stays at 0% for 25 rounds: a tipping " +
    "point, which the slightest push would leave. Stable equilibria: 100%. Tipping point: 0%.");
});
