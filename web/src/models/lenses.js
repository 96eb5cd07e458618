// Port of meishi.models.lenses: rank agreement between a lens and LinkedIn per head,
// and a fixed-seed permutation test.  Integer arithmetic on doubled ranks and the
// same mulberry32 generator make every number equal to Python's.

export const DEFAULT_SHUFFLES = 10000;
export const SEED = 20151130;
export const MAX_POINTS = 40;

/** mulberry32: floats in [0, 1), the same sequence as the Python module's. */
export function mulberry32(seed) {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Ranks from 1 (smallest); ties share the mean of their ranks. */
export function ranks(values) {
  const order = values.map((_, i) => i).sort((i, j) => values[i] - values[j] || i - j);
  const out = new Array(values.length).fill(0);
  let i = 0;
  while (i < order.length) {
    let j = i;
    while (j + 1 < order.length && values[order[j + 1]] === values[order[i]]) j += 1;
    const meanRank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) out[order[k]] = meanRank;
    i = j + 1;
  }
  return out;
}

const doubled = (values) => ranks(values).map((r) => Math.round(2 * r));

function centred(rx2, ry2) {
  const n = rx2.length;
  let sxy = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < n; i++) {
    sxy += rx2[i] * ry2[i];
    sx += rx2[i];
    sy += ry2[i];
  }
  return n * sxy - sx * sy;
}

export function spearman(x, y) {
  if (x.length !== y.length) throw new Error("x and y must have the same length");
  const rx2 = doubled(x);
  const ry2 = doubled(y);
  const denom = centred(rx2, rx2) * centred(ry2, ry2);
  return denom > 0 ? centred(rx2, ry2) / Math.sqrt(denom) : NaN;
}

export function shuffleShare(x, y, shuffles = DEFAULT_SHUFFLES, seed = SEED) {
  if (shuffles < 1) throw new Error("shuffles must be 1 or more");
  const rx2 = doubled(x);
  const perm = doubled(y);
  const observed = Math.abs(centred(rx2, perm));
  const draw = mulberry32(seed);
  let hits = 0;
  for (let s = 0; s < shuffles; s++) {
    for (let i = perm.length - 1; i > 0; i--) {
      const j = Math.floor(draw() * (i + 1));
      const tmp = perm[i];
      perm[i] = perm[j];
      perm[j] = tmp;
    }
    if (Math.abs(centred(rx2, perm)) >= observed) hits += 1;
  }
  return hits / shuffles;
}

export function rankAgreement(rho) {
  if (Number.isNaN(rho)) return "no order to compare";
  const size = Math.abs(rho);
  if (size < 0.2) return "no clear agreement";
  const strength = size < 0.5 ? "weak" : size < 0.8 ? "moderate" : "strong";
  const direction = rho > 0 ? "the higher the lens value, the more" :
    "the higher the lens value, the fewer";
  return `${strength} (${direction} LinkedIn members per head)`;
}

export function lensTest(countries, x, y, shuffles = DEFAULT_SHUFFLES, seed = SEED) {
  if (!(countries.length === x.length && x.length === y.length)) {
    throw new Error("countries, x and y must have the same length");
  }
  if (countries.length > MAX_POINTS) throw new Error(`at most ${MAX_POINTS} points`);
  const values = [...x, ...y].map(Number);
  if (!values.every(Number.isFinite)) throw new Error("every value must be a finite number");
  const n = countries.length;
  const rho = n >= 2 ? spearman(x, y) : NaN;
  const chance = Number.isNaN(rho) ? NaN : shuffleShare(x, y, shuffles, seed);
  return {
    countries: [...countries], x: x.map(Number), y: y.map(Number), n, rho, chance,
    words: rankAgreement(rho),
  };
}

export function weightedScore(lensValues, signs, weights) {
  if (!(lensValues.length === signs.length && signs.length === weights.length)) {
    throw new Error("one sign and one weight per lens");
  }
  if (weights.some((w) => w < 0 || !Number.isFinite(w))) {
    throw new Error("weights must be finite and 0 or more");
  }
  const n = lensValues.length ? lensValues[0].length : 0;
  const score = new Array(n).fill(0);
  lensValues.forEach((values, k) => {
    if (values.length !== n) throw new Error("every lens needs a value for every country");
    const doubledRanks = ranks(values).map((r) => Math.round(2 * r));
    for (let i = 0; i < n; i++) score[i] += weights[k] * signs[k] * doubledRanks[i];
  });
  return score;
}

export function weightedTest(countries, lensValues, signs, weights, linkedin,
  shuffles = DEFAULT_SHUFFLES, seed = SEED) {
  const score = weightedScore(lensValues, signs, weights);
  return {
    countries: [...countries], score, linkedin: linkedin.map(Number), weights: weights.map(Number),
    test: lensTest(countries, score, linkedin, shuffles, seed),
  };
}
