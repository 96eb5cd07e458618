// Chapter 5: weigh the four explanations.  Pure (no DOM): read -> compute -> describe, as
// meishi's WeightsWidget does.  The countries' values travel in the page (spec.data).
import { fixed, grouped } from "../../kit/format.js";
import { InputError } from "../../kit/inputs.js";
import { rankAgreement, weightedTest } from "../../models/lenses.js";
import { listed } from "../lenses/logic.js";

export function weightsData(spec) {
  const data = (spec && spec.data) || {};
  if (!Array.isArray(data.countries) || !Array.isArray(data.lenses)) {
    throw new Error("weights: the page holds no countries or lenses (spec.data)");
  }
  return data;
}

export function read(values, spec) {
  const weights = weightsData(spec).lenses.map((l) => Number(values[l.key]));
  if (!weights.some((w) => w > 0)) {
    throw new InputError("no_weight", "Put some weight on at least one explanation: with " +
      "every weight at 0 the mix predicts nothing.");
  }
  return weights;
}

export function compute(params, spec) {
  const d = weightsData(spec);
  return weightedTest(d.countries, d.lenses.map((l) => d.values[l.key]),
    d.lenses.map((l) => l.direction), params, d.linkedin, d.shuffles);
}

/** Country indexes, highest score first (ties in the data's order). */
export const predictedOrder = (result) => result.countries.map((_c, i) => i)
  .sort((a, b) => result.score[b] - result.score[a] || a - b);

/** Country names by score, highest first, tied scores in one group (Python: predicted_groups). */
export function predictedGroups(result) {
  const groups = [];
  predictedOrder(result).forEach((i, k, order) => {
    if (k && result.score[i] === result.score[order[k - 1]]) {
      groups[groups.length - 1].push(result.countries[i]);
    } else {
      groups.push([result.countries[i]]);
    }
  });
  return groups;
}

export function describe(result, _params, spec) {
  const groups = predictedGroups(result);
  const t = result.test;
  const n = result.countries.length;
  const left = (weightsData(spec).left_out || [])
    .map(([reason, countries]) => `${reason} for ${listed(countries)}`).join("; ");
  const leftOut = left ? ` Left out for want of a figure: ${left}.` : "";
  if (groups.length === 1) {
    return `Your weights give all ${n} countries the same score, so they predict no ` +
      `order: put weight on a lens whose figures differ.${leftOut}`;
  }
  const ties = groups.some((g) => g.length > 1);
  const predicted = groups.map((g) => (g.length > 1 ? `${listed(g)} (tied)` : g[0]))
    .join(ties ? "; " : ", ");
  const agreement = Number.isNaN(t.rho)
    ? "The real order has no spread, so there is no agreement to measure."
    : `Rank correlation with the real order ${fixed(t.rho, 2)} ` +
      `(${rankAgreement(t.rho).split(" (")[0]}` +
      // a negative agreement is an order turned round
      `${t.rho <= -0.2 ? ", the real order turned round" : ""}); ` +
      `${fixed(100 * t.chance, 1)}% of ${grouped(weightsData(spec).shuffles)} random shuffles ` +
      "agreed at least as strongly.";
  return "Your weights predict this order, most LinkedIn members per head first: " +
    `${predicted}. ${agreement} With ${n} countries, weights tuned after looking at the ` +
    "answer can fit almost any order, and the shuffle figure assumes the weights were chosen " +
    `before looking.${leftOut}`;
}
