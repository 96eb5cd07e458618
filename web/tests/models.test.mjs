import assert from "node:assert/strict";
import { test } from "node:test";
import { binomialPmf, binomialQuantile, expectedFinds, MAX_CARDS } from "../src/models/lookup.js";
import { linspace, pairwiseSum } from "../src/models/numeric.js";
import { posterior, posteriorCurve, signal } from "../src/models/signal.js";
import { adoptionPath, equilibria, erf, thresholdCdf, thresholdModel } from "../src/models/threshold.js";

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
