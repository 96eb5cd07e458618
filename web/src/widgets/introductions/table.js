// The introductions chart's numbers as tables (kit/describe.js): the network drawn, and
// the bars for both norms.
import { num } from "../../kit/describe.js";
import { fixed } from "../../kit/format.js";

const count = (v) => num(v, fixed(v, 0));

/** entry: the network drawn (edges, contacts, two_step_people); bridges: ties across groups. */
export function table(result, { entry, bridges, names, measures, norms }) {
  const open = result.norm === "open";
  return [
    { caption: `The network drawn: ${names[result.norm]}`, columns: ["What", "Number"],
      rows: [["Ties", count(entry.edges.length)], ["Ties between groups (bridges)", count(bridges)],
        ["Your direct contacts", count(entry.contacts.length)],
        ["People two steps away you can be introduced to",
          count(open ? 0 : entry.two_step_people.length)]] },
    { caption: "Reach and strangers to vet, both norms (people)",
      columns: ["Norm", ...measures.map(([, what]) => `${what[0].toUpperCase()}${what.slice(1)}`)],
      rows: norms.map((norm) => [`${names[norm]}${norm === result.norm ? " (chosen)" : ""}`,
        ...measures.map(([key]) => count(result.outcomes[norm][key]))]) },
  ];
}
