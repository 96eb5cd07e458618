// Which service for which job? A transparent, rule-based chooser over a sourced features table.
// Port of meishi.models.chooser (Python is the reference; parity-tested).
//
// A goal {key, label, needs: [{feature, weight, why}]} needs some features.  Every service
// scores the weights of the features its row in the table supports (yes in full, partly
// half).  A feature with no row for a service is "not found", not "no": it is listed, never
// counted against the service.  Scores are rounded as Python's round(x, 12) rounds them, and
// services are ranked best first, ties by name (code-point order, as Python sorts).

export const CREDIT = { yes: 1, partly: 0.5, no: 0 };

const TEN_12 = 10n ** 12n;

/** Python's round(x, 12): the exact binary value rounded half to even at 12 decimals, then
 *  read back as the nearest double. */
export function pyRound12(x) {
  if (!Number.isFinite(x) || x === 0) return x;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const negative = hi >>> 31 === 1;
  const biased = (hi >>> 20) & 0x7ff;
  let mantissa = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let exp;
  if (biased === 0) exp = -1074; // subnormal
  else {
    mantissa |= 1n << 52n;
    exp = biased - 1075;
  }
  // |x| = mantissa * 2^exp; n = |x| * 10^12 rounded half to even
  let n;
  if (exp >= 0) n = (mantissa << BigInt(exp)) * TEN_12;
  else {
    const num = mantissa * TEN_12;
    const den = 1n << BigInt(-exp);
    n = num / den;
    const twice = 2n * (num % den);
    if (twice > den || (twice === den && n % 2n === 1n)) n += 1n;
  }
  const value = Number(`${n}e-12`);
  return negative ? -value : value;
}

const byName = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

/** ServiceFit[] {service, score, top, evidence: [{feature, supports, detail, source_id,
 *  points}], not_found: [feature...]}: every service in the table, best fit first. */
export function choose(goal, table) {
  if (!goal.needs || !goal.needs.length) {
    throw new Error(`goal '${goal.key}' needs at least one feature`);
  }
  const services = [...new Set(table.map((r) => String(r.service)))].sort(byName);
  const rows = new Map();
  for (const r of table) { // the first row for a (service, feature) pair is the one used
    if (!Object.prototype.hasOwnProperty.call(CREDIT, r.supports)) {
      throw new Error(`supports must be yes, partly or no, got '${r.supports}'`);
    }
    const key = JSON.stringify([String(r.service), String(r.feature)]);
    if (!rows.has(key)) rows.set(key, r);
  }
  let total = 0;
  for (const need of goal.needs) total += need.weight;
  const top = pyRound12(total);
  const fits = services.map((service) => {
    const evidence = [];
    const missing = [];
    let score = 0;
    for (const need of goal.needs) {
      const row = rows.get(JSON.stringify([service, need.feature]));
      if (row === undefined) {
        missing.push(need.feature);
        continue;
      }
      const points = need.weight * CREDIT[String(row.supports)];
      score += points;
      evidence.push({ feature: need.feature, supports: String(row.supports),
        detail: String(row.detail), source_id: String(row.source_id),
        points: pyRound12(points) });
    }
    return { service, score: pyRound12(score), top, evidence, not_found: missing };
  });
  return fits.sort((a, b) => (b.score - a.score) || byName(a.service, b.service));
}
