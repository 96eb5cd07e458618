// Chapter 3 models: stay with a committed partner or look outside (commitment).
// The same hand-computed cases as tests/models/test_commitment.py.
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  commitment, CURVE_POINTS, equilibria, MAX_OFFERS, outsidePayoff,
} from "../src/models/commitment.js";
import { linspace } from "../src/models/numeric.js";

const close = (a, b, tol = 1e-14) => assert.ok(Math.abs(a - b) <= tol, `${a} vs ${b}`);
const pairs = (xs) => xs.slice(1).map((b, i) => [xs[i], b]);

test("commitment: no cheaters, full market, by hand", () => {
  // E = v0 + w (n - 1)/(n + 1) = 0.5 + 0.2 * 2/4; sd = 2w sqrt(3 / (16 * 5))
  const r = outsidePayoff(0, 0.2, 3, 0.7);
  close(r.expected, 0.6);
  close(r.sd, 0.4 * Math.sqrt(0.0375));
  assert.deepEqual([r.p_cheated, r.p_no_deal, r.expected_offers, r.expected_kept], [0, 0, 3, 3]);
  for (let n = 1; n <= MAX_OFFERS; n++) {
    assert.ok(outsidePayoff(0, 0.1, n, 0).expected >= 0.5 - 1e-15);
    close(outsidePayoff(0, 0, n, 0).expected, 0.5);
    assert.equal(commitment(0, 0, n, 0, 0.5).better, "tie");
  }
});

test("commitment: perfect screening, one offer, all cheaters", () => {
  const screened = outsidePayoff(0.5, 0.3, 2, 1); // 1/2 * 0.5 + 1/4 * 0.6
  close(screened.expected, 0.4);
  close(screened.p_no_deal, 0.25);
  assert.equal(screened.p_cheated, 0);
  for (const [p, w, k] of [[0.3, 0.2, 0], [0.8, 0.5, 0], [0.3, 0.4, 0.6]]) {
    const one = outsidePayoff(p, w, 1, k);
    close(one.expected, (1 - p) * 0.5);
    close(one.sd, Math.sqrt((1 - p) * (0.25 + w * w / 3) - ((1 - p) * 0.5) ** 2));
  }
  const cheated = outsidePayoff(1, 0.3, 7, 0);
  assert.deepEqual([cheated.expected, cheated.sd, cheated.p_cheated, cheated.p_no_deal],
    [0, 0, 1, 0]);
  const empty = outsidePayoff(1, 0.3, 7, 1);
  assert.deepEqual([empty.expected, empty.p_cheated, empty.p_no_deal], [0, 0, 1]);
});

test("commitment: monotone in the spread, screening and the committed share", () => {
  for (const p of [0, 0.3, 0.7]) {
    for (const n of [1, 2, 10]) {
      const byW = linspace(0, 0.5, 11).map((w) => outsidePayoff(p, w, n, 0.5).expected);
      const byK = linspace(0, 1, 11).map((k) => outsidePayoff(p, 0.3, n, k).expected);
      for (const [a, b] of [...pairs(byW), ...pairs(byK)]) assert.ok(b >= a - 1e-15);
      const curve = commitment(p, 0.3, n, 0.5, 0.5).outside_curve;
      for (const [a, b] of pairs(curve)) assert.ok(b <= a + 1e-15);
      assert.equal(curve.at(-1), 0);
    }
  }
});

test("commitment: the tipping point solved by hand is x* = 1/3", () => {
  // p = 0, n = 2, w = 0.375: v0 - pi_out = 0.5 - a + 0.375 a^2 = 0 at a = 2/3
  const eqs = equilibria(0, 0.375, 2, 0.4);
  assert.deepEqual(eqs.map((e) => [e.kind, e.stable]),
    [["open", true], ["tipping", false], ["committed", true]]);
  close(eqs[1].share, 1 / 3, 1e-12);
  assert.ok(commitment(0, 0.375, 2, 0.4, 0.3, 400).path.at(-1) < 1e-9);
  assert.ok(commitment(0, 0.375, 2, 0.4, 0.36, 400).path.at(-1) > 1 - 1e-9);
});

test("commitment: screening and a wide spread open the society", () => {
  const tipping = (w, k) => equilibria(0.3, w, 10, k).find((e) => e.kind === "tipping").share;
  assert.equal(commitment(0.3, 0.2, 10, 0, 0.5).better, "stay");
  assert.equal(commitment(0.3, 0.2, 10, 1, 0.5).better, "outside");
  assert.ok(tipping(0.3, 0) < tipping(0.4, 0) && tipping(0.4, 0) < tipping(0.5, 0));
  assert.ok(tipping(0.3, 0) < tipping(0.3, 0.5) && tipping(0.3, 0.5) < tipping(0.3, 1));
  const r = commitment(0.3, 0.3, 10, 1, 0.5, 25);
  assert.equal(r.path.length, 26);
  assert.equal(r.x.length, CURVE_POINTS);
  assert.equal(r.outside_curve[0], r.outside.expected);
  assert.deepEqual([r.stay, r.stay_sd], [0.5, 0]);
  assert.deepEqual(commitment(0.3, 0.0, 10, 0.5, 0.02, 200).equilibria.map((e) => e.stable),
    [false, true]);
});

test("commitment: bad inputs give Python's messages", () => {
  const cases = [
    [[1.5, 0.2, 5, 0.5], "p (share of cheaters) must be a number between 0 and 1, got 1.5"],
    [[0.5, 0.6, 5, 0.5], "w (spread of offers) must be a number between 0 and 0.5, got 0.6"],
    [[0.5, 0.2, 2.5, 0.5], "n (offers from strangers) must be a whole number from 1 to 20"],
    [[0.5, 0.2, 21, 0.5], "n (offers from strangers) must be a whole number from 1 to 20"],
    [[0.5, 0.2, 5, -0.1], "k (screening skill) must be a number between 0 and 1, got -0.1"],
    [[0.5, 0.2, 5, 0.5, 1.2], "x (committed share) must be a number between 0 and 1, got 1.2"],
    [[0.5, 0.2, 5, 0.5, 0, 0],
      "v0 (value of a partner's deal) must be a number above 0 and at most 1, got 0.0"],
    [[0.5, 0.4, 5, 0.5, 0, 0.3],
      "w (spread of offers) must be at most v0 (no offer is worth less than 0)"],
    [["0.5", 0.2, 5, 0.5], "p (share of cheaters) must be a number between 0 and 1"],
    [[NaN, 0.2, 5, 0.5], "p (share of cheaters) must be a number between 0 and 1, got nan"],
  ];
  for (const [args, message] of cases) assert.throws(() => outsidePayoff(...args), { message });
  assert.throws(() => commitment(0.5, 0.2, 5, 0.5, 0.5, 0),
    { message: "rounds must be a whole number from 1 to 10000" });
});
