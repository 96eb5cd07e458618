// The threshold chart's numbers as tables (kit/describe.js): the equilibria it marks on
// the adoption map and the path it draws, round by round.
import { pct, sampleRounds } from "../../kit/describe.js";

export function table(result) {
  const kind = (e) => (e.stable ? "stable" : e.touch ? "touch (stops one side)" : "tipping point");
  const path = result.path.map((v) => 100 * v);
  return [
    { caption: "Adoption map: where the curve meets the diagonal (equilibria)",
      columns: ["Equilibrium", "Share with a profile (%)", "Kind"],
      rows: result.equilibria.map((e, i) => [`${i + 1}`, pct(100 * e.share), kind(e)]) },
    { caption: "Path: share with a profile after each round",
      columns: ["Round", "With a profile (%)"],
      rows: sampleRounds(path.length).map((t) => [`${t}`, pct(path[t])]) },
  ];
}
