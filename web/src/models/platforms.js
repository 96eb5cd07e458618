// Home advantage: a local platform, a global entrant and network effects.
// Port of meishi.models.platforms (Python is the reference; parity-tested).
//
// Platform j is worth f_j + beta s_j + c [j is where one is now] + Gumbel taste (scale tau):
// logit choice.  Each round a share mu reconsiders:
//   s_{t+1} = (1 - mu) s_t + mu sum_j s_t(j) P(choice | now on j, s_t).
// Two platforms, x = entrant's share, z = d + beta (2x - 1):
//   join = sigma((z - c) / tau), leave = sigma(-(z + c) / tau)
//   g(x) = (1 - x) join - x leave,  x_{t+1} = clip(x_t + mu g(x_t), 0, 1)
//   g'(x) = (2 beta / tau) ((1 - x) join (1 - join) + x leave (1 - leave)) - join - leave
// Steady states: roots of g on the pieces between the critical points of g (sign changes of
// g' on a 2001-point grid, bisected), each bisected to the last bit; |g| <= 1e-10 at a
// critical point is a tangency.  Critical fit: bisection on d in [-1, 1] for the least d that
// leaves the entrant with a long-run majority from x0.  Three platforms: simulated only.
import { pyRepr } from "../kit/format.js";
import { linspace } from "./numeric.js";
import { criticalPoints, gap, searchFit, slope, steadyStates } from "./platforms_scan.js";

export { FIT_TOL, SCAN_POINTS } from "./platforms_scan.js";

export const MAX_ROUNDS = 10000;
export const CURVE_POINTS = 101;
export const TOUCH_TOL = 1e-10;
export const SETTLE_TOL = 0.0005;
export const PLATFORMS = ["local", "global", "social"];

const RANGES = {
  d: ["entrant's fit advantage", -1, 1, "between -1 and 1"],
  beta: ["strength of the network effect", 0, 5, "between 0 and 5"],
  c: ["switching cost", 0, 2, "between 0 and 2"],
  tau: ["taste dispersion", 0.1, 2, "between 0.1 and 2"],
  x0: ["entrant's starting share", 0, 1, "between 0 and 1"],
  f_s: ["fit of the social network", -1, 1, "between -1 and 1"],
  mu: ["share who reconsider each round", 0, 1, "above 0 and at most 1"],
};

function check(name, value) {
  const [meaning, lo, hi, text] = RANGES[name];
  const label = `${name} (${meaning}) must be a number ${text}`;
  if (typeof value !== "number") throw new Error(label);
  if (!Number.isFinite(value) || !(value >= lo && value <= hi) || (name === "mu" && value === 0)) {
    throw new Error(`${label}, got ${pyRepr(value)}`);
  }
  return value + 0; // -0 becomes 0
}

function checkMarket(d, beta, c, tau) {
  return [check("d", d), check("beta", beta), check("c", c), check("tau", tau)];
}

/** [{share, stable, touch, kind, slope}]: every steady entrant share, ascending;
 *  |g| <= tol at a critical point is a tangency. */
export function equilibria(d, beta, c, tau, mu = 0.2, tol = TOUCH_TOL) {
  [d, beta, c, tau] = checkMarket(d, beta, c, tau);
  mu = check("mu", mu);
  const make = (share, left, right) => {
    const touch = left > 0 && right > 0 ? 1 : left < 0 && right < 0 ? -1 : 0;
    const stable = left > 0 && right < 0;
    const kind = touch ? "touch" : stable ? "stable" : "tipping";
    return { share, stable, touch, kind, slope: 1 + mu * slope(share, d, beta, c, tau) };
  };
  const g = (x) => gap(x, d, beta, c, tau);
  return steadyStates([0, ...criticalPoints(d, beta, c, tau), 1], g, tol, make);
}

function longRun(eqs, x0, g0) {
  if (g0 > 0) {
    const ahead = eqs.filter((e) => e.share >= x0 && (e.stable || e.touch === 1));
    return ahead.length ? ahead[0].share : 1;
  }
  if (g0 < 0) {
    const ahead = eqs.filter((e) => e.share <= x0 && (e.stable || e.touch === -1));
    return ahead.length ? ahead[ahead.length - 1].share : 0;
  }
  return x0;
}

/** [d*, status]: the least fit advantage winning the entrant a majority from x0 (or NaN). */
export function criticalFit(beta, c, tau, x0) {
  [, beta, c, tau] = checkMarket(0, beta, c, tau);
  x0 = check("x0", x0);
  return searchFit(beta, c, tau, x0);
}

function step3(s, f, beta, c, tau, mu) {
  const next = s.map((v) => (1 - mu) * v);
  for (let j = 0; j < 3; j++) {
    const u = [0, 1, 2].map((k) => (f[k] + beta * s[k] + (k === j ? c : 0)) / tau);
    const top = Math.max(...u);
    const e = u.map((v) => Math.exp(v - top));
    const total = e[0] + e[1] + e[2];
    for (let k = 0; k < 3; k++) next[k] += mu * s[j] * e[k] / total;
  }
  const total = next[0] + next[1] + next[2];
  return next.map((v) => v / total);
}

/** PlatformResult (fields as the Python dataclass). */
export function platformShares(d, beta, c, tau, x0, rounds = 80, social = false, fS = 0,
  mu = 0.2) {
  [d, beta, c, tau] = checkMarket(d, beta, c, tau);
  x0 = check("x0", x0);
  if (typeof rounds !== "number" || !Number.isInteger(rounds) || rounds < 1
      || rounds > MAX_ROUNDS) {
    throw new Error(`rounds must be a whole number from 1 to ${MAX_ROUNDS}`);
  }
  if (typeof social !== "boolean") {
    throw new Error("social (add a general social network) must be true or false");
  }
  fS = check("f_s", fS);
  mu = check("mu", mu);
  const params = { d, beta, c, tau, x0, rounds, social, f_s: fS, mu };
  if (social) {
    const rows = [[1 - x0, x0, 0]];
    for (let t = 0; t < rounds; t++) rows.push(step3(rows[t], [0, d, fS], beta, c, tau, mu));
    const path = [0, 1, 2].map((k) => rows.map((r) => r[k]));
    const [now, before] = [rows[rounds], rows[rounds - 1]];
    const moved = Math.max(...[0, 1, 2].map((k) => Math.abs(now[k] - before[k])));
    return {
      ...params, platforms: [...PLATFORMS], path, final: [...rows[rounds]],
      settled: moved <= SETTLE_TOL, long_run: NaN, equilibria: [], x: [], choice: [], gap: [],
      critical_fit: NaN, critical_status: "not computed",
    };
  }
  const xs = [x0];
  for (let t = 0; t < rounds; t++) {
    xs.push(Math.min(Math.max(xs[t] + mu * gap(xs[t], d, beta, c, tau), 0), 1));
  }
  const eqs = equilibria(d, beta, c, tau, mu);
  const end = longRun(eqs, x0, gap(x0, d, beta, c, tau));
  const last = xs[rounds];
  const settled = Math.abs(last - xs[rounds - 1]) <= SETTLE_TOL
    && Math.abs(last - end) <= SETTLE_TOL;
  const grid = linspace(0, 1, CURVE_POINTS);
  const curve = grid.map((x) => gap(x, d, beta, c, tau));
  const [fit, status] = criticalFit(beta, c, tau, x0);
  return {
    ...params, platforms: PLATFORMS.slice(0, 2), path: [xs.map((x) => 1 - x), xs],
    final: [1 - last, last], settled, long_run: end, equilibria: eqs, x: grid,
    choice: grid.map((x, i) => x + curve[i]), gap: curve, critical_fit: fit,
    critical_status: status,
  };
}
