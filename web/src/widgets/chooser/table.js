// The chooser's bars as a table (kit/describe.js): each service's score for the goal.
import { num } from "../../kit/describe.js";

export function table(result, goal, score) {
  const weight = (f) => f.not_found.reduce((s, feat) =>
    s + goal.needs.find((n) => n.feature === feat).weight, 0);
  return {
    caption: `Fit for “${goal.label}”: each service’s score out of ${score(result[0].top)}`,
    columns: ["Service", "Score", "Best possible", "Needs not found (weight)"],
    rows: result.map((f, i) => [`${f.service}${i === 0 ? " (best fit)" : ""}`,
      num(f.score, score(f.score)), num(f.top, score(f.top)),
      f.not_found.length ? num(weight(f), score(weight(f))) : "none"]),
  };
}
