// The critical-fit search in platforms_scan.js decides each "does the entrant win at d" from
// part of the grid; here it is held to the plain search on the full scan (equilibria with
// mu 1 and no tangency tolerance, as Python's critical_fit), bit for bit.
import assert from "node:assert/strict";
import { test } from "node:test";
import { criticalFit, equilibria, FIT_TOL } from "../src/models/platforms.js";
import { gap } from "../src/models/platforms_scan.js";

function fullScanFit(beta, c, tau, x0) {
  const wins = (d) => {
    const eqs = equilibria(d, beta, c, tau, 1, 0);
    const g0 = gap(x0, d, beta, c, tau);
    let end = x0;
    if (g0 > 0) {
      const ahead = eqs.filter((e) => e.share >= x0 && (e.stable || e.touch === 1));
      end = ahead.length ? ahead[0].share : 1;
    } else if (g0 < 0) {
      const ahead = eqs.filter((e) => e.share <= x0 && (e.stable || e.touch === -1));
      end = ahead.length ? ahead[ahead.length - 1].share : 0;
    }
    return end > 0.5;
  };
  if (wins(-1)) return [NaN, "always"];
  if (!wins(1)) return [NaN, "never"];
  let [lo, hi] = [-1, 1];
  while (hi - lo > FIT_TOL) {
    const m = 0.5 * (lo + hi);
    if (wins(m)) hi = m;
    else lo = m;
  }
  return [hi, "found"];
}

test("critical fit: the partial scan gives the full scan's answer, bit for bit", () => {
  let s = 20150113;
  const rand = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 4294967296);
  const step = (lo, hi, by) => lo + Math.round((rand() * (hi - lo)) / by) * by;
  const settings = [
    [2, 0.2, 0.5, 0.3], [4, 0.2, 0.5, 0.01], [0, 0.2, 0.5, 0.3], [5, 2, 0.1, 0.5],
    [5, 0, 0.1, 0], [5, 0, 0.1, 1], [0.5, 1.5, 2, 0.5], [3, 0.5, 0.3, 0.49], [3, 0.5, 0.3, 0.51],
  ];
  for (let k = 0; k < 40; k++) {
    settings.push([step(0, 5, 0.1), step(0, 2, 0.1), step(0.1, 2, 0.1), step(0, 1, 0.01)]);
  }
  for (const [beta, c, tau, x0] of settings) {
    const [fit, status] = criticalFit(beta, c, tau, x0);
    const [want, wantStatus] = fullScanFit(beta, c, tau, x0);
    assert.equal(status, wantStatus, `${[beta, c, tau, x0]}`);
    assert.ok(Object.is(fit, want), `${[beta, c, tau, x0]}: ${fit} vs ${want}`);
    assert.deepEqual(criticalFit(beta, c, tau, x0), [fit, status], "the kept answer");
  }
});
