// Chapter 4 models: a local platform, a global entrant and network effects (platforms).
// The same hand-computed cases as tests/models/test_platforms.py.
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  criticalFit, CURVE_POINTS, equilibria, platformShares,
} from "../src/models/platforms.js";

const close = (a, b, tol = 1e-14) => assert.ok(Math.abs(a - b) <= tol, `${a} vs ${b}`);
const pairs = (xs) => xs.slice(1).map((b, i) => [xs[i], b]);
const logit = (z) => Math.exp(z) / (1 + Math.exp(z));

test("platforms: no network effect, shares follow fit and taste, by hand", () => {
  // beta = c = 0: x* = e^{d/tau} / (1 + e^{d/tau}); map slope 1 - mu
  const [eq, ...rest] = equilibria(0.5, 0, 0, 0.5);
  assert.equal(rest.length, 0);
  close(eq.share, Math.E / (1 + Math.E), 1e-15);
  assert.deepEqual([eq.stable, eq.kind, eq.touch], [true, "stable", 0]);
  close(eq.slope, 0.8, 1e-15);
  // switching costs: x* = a / (1 - b + a), a = sigma(0) = 1/2, 1 - b = 1 / (1 + e^2)
  const [sticky] = equilibria(0.5, 0, 0.5, 0.5);
  close(sticky.share, 0.5 / (0.5 + 1 / (1 + Math.E ** 2)), 1e-15);
  for (const c of [0, 0.7, 2]) {
    for (const tau of [0.1, 1, 2]) {
      const eqs = equilibria(0, 0, c, tau);
      assert.equal(eqs.length, 1);
      close(eqs[0].share, 0.5, 1e-15);
    }
  }
});

test("platforms: a strong network effect tips the market, by hand", () => {
  // beta = 4, tau = 0.5: P(x) = sigma(16 x - 8); low state solves x = sigma(16 x - 8)
  const [low, mid, high] = equilibria(0, 4, 0, 0.5);
  let x = 0;
  for (let i = 0; i < 100; i++) x = logit(16 * x - 8);
  close(low.share, x, 1e-15);
  close(mid.share, 0.5, 1e-15);
  close(mid.slope, 1.6, 1e-14);
  close(high.share, 1 - x, 1e-15);
  assert.deepEqual([low, mid, high].map((e) => e.kind), ["stable", "tipping", "stable"]);
  for (const c of [0.3, 1]) {
    const eqs = equilibria(0, 4, c, 0.5);
    assert.equal(eqs.length, 3);
    close(eqs[0].share + eqs[2].share, 1);
  }
});

test("platforms: paths settle on the stable state on their side, without overshooting", () => {
  const eqs = equilibria(0, 4, 0.2, 0.5);
  for (const [start, side] of [[0.45, 0], [0.3, 0], [0.55, 2], [0.9, 2]]) {
    const r = platformShares(0, 4, 0.2, 0.5, start, 400);
    assert.ok(r.settled);
    assert.equal(r.long_run, eqs[side].share);
    close(r.final[1], eqs[side].share, 1e-9);
    for (const [a, b] of pairs(r.path[1])) assert.ok(side === 0 ? b <= a : b >= a);
  }
});

test("platforms: a higher fit never lowers the entrant's share", () => {
  for (const beta of [0, 2, 5]) {
    for (const [c, tau, x0] of [[0, 0.2, 0.05], [1, 1, 0.7], [0.5, 0.5, 0.3]]) {
      const fits = [-1, -0.5, 0, 0.25, 0.5, 0.75, 1];
      const runs = fits.map((d) => platformShares(d, beta, c, tau, x0));
      for (const [a, b] of pairs(runs)) {
        assert.ok(b.final[1] >= a.final[1] && b.long_run >= a.long_run);
      }
    }
  }
});

test("platforms: critical fit, by hand", () => {
  for (const args of [[0, 1.2, 0.7, 0.05], [0, 0, 2, 0.9], [4, 0.3, 0.5, 0.5]]) {
    const [fit, status] = criticalFit(...args);
    assert.equal(status, "found");
    close(fit, 0, 1e-12);
  }
  // c = 0: d* = max of tau logit(x) + beta (1 - 2x), at x (1 - x) = tau / (2 beta)
  const xs = (1 - Math.sqrt(0.5)) / 2;
  const [fit, status] = criticalFit(2, 0, 0.5, 0.01);
  assert.equal(status, "found");
  close(fit, 0.5 * Math.log(xs / (1 - xs)) + 2 * (1 - 2 * xs), 1e-11);
  close(criticalFit(2, 0, 0.5, 0.3)[0], 0.5 * Math.log(3 / 7) + 0.8, 1e-11); // max at x0 > x*
  const never = criticalFit(4, 0, 0.5, 0);
  assert.ok(Number.isNaN(never[0]) && never[1] === "never");
  assert.equal(criticalFit(5, 0, 0.1, 1)[1], "always");
});

test("platforms: a late entrant wins a niche, or needs a big fit advantage", () => {
  const r = platformShares(0.4, 2, 0, 0.5, 0.01, 300);
  const [low, tip] = r.equilibria;
  assert.ok(r.critical_fit > 0.4 && low.kind === "stable" && tip.kind === "tipping");
  for (const [a, b] of pairs(r.path[1])) assert.ok(b > a);
  assert.ok(r.settled && r.final[1] > 0.01 && r.final[1] < tip.share && tip.share < 0.5);
  assert.equal(r.long_run, low.share);
  const wins = platformShares(0.6, 2, 0, 0.5, 0.01, 300);
  assert.ok(wins.equilibria.length === 1 && wins.final[1] > 0.95 && wins.settled);
  const at = equilibria(r.critical_fit, 2, 0, 0.5);
  assert.deepEqual([at[0].kind, at[0].touch], ["touch", 1]);
  close(at[0].share, (1 - Math.sqrt(0.5)) / 2, 1e-6); // x*: x (1 - x) = tau / (2 beta)
});

test("platforms: three platforms sum to one and reach the logit shares", () => {
  for (const [d, beta, c, tau, x0, fs] of [[-1, 0, 0, 0.1, 0, -1], [0.5, 3, 1.5, 1, 0.6, 0.8],
    [0.5, 3, 0, 0.1, 0, 0.8], [-1, 0, 1.5, 1, 0.6, -1]]) {
    const r = platformShares(d, beta, c, tau, x0, 120, true, fs);
    assert.deepEqual(r.platforms, ["local", "global", "social"]);
    assert.equal(r.path.length, 3);
    for (let t = 0; t <= 120; t++) {
      close(r.path[0][t] + r.path[1][t] + r.path[2][t], 1, 1e-12);
    }
    assert.deepEqual([r.path[2][0], r.path[1][0]], [0, x0]);
    assert.ok(Number.isNaN(r.long_run) && Number.isNaN(r.critical_fit));
    assert.deepEqual([r.equilibria, r.x, r.critical_status], [[], [], "not computed"]);
  }
  const r = platformShares(0.2, 0, 0, 0.5, 0.3, 400, true, 0.4);
  const w = [0, 0.2, 0.4].map((f) => Math.exp(f / 0.5));
  const total = w[0] + w[1] + w[2];
  assert.ok(r.settled);
  w.forEach((v, k) => close(r.final[k], v / total, 1e-12));
});

test("platforms: result shape", () => {
  const r = platformShares(0.1, 1, 0.5, 0.5, 0.2);
  assert.deepEqual(r.platforms, ["local", "global"]);
  assert.deepEqual([r.path.length, r.path[0].length, r.rounds, r.mu, r.social], [2, 81, 80, 0.2,
    false]);
  assert.deepEqual([r.x.length, r.choice.length, r.gap.length], Array(3).fill(CURVE_POINTS));
  assert.deepEqual(Object.keys(r), ["d", "beta", "c", "tau", "x0", "rounds", "social", "f_s",
    "mu", "platforms", "path", "final", "settled", "long_run", "equilibria", "x", "choice",
    "gap", "critical_fit", "critical_status"]);
  assert.ok(Object.is(platformShares(-0, 0, 0, 2, 1).d, 0));
});

test("platforms: bad inputs are refused with Python's messages", () => {
  const cases = [
    [[1.5, 1, 0, 0.5, 0.3],
      "d (entrant's fit advantage) must be a number between -1 and 1, got 1.5"],
    [[0, -1, 0, 0.5, 0.3],
      "beta (strength of the network effect) must be a number between 0 and 5, got -1.0"],
    [[0, 1, 2.5, 0.5, 0.3], "c (switching cost) must be a number between 0 and 2, got 2.5"],
    [[0, 1, 0, 0.05, 0.3], "tau (taste dispersion) must be a number between 0.1 and 2, got 0.05"],
    [[0, 1, 0, 0.5, NaN],
      "x0 (entrant's starting share) must be a number between 0 and 1, got nan"],
    [[0, 1, 0, 0.5, "0.3"], "x0 (entrant's starting share) must be a number between 0 and 1"],
    [[true, 1, 0, 0.5, 0.3], "d (entrant's fit advantage) must be a number between -1 and 1"],
    [[0, 1, 0, 0.5, 0.3, 0], "rounds must be a whole number from 1 to 10000"],
    [[0, 1, 0, 0.5, 0.3, 2.5], "rounds must be a whole number from 1 to 10000"],
    [[0, 1, 0, 0.5, 0.3, 80, 1], "social (add a general social network) must be true or false"],
    [[0, 1, 0, 0.5, 0.3, 80, false, -2],
      "f_s (fit of the social network) must be a number between -1 and 1, got -2.0"],
    [[0, 1, 0, 0.5, 0.3, 80, false, 0, 0],
      "mu (share who reconsider each round) must be a number above 0 and at most 1, got 0.0"],
  ];
  for (const [args, message] of cases) {
    assert.throws(() => platformShares(...args), { message });
  }
  assert.throws(() => equilibria(0, 1, 0, 3), /tau/);
  assert.throws(() => criticalFit(1, 0, 1, -0.1), /x0/);
});
