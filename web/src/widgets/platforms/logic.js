// Chapter 4: platforms under network effects (a local platform, a global entrant and, if on,
// a general social network).  Pure (no DOM): read -> compute -> describe, as meishi's
// PlatformsWidget does.
import { fixed } from "../../kit/format.js";
import { InputError } from "../../kit/inputs.js";
import { platformShares, SETTLE_TOL } from "../../models/platforms.js";

export const rounds = (spec) => (spec && spec.data && spec.data.rounds) || 80;

const KIND_NAMES = { stable: "stable", tipping: "tipping point",
  touch: "touching: stable from one side only" };

/** Decimals to write each share (a fraction) with as a percentage: the fewest (1 to 4) that
 *  tell the shares apart, more for a share strictly between 0 and 1 that would otherwise read
 *  as 0 or 100 (Python share_digits). */
export function shareDigits(shares) {
  const distinct = new Set(shares).size;
  let base = 4;
  for (let d = 1; d < 4; d++) {
    if (new Set(shares.map((s) => fixed(100 * s, d))).size === distinct) {
      base = d;
      break;
    }
  }
  return shares.map((s) => {
    let digits = base;
    while (digits < 4 && s > 0 && s < 1 && [0, 100].includes(Number(fixed(100 * s, digits)))) {
      digits += 1;
    }
    return digits;
  });
}

const trim = (text) => text.replace(/0+$/, "").replace(/\.$/, "");

/** A share (fraction) in percent; exactly 0 and 1 as "0%" and "100%", a share between them
 *  that would still read as 0 or 100 as "nearly 0%" or "nearly 100%". */
export function pct(x, digits) {
  const text = fixed(100 * x, digits);
  if (x === 0 || x === 1) return `${trim(text)}%`;
  if ([0, 100].includes(Number(text))) return `nearly ${trim(text)}%`;
  return `${text}%`;
}

export function read(values) {
  const social = values.social;
  if (social !== "off" && social !== "on") {
    throw new InputError("not_an_option",
      "A general social network as a third option: choose one of off, on.", "social");
  }
  return {
    d: Number(values.d), beta: Number(values.beta), c: Number(values.c),
    tau: Number(values.tau), x0: Number(values.x0) / 100, social: social === "on",
    f_s: Number(values.f_s),
  };
}

export function compute(params, spec) {
  return platformShares(params.d, params.beta, params.c, params.tau, params.x0, rounds(spec),
    params.social, params.f_s);
}

export function describe(r) {
  const nRounds = r.rounds;
  const start = fixed(100 * r.x0, 0);
  if (r.social) {
    const final = Array.from(r.final);
    const digits = shareDigits(final);
    const state = r.settled ? "no longer moving" : "still moving";
    return `With a general social network as a third option (its fit ${fixed(r.f_s, 2)} ` +
      `points) and the entrant starting with ${start}% of users, after ${nRounds} rounds the ` +
      `local platform has ${pct(final[0], digits[0])}, the entrant ${pct(final[1], digits[1])} ` +
      `and the social network ${pct(final[2], digits[2])} (${state}). Steady states and the fit ` +
      "advantage needed to win are worked out for two platforms only.";
  }
  const eqs = r.equilibria;
  const path = r.path[1];
  const end = path[path.length - 1];
  const shares = [...eqs.map((e) => e.share), r.long_run];
  if (!r.settled) shares.push(end);
  const digits = shareDigits(shares);
  const written = new Map(shares.map((s, i) => [s, digits[i]]));
  const p = (x) => pct(x, written.get(x));

  const at = eqs.find((e) => e.share === r.long_run);
  let text;
  if (r.settled && at !== undefined && at.kind === "tipping") {
    text = `The entrant starts with ${start}% of users and stays at ${p(at.share)} ` +
      `for ${nRounds} rounds: an unstable balance (a tipping point), which the ` +
      "slightest push would leave.";
  } else if (r.settled) {
    text = `The entrant starts with ${start}% of users; after ${nRounds} rounds it has ` +
      `settled at ${p(r.long_run)}.`;
  } else if (Math.abs(end - path[path.length - 2]) <= SETTLE_TOL) {
    text = `The entrant starts with ${start}% of users; after ${nRounds} rounds it has ` +
      `${p(end)} and is barely moving, short of the steady state it heads for, ` +
      `${p(r.long_run)}.`;
  } else {
    text = `The entrant starts with ${start}% of users; after ${nRounds} rounds it has ` +
      `${p(end)} and is still moving towards ${p(r.long_run)}.`;
  }
  const tipping = eqs.filter((e) => e.kind === "tipping");
  if (eqs.length === 1) {
    text += ` One steady state, ${p(eqs[0].share)}: from any start the entrant's ` +
      "share heads there.";
  } else {
    text += " Steady states: " +
      eqs.map((e) => `${p(e.share)} (${KIND_NAMES[e.kind]})`).join(", ") + ".";
    if (eqs.length === 3 && tipping.length === 1 && eqs[1].kind === "tipping") {
      text += ` Start above ${p(eqs[1].share)} and the entrant heads to ` +
        `${p(eqs[2].share)}; below it, to ${p(eqs[0].share)}.`;
    }
  }
  if (r.critical_status === "found") {
    let need = fixed(r.critical_fit, 2);
    need = need === "0.00" ? "just above 0 points" : `of at least ${need} points`;
    text += ` From a ${start}% start the entrant needs a fit advantage ${need} to win ` +
      `a majority (it has ${fixed(r.d, 2)}).`;
  } else if (r.critical_status === "always") {
    text += ` From a ${start}% start the entrant wins a majority whatever its fit, ` +
      "even at -1 points.";
  } else {
    text += ` From a ${start}% start no fit advantage up to 1 point wins the entrant ` +
      "a majority.";
  }
  return text;
}
