// Looking up the people whose business cards you collected.
// Port of meishi.models.lookup (Python is the reference; parity-tested).
import { pairwiseSum } from "./numeric.js";

export const MAX_CARDS = 1000;

/** P(K = k) for k = 0..n, K ~ binomial(n, p); exact at p = 0 and p = 1. */
export function binomialPmf(n, p) {
  if (!Number.isInteger(n) || n < 0) throw new Error("n must be a whole number, 0 or more");
  if (!(p >= 0 && p <= 1)) throw new Error("p must be a probability between 0 and 1");
  const pmf = new Array(n + 1).fill(0);
  if (p === 0 || p === 1) {
    pmf[p === 0 ? 0 : n] = 1;
    return pmf;
  }
  const logFact = new Array(n + 1);
  logFact[0] = 0;
  for (let i = 1; i <= n; i++) logFact[i] = logFact[i - 1] + Math.log(i);
  const lp = Math.log(p);
  const lq = Math.log1p(-p);
  for (let k = 0; k <= n; k++) {
    pmf[k] = Math.exp(logFact[n] - logFact[k] - logFact[n - k] + k * lp + (n - k) * lq);
  }
  const total = pairwiseSum(pmf);
  for (let k = 0; k <= n; k++) pmf[k] /= total;
  return pmf;
}

/** The smallest k with P(K <= k) >= q (within 1e-12). */
export function binomialQuantile(n, p, q) {
  if (!(q >= 0 && q <= 1)) throw new Error("q must be between 0 and 1");
  const pmf = binomialPmf(n, p);
  const target = q - 1e-12;
  let cdf = 0;
  for (let k = 0; k < pmf.length; k++) {
    cdf += pmf[k];
    if (cdf >= target) return k;
  }
  return pmf.length;
}

/**
 * How many of nCards contacts you would find on each service.
 * shares: {service: probability}, in the order to show them.
 * -> LookupResult {n_cards, platforms, shares, expected, low, high, p_any}
 */
export function expectedFinds(nCards, shares) {
  if (!Number.isInteger(nCards) || !(nCards >= 1 && nCards <= MAX_CARDS)) {
    throw new Error(`n_cards must be a whole number from 1 to ${MAX_CARDS}`);
  }
  const platforms = shares ? Object.keys(shares) : [];
  if (!platforms.length) throw new Error("give at least one service and its share of users");
  const p = platforms.map((k) => Number(shares[k]));
  if (p.some((x) => !Number.isFinite(x) || x < 0 || x > 1)) {
    throw new Error("every share must be a probability between 0 and 1");
  }
  return {
    n_cards: nCards,
    platforms,
    shares: p,
    expected: p.map((x) => nCards * x),
    low: p.map((x) => binomialQuantile(nCards, x, 0.05)),
    high: p.map((x) => binomialQuantile(nCards, x, 0.95)),
    p_any: p.map((x) => 1 - (1 - x) ** nCards),
  };
}
