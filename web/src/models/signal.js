// What a polished profile tells the boss: Bayes' rule.
// Port of meishi.models.signal (Python is the reference; parity-tested).
import { pyRepr } from "../kit/format.js";
import { linspace } from "./numeric.js";

function checkProbability(name, value) {
  value = Number(value);
  if (!Number.isFinite(value) || !(value >= 0 && value <= 1)) {
    throw new Error(`${name} must be a probability between 0 and 1, got ${pyRepr(value)}`);
  }
  return value;
}

function posteriorOne(b, ps, pn) {
  const numerator = b * ps;
  const denominator = numerator + (1 - b) * pn;
  return denominator > 0 ? numerator / denominator : b;
}

/** P(seeker | polished profile) for a base rate or an array of base rates. */
export function posterior(baseRate, pSeeker, pStayer) {
  const ps = checkProbability("p_seeker", pSeeker);
  const pn = checkProbability("p_stayer", pStayer);
  const many = Array.isArray(baseRate) || ArrayBuffer.isView(baseRate);
  const b = many ? Array.from(baseRate, Number) : [Number(baseRate)];
  if (b.some((x) => !Number.isFinite(x) || x < 0 || x > 1)) {
    throw new Error("base_rate must be between 0 and 1");
  }
  const out = b.map((x) => posteriorOne(x, ps, pn));
  return many ? out : out[0];
}

/** SignalResult {base_rate, p_seeker, p_stayer, posterior, likelihood_ratio, lift, share_polished} */
export function signal(baseRate, pSeeker, pStayer) {
  const b = checkProbability("base_rate", baseRate);
  const ps = checkProbability("p_seeker", pSeeker);
  const pn = checkProbability("p_stayer", pStayer);
  const post = posterior(b, ps, pn);
  const ratio = pn > 0 ? ps / pn : ps > 0 ? Infinity : 1;
  return {
    base_rate: b,
    p_seeker: ps,
    p_stayer: pn,
    posterior: post,
    likelihood_ratio: ratio,
    lift: b > 0 ? post / b : NaN,
    share_polished: b * ps + (1 - b) * pn,
  };
}

/** Base rates from 0 to 1 and the posterior at each: [b, posterior]. */
export function posteriorCurve(pSeeker, pStayer, n = 201) {
  const b = linspace(0, 1, n);
  return [b, posterior(b, pSeeker, pStayer)];
}
