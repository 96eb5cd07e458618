// The platforms model's scan (platforms.js is the port of meishi.models.platforms): g and g',
// the critical points of g on the scan grid, the steady states between them, and the search
// for the critical fit.  At each fit d the search asks only whether the entrant ends with a
// majority, and answers that from the part of the grid between x0 and 1/2: the same nodes
// and the same arithmetic as the full scan (equilibria), without scanning all of it.
// tests/kit/test_parity.py and web/tests/chapter4.test.mjs hold it to the Python reference.
import { bisectRoot, linspace } from "./numeric.js";

export const SCAN_POINTS = 2001;
export const FIT_TOL = 1e-12;

export const sigma = (z) => 1 / (1 + Math.exp(-z));

/** g(x) = (1 - x) join - x leave: the entrant's net gain of choosers at share x. */
export function gap(x, d, beta, c, tau) {
  const z = d + beta * (2 * x - 1);
  return (1 - x) * sigma((z - c) / tau) - x * sigma(-(z + c) / tau);
}

/** g'(x) in closed form. */
export function slope(x, d, beta, c, tau) {
  const z = d + beta * (2 * x - 1);
  const join = sigma((z - c) / tau);
  const leave = sigma(-(z + c) / tau);
  const spread = (1 - x) * join * (1 - join) + x * leave * (1 - leave);
  return 2 * beta / tau * spread - join - leave;
}

const GRID = linspace(0, 1, SCAN_POINTS); // the scan grid, made once

/** The critical point in grid cell i (between GRID[i] and GRID[i + 1]) or undefined: an exact
 *  zero of g' at GRID[i] (i > 0), else a sign change of g' over the cell, bisected.  `gp(i)` is
 *  g'(GRID[i]). */
function cellPoint(i, gp, d, beta, c, tau) {
  const a = gp(i);
  if (i > 0 && a === 0) return GRID[i];
  if (a * gp(i + 1) < 0) {
    return bisectRoot((x) => slope(x, d, beta, c, tau), GRID[i], GRID[i + 1], a);
  }
  return undefined;
}

const SLOPES = new Float64Array(SCAN_POINTS); // lazySlopes' values, reused (no garbage)
const ROUND = new Uint32Array(SCAN_POINTS); // which call of lazySlopes each value is from
let round = 0;

/** g' on the grid, each point worked out once, when first asked for (until the next call). */
function lazySlopes(d, beta, c, tau) {
  const mine = ++round;
  return (i) => {
    if (ROUND[i] !== mine) {
      SLOPES[i] = slope(GRID[i], d, beta, c, tau);
      ROUND[i] = mine;
    }
    return SLOPES[i];
  };
}

export function criticalPoints(d, beta, c, tau) {
  const gp = lazySlopes(d, beta, c, tau);
  const out = [];
  for (let i = 0; i < SCAN_POINTS - 1; i++) {
    const x = cellPoint(i, gp, d, beta, c, tau);
    if (x !== undefined) out.push(x);
  }
  return out;
}

/** The steady states among ascending `nodes` (0, critical points, 1, or a run of them that
 *  starts and ends with g != 0): g's tangencies at nodes and its roots between them. */
export function steadyStates(nodes, g, tol, make) {
  const n = nodes.length;
  const gs = nodes.map(g);
  const signs = gs.map((v, i) =>
    (i > 0 && i < n - 1 && Math.abs(v) <= tol ? 0 : (v > 0) - (v < 0)));
  const out = [];
  for (let i = 0; i < n; i++) {
    if (signs[i] === 0) {
      let j = i;
      while (signs[j + 1] === 0) j++;
      out.push(make(nodes[i], signs[i - 1], signs[j + 1]));
      i = j;
    }
    if (i + 1 < n && signs[i] * signs[i + 1] < 0) {
      out.push(make(bisectRoot(g, nodes[i], nodes[i + 1], gs[i]), signs[i], signs[i + 1]));
    }
  }
  return out;
}

/** Whether the entrant ends with a majority from x0 at fit d: exactly
 *  longRun(equilibria(d, beta, c, tau, 1, 0), x0, g(x0)) > 0.5, without the whole scan.
 *  A path moves one way from x0, so it ends beyond x0; it only needs deciding when it heads
 *  towards 1/2 (up from x0 <= 1/2, down from x0 > 1/2), and then only the steady states in
 *  the window between x0 and 1/2 matter.  Those come out of the same nodes as in the full
 *  scan: the critical points of the cells over the window and out to the nearest node on
 *  each side with g != 0 (0 and 1 are such nodes), so a root or a tangency is found, and
 *  classified, as the full scan would find it. */
function winsMajority(d, beta, c, tau, x0) {
  const g = (x) => gap(x, d, beta, c, tau);
  const g0 = g(x0);
  if (g0 === 0) return x0 > 0.5;
  const up = g0 > 0;
  if (up !== x0 <= 0.5) return up; // heading away from 1/2: it ends where it heads
  const [lo, hi] = up ? [x0, 0.5] : [0.5, x0];
  const make = (share, left, right) => ({ share, stable: left > 0 && right < 0,
    touch: left > 0 && right > 0 ? 1 : left < 0 && right < 0 ? -1 : 0 });
  const attracts = (e) => e.share >= lo && e.share <= hi && (up ? e.stable || e.touch === 1
    : e.share > lo && (e.stable || e.touch === -1));
  const gp = lazySlopes(d, beta, c, tau);
  const falls = fallingBlocks(d, beta, c, tau);
  const point = (i) => (falls(i) && falls(i + 1) ? undefined : cellPoint(i, gp, d, beta, c, tau));
  const last = SCAN_POINTS - 2; // the last cell
  const a = Math.max(0, Math.floor(lo * last) - 1);
  const b = Math.min(last, Math.floor(hi * last) + 1);
  const inner = [];
  for (let i = a; i <= b; i++) {
    const x = point(i);
    if (x !== undefined) inner.push(x);
  }
  // out to a node with g != 0 on each side: below lo (else 0) and above hi (else 1)
  const edge = (x, outside) => x !== undefined && outside(x) && g(x) !== 0;
  const first = inner.findLastIndex((x) => edge(x, (y) => y < lo));
  const stop = inner.findIndex((x) => edge(x, (y) => y > hi));
  const below = [];
  for (let i = a - 1; first < 0; i--) {
    const x = i >= 0 ? point(i) : 0;
    if (x !== undefined) below.unshift(x);
    if (i < 0 || edge(x, (y) => y < lo)) break;
  }
  const above = [];
  for (let i = b + 1; stop < 0; i++) {
    const x = i <= last ? point(i) : 1;
    if (x !== undefined) above.push(x);
    if (i > last || edge(x, (y) => y > hi)) break;
  }
  const nodes = [...below, ...inner.slice(Math.max(first, 0), stop < 0 ? inner.length : stop + 1),
    ...above];
  return up !== steadyStates(nodes, g, 0, make).some(attracts);
}

const BLOCK = 40; // grid points per block in fallingBlocks

/** falls(i): whether g' < 0 is certain at grid point i without working it out: g' is bounded
 *  over each block of BLOCK points (join, leave and their spreads are monotone in z there),
 *  and a bound below -1e-6 (join + leave) leaves rounding no way to reach 0. */
function fallingBlocks(d, beta, c, tau) {
  const known = new Int8Array(Math.ceil(SCAN_POINTS / BLOCK)); // 0 unknown, 1 falls, -1 not
  const peak = (lo, hi) => (lo <= 0.5 && hi >= 0.5 ? 0.25 : Math.max(lo * (1 - lo), hi * (1 - hi)));
  return (i) => {
    const k = Math.floor(i / BLOCK);
    if (!known[k]) {
      const xa = GRID[k * BLOCK];
      const xb = GRID[Math.min(SCAN_POINTS - 1, (k + 1) * BLOCK - 1)];
      const zlo = d + beta * (2 * xa - 1);
      const zhi = d + beta * (2 * xb - 1);
      const [jlo, jhi] = [sigma((zlo - c) / tau), sigma((zhi - c) / tau)];
      const [llo, lhi] = [sigma(-(zhi + c) / tau), sigma(-(zlo + c) / tau)];
      const spread = (1 - xa) * peak(jlo, jhi) + xb * peak(llo, lhi);
      known[k] = 2 * beta / tau * spread - jlo - llo < -1e-6 * (jlo + llo) ? 1 : -1;
    }
    return known[k] === 1;
  };
}

const FITS = new Map(); // criticalFit's answers, by setting (the fit d does not enter)
const FITS_KEPT = 500;

/** [d*, status] for checked values (criticalFit in platforms.js), each setting searched once:
 *  the fit d does not enter, so moving it (or anything but beta, c, tau, x0) costs nothing. */
export function searchFit(beta, c, tau, x0) {
  const key = `${beta} ${c} ${tau} ${x0}`;
  let answer = FITS.get(key);
  if (!answer) {
    answer = search(beta, c, tau, x0);
    if (FITS.size >= FITS_KEPT) FITS.delete(FITS.keys().next().value);
    FITS.set(key, answer);
  }
  return [...answer];
}

function search(beta, c, tau, x0) {
  // exact (tol 0): a tangency tolerance would shift d*
  const wins = (d) => winsMajority(d, beta, c, tau, x0);
  if (wins(-1)) return [NaN, "always"];
  if (!wins(1)) return [NaN, "never"];
  let lo = -1;
  let hi = 1;
  while (hi - lo > FIT_TOL) {
    const m = 0.5 * (lo + hi);
    if (wins(m)) hi = m;
    else lo = m;
  }
  return [hi, "found"];
}
