// The profile reader's bars as a table (kit/describe.js): points and markers per kind.
import { num } from "../../kit/describe.js";
import { MAX_SCORE } from "../../models/profile_reader.js";
import { byCategory, points } from "./logic.js";

export function table(result, _params, _spec, names) {
  return {
    caption: `Points by kind of marker: score ${result.score} of ${MAX_SCORE} (${result.register})`,
    columns: ["Kind of marker", "Points", "Markers found"],
    rows: byCategory(result).map((d) => [names[d.category] || d.category,
      num(d.points, points(d.points)), num(d.count, String(d.count))]),
  };
}
