// The lookup chart's numbers as a table (kit/describe.js): each service's bar and range.
import { num } from "../../kit/describe.js";
import { fixed } from "../../kit/format.js";

export function table(result) {
  const people = (v) => num(v, fixed(v, 1));
  return {
    caption: `${result.n_cards} business cards: contacts you would find on each service`,
    columns: ["Service", "Expected (people)", "Range from (people)", "Range to (people)"],
    rows: result.platforms.map((name, i) => [name, people(result.expected[i]),
      people(result.low[i]), people(result.high[i])]),
  };
}
