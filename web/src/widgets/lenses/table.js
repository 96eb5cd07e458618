// The lenses scatter as a table (kit/describe.js): each country's point.
import { num } from "../../kit/describe.js";
import { fixed, plain } from "../../kit/format.js";

export function table(result, lens) {
  const local = lens.key === "local";
  const xText = (v) => (local ? (v ? "found" : "not looked for") : plain(v));
  return {
    caption: `${lens.explanation}: ${lens.short}`,
    columns: ["Country", local ? "Local rival" : `${lens.measure} (${lens.unit})`,
      "LinkedIn members (per 100 people)"],
    rows: result.countries.map((name, i) => [name, num(result.x[i], xText(result.x[i])),
      num(result.y[i], fixed(result.y[i], 1))]),
  };
}
