// The platforms chart's numbers as tables (kit/describe.js): the steady states marked
// (two platforms), and each platform's share, round by round.
import { pct, sampleRounds } from "../../kit/describe.js";

export function table(result, names) {
  const r = result;
  const two = !r.social;
  const out = [];
  if (two) {
    out.push({ caption: "Steady states: where the choice curve meets the diagonal",
      columns: ["Steady state", "Entrant's share (%)", "Kind"],
      rows: [...r.equilibria.map((e, i) => [`${i + 1}`, pct(100 * e.share),
        e.stable ? "stable" : e.kind === "touch" ? "touch" : "tipping point"]),
      ["Start", pct(100 * r.x0), "where the path starts"]] });
  }
  const n = r.path[0].length;
  out.push({ caption: "Shares of users after each round",
    columns: ["Round", ...r.platforms.map((p) => `${names[p] || p} (%)`)],
    rows: sampleRounds(n).map((t) => [`${t}`, ...r.platforms.map((_p, k) => pct(100 * r.path[k][t]))]) });
  return out;
}
