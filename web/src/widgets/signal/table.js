// The signal chart's numbers as tables (kit/describe.js): the point it marks in both
// panels, and the reference lines it draws.
import { num, pct } from "../../kit/describe.js";
import { fixed } from "../../kit/format.js";

export function table(result, _params, spec) {
  const refs = (spec.data && spec.data.references) || [];
  return [
    { caption: "The marked point (both panels)", columns: ["Quantity", "Value"],
      rows: [["Workers looking to leave (%)", pct(100 * result.base_rate)],
        ["Boss's belief after seeing the profile (%)", pct(100 * result.posterior)],
        ["Times more suspicious (×)", num(result.lift, `${fixed(result.lift, 2)}×`)]] },
    { caption: "Reference lines (workers looking to leave)", columns: ["Reference", "Value (%)"],
      rows: refs.map((r) => [r.name, pct(r.value)]) },
  ];
}
