// Chapter 2: explicit or implied, how does an audience read a self-presentation?
// Pure (no DOM): read -> compute -> describe, as meishi's ImpressionWidget does.
import { fixed } from "../../kit/format.js";
import { impression } from "../../models/impression.js";

/** Slider percentages as shares in [0, 1]. */
export function read(values) {
  return { m: Number(values.m) / 100, s: Number(values.s) / 100, q: Number(values.q) / 100 };
}

export function compute(params) {
  return impression(params.m, params.s, params.q);
}

const score = (x) => fixed(100 * x, 1);

export function describe(r) {
  if (r.flat) {
    const why = r.s === 0 ? "With nothing to show (an achievement of size 0%)"
      : "With no modesty norm and a cue that shows the whole achievement";
    return `${why}, every degree of explicitness leaves the same impression ` +
      `(${score(r.impression_star)} of 100), so how openly to say it does not matter.`;
  }
  let text = `With a modesty norm of ${fixed(100 * r.m, 0)}%, the best explicitness is ` +
    `${fixed(100 * r.e_star, 0)}% (impression ${score(r.impression_star)} of 100). `;
  const gap = fixed(100 * Math.abs(r.margin), 1);
  if (gap === "0.0") {
    text += `The explicit résumé line and the implied cue tie at ${score(r.impression_explicit)} of 100`;
  } else if (r.margin > 0) {
    text += `The explicit résumé line beats the implied cue by ${gap} points ` +
      `(${score(r.impression_explicit)} vs ${score(r.impression_implied)} of 100)`;
  } else {
    text += `The implied cue beats the explicit résumé line by ${gap} points ` +
      `(${score(r.impression_implied)} vs ${score(r.impression_explicit)} of 100)`;
  }
  if (!r.crossover_in_range) {
    text += "; explicit wins at every norm when the cue is this unclear.";
  } else if (r.crossover_norm >= 1) {
    text += "; the implied cue only ties, at the strictest norm (100%).";
  } else if (r.crossover_norm <= 0) {
    text += "; a cue this clear wins at every norm above 0%.";
  } else {
    text += `; the implied cue wins once the norm passes ${fixed(100 * r.crossover_norm, 1)}%.`;
  }
  return text;
}
