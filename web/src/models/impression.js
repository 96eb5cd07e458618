// Explicit or implied: how openly to show an achievement.
// Port of meishi.models.impression (Python is the reference; parity-tested).
//
//   C(e) = s (q + (1 - q) e)            competence
//   L(e) = 1 - m s (e^2 + c (1 - e))    likeability
//   I(e) = alpha C + (1 - alpha) L      impression
//   sd(e) = s sqrt(q (1 - q)) (1 - e)   noise of the implied reading
//   e* = (alpha (1 - q) / ((1 - alpha) m) + c) / 2 clipped to [0, 1]
//   m* = alpha (1 - q) / ((1 - alpha) (1 - c))
import { pyRepr } from "../kit/format.js";
import { linspace } from "./numeric.js";

export const ALPHA = 0.5;
export const COST = 0.1;
export const TIE_TOL = 1e-12;
export const MAX_POINTS = 10001;

const MEANINGS = { m: "modesty norm", s: "claim size", q: "cue informativeness",
  e: "explicitness" };

function checkUnit(name, value) {
  const label = `${name} (${MEANINGS[name]})`;
  if (typeof value !== "number") throw new Error(`${label} must be a number between 0 and 1`);
  if (!Number.isFinite(value) || !(value >= 0 && value <= 1)) {
    throw new Error(`${label} must be a number between 0 and 1, got ${pyRepr(value)}`);
  }
  return value + 0; // -0 becomes 0
}

function checkAll(m, s, q) {
  return [checkUnit("m", m), checkUnit("s", s), checkUnit("q", q)];
}

/** [C, L, I, sd] at one explicitness e, parameters unchecked. */
export function impressionAt(m, s, q, e) {
  const c = COST;
  const competence = s * (q + (1 - q) * e);
  const likeability = 1 - m * s * (e * e + c * (1 - e));
  const total = ALPHA * competence + (1 - ALPHA) * likeability;
  const sd = s * Math.sqrt(q * (1 - q)) * (1 - e);
  return [competence, likeability, total, sd];
}

/** [e*, how]: how is "flat" (s = 0), "no_norm" (m = 0), "corner" (e* = 1) or "interior". */
export function bestExplicitness(m, s, q) {
  [m, s, q] = checkAll(m, s, q);
  if (s === 0) return [0, "flat"];
  if (m === 0) return [1, "no_norm"];
  const gain = ALPHA * (1 - q);
  const penalty = (1 - ALPHA) * m;
  if (gain >= penalty * (2 - COST)) return [1, "corner"];
  return [Math.min((gain / penalty + COST) / 2, 1), "interior"];
}

/** m*: the modesty norm at which the implied and explicit channels tie. */
export function crossoverNorm(q) {
  q = checkUnit("q", q);
  return ALPHA * (1 - q) / ((1 - ALPHA) * (1 - COST));
}

/** ImpressionResult (fields as the Python dataclass). */
export function impression(m, s, q) {
  [m, s, q] = checkAll(m, s, q);
  const [eStar, optimum] = bestExplicitness(m, s, q);
  const [cStar, lStar, iStar, sdStar] = impressionAt(m, s, q, eStar);
  const [c1, , i1] = impressionAt(m, s, q, 1);
  const [c0, , i0, sd0] = impressionAt(m, s, q, 0);
  const margin = i1 - i0;
  const winner = Math.abs(margin) <= TIE_TOL ? "tie" : margin > 0 ? "explicit" : "implied";
  const mStar = crossoverNorm(q);
  return {
    m, s, q, alpha: ALPHA, c: COST, e_star: eStar, optimum,
    flat: s === 0 || (m === 0 && q === 1),
    competence_star: cStar, likeability_star: lStar, impression_star: iStar, sd_star: sdStar,
    competence_explicit: c1, competence_implied: c0,
    impression_explicit: i1, impression_implied: i0, sd_implied: sd0,
    margin, winner, crossover_norm: mStar, crossover_in_range: mStar <= 1,
  };
}

/** ImpressionCurve {e, competence, likeability, impression, sd} over n points of e in [0, 1]. */
export function impressionCurve(m, s, q, n = 101) {
  [m, s, q] = checkAll(m, s, q);
  if (typeof n !== "number" || !Number.isInteger(n) || n < 2 || n > MAX_POINTS) {
    throw new Error(`n must be a whole number from 2 to ${MAX_POINTS}`);
  }
  const e = linspace(0, 1, n);
  const out = { e, competence: [], likeability: [], impression: [], sd: [] };
  for (const x of e) {
    const [c, l, i, sd] = impressionAt(m, s, q, x);
    out.competence.push(c);
    out.likeability.push(l);
    out.impression.push(i);
    out.sd.push(sd);
  }
  return out;
}
