// The impression chart's numbers as a table (kit/describe.js): the points and lines it
// marks in its two panels.
import { pct } from "../../kit/describe.js";

export function table(result) {
  const rows = [
    ["Best explicitness (%)", pct(100 * result.e_star)],
    ["Impression at the best explicitness (%)", pct(100 * result.impression_star)],
    ["Impression, all implied (%)", pct(100 * result.impression_implied)],
    ["Impression, all explicit (%)", pct(100 * result.impression_explicit)],
    ["Audience norm now (%)", pct(100 * result.m)],
    ["Norm where the two channels tie (%)", result.crossover_in_range
      ? pct(100 * result.crossover_norm) : "none: explicit wins at every norm"],
  ];
  return { caption: "What the two panels mark", columns: ["Point", "Value"], rows };
}
