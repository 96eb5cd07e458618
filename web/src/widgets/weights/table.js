// The weights chart as a table (kit/describe.js): predicted score and real LinkedIn use.
import { num } from "../../kit/describe.js";
import { fixed, plain } from "../../kit/format.js";

export function table(result, rankText) {
  return {
    caption: "Predicted order (by your weights) beside the real one",
    columns: ["Country", "Predicted rank", "Score from your weights", "Real: LinkedIn per 100"],
    rows: result.countries.map((name, i) => [name, rankText(i), num(result.score[i],
      plain(Number(result.score[i].toFixed(3)))), num(result.linkedin[i], fixed(result.linkedin[i], 1))]),
  };
}
