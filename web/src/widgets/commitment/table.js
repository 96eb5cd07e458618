// The commitment chart's numbers as tables (kit/describe.js): what the payoff panel marks,
// and the path, round by round.
import { pct, num, sampleRounds } from "../../kit/describe.js";
import { fixed } from "../../kit/format.js";
import { outsidePayoff } from "../../models/commitment.js";

export function table(result) {
  const r = result;
  const pts = (v) => num(v, fixed(v, 1));
  const tipping = r.equilibria.filter((e) => e.share > 0 && e.share < 1 && !e.stable);
  const now = outsidePayoff(r.p, r.w, r.n, r.k, r.x0, r.v0);
  const path = Array.from(r.path, (v) => 100 * v);
  return [
    { caption: "Payoff panel: what it marks", columns: ["Point", "Value"],
      rows: [["Payoff of staying (points)", pts(100 * r.v0)],
        ...tipping.map((e) => ["Tipping point (traders committed, %)", pct(100 * e.share)]),
        ["Traders committed at the start (%)", pct(100 * r.x0)],
        ["Expected payoff outside at the start (points)", pts(100 * now.expected)]] },
    { caption: "Path: traders committed after each round",
      columns: ["Round", "Committed (%)"],
      rows: sampleRounds(path.length).map((t) => [`${t}`, pct(path[t])]) },
  ];
}
