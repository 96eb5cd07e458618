// Small numeric helpers that follow numpy's arithmetic where it matters.

/** numpy.linspace(start, stop, num) (endpoint included), element for element. */
export function linspace(start, stop, num) {
  const out = new Array(num);
  const div = num - 1;
  const delta = stop - start;
  const step = div > 0 ? delta / div : NaN;
  for (let i = 0; i < num; i++) {
    out[i] = step === 0 ? (i / div) * delta + start : i * step + start;
  }
  if (num > 1) out[num - 1] = stop;
  if (num === 1) out[0] = start;
  return out;
}

/** numpy's pairwise summation (what ndarray.sum() does on a contiguous float64 array). */
export function pairwiseSum(a, lo = 0, n = a.length - lo) {
  if (n < 8) {
    let s = -0;
    for (let i = 0; i < n; i++) s += a[lo + i];
    return s;
  }
  if (n <= 128) {
    const r = [a[lo], a[lo + 1], a[lo + 2], a[lo + 3], a[lo + 4], a[lo + 5], a[lo + 6], a[lo + 7]];
    let i;
    for (i = 8; i < n - (n % 8); i += 8) {
      for (let j = 0; j < 8; j++) r[j] += a[lo + i + j];
    }
    let res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
    for (; i < n; i++) res += a[lo + i];
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return pairwiseSum(a, lo, n2) + pairwiseSum(a, lo + n2, n - n2);
}

export const clip = (x, lo, hi) => (x < lo ? lo : x > hi ? hi : x);

/** A root of g in [a, b], where g(a) = ga and g(b) differ in sign, to the last bit
 * (numeric.bisect_root in Python). */
export function bisectRoot(g, a, b, ga) {
  for (let k = 0; k < 200; k++) {
    const m = 0.5 * (a + b);
    if (m <= a || m >= b) break;
    const gm = g(m);
    if (ga * gm <= 0) {
      b = m;
    } else {
      a = m;
      ga = gm;
    }
  }
  return 0.5 * (a + b);
}
