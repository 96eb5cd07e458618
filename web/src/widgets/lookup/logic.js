// The introduction's widget: on which service will you find the people you met?
// Pure (no DOM): read -> compute -> describe, as meishi's LookupWidget does.
import { fixed } from "../../kit/format.js";
import { readTyped } from "../../kit/inputs.js";
import { expectedFinds } from "../../models/lookup.js";

export const services = (spec) => (spec.data && spec.data.services) ||
  spec.controls.filter((c) => c.kind === "slider").map((c) => c.name);

export function read(values, spec) {
  const nCards = readTyped(values, spec, "cards");
  const shares = {};
  for (const svc of services(spec)) shares[svc] = Number(values[svc]) / 100;
  return { n_cards: nCards, shares };
}

export function compute(params) {
  return expectedFinds(params.n_cards, params.shares);
}

export function describe(result) {
  const parts = result.platforms.map((p, i) => `about ${fixed(result.expected[i], 1)} on ${p}`);
  const li = result.platforms.indexOf("LinkedIn");
  if (li < 0) throw new Error("'LinkedIn' is not in list");
  return `Of ${result.n_cards} contacts you would expect to find ` + parts.join(", ") +
    ". The chance of finding at least one of them on LinkedIn is " +
    `${fixed(100 * result.p_any[li], 0)}%.`;
}
