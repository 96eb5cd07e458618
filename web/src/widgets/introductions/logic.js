// Chapter 3: introductions through people you know (紹介 shōkai).
// Pure (no DOM): read -> compute -> describe, as meishi's IntroductionsWidget does.  The
// network is not computed here: the page carries the precomputed grid (spec.data.grid, one
// entry per share of bridges, from meishi.models.introductions.precompute_grid).
import { fixed } from "../../kit/format.js";
import { InputError } from "../../kit/inputs.js";

export const NORMS = ["introductions", "open"];

/** The page's grid, the people's clusters and positions (spec.data). */
export function network(spec) {
  const data = (spec && spec.data) || {};
  if (!Array.isArray(data.grid) || !data.grid.length) {
    throw new Error("introductions: the page holds no precomputed network (spec.data.grid)");
  }
  return { grid: data.grid, clusters: data.clusters || [], positions: data.positions || [] };
}

export function read(values) {
  const norm = values.norm;
  if (!NORMS.includes(norm)) {
    throw new InputError("not_an_option",
      `How new contacts reach you: choose one of ${NORMS.join(", ")}.`, "norm");
  }
  return { b: Number(values.b) / 100, norm };
}

/** The grid entry nearest b (the slider moves on the grid's steps). */
export function entryIndex(grid, b) {
  const top = grid[grid.length - 1].b;
  const i = Math.round((b * (grid.length - 1)) / top);
  return Math.min(Math.max(i, 0), grid.length - 1);
}

/** IntroductionsView {b, norm, index, result, outcomes, direct, direct_outside, two_step,
 *  two_step_outside} (the Python dataclass's fields). */
export function compute(params, spec) {
  const { grid, clusters } = network(spec);
  const index = entryIndex(grid, params.b);
  const entry = grid[index];
  const own = clusters[entry.focal];
  const outcomes = {};
  for (const k of NORMS) outcomes[k] = { ...entry.norms[k].person_norm };
  return {
    b: entry.b, norm: params.norm, index,
    result: structuredClone(entry.norms[params.norm]),
    outcomes,
    direct: entry.contacts.length,
    direct_outside: entry.contacts.filter((c) => clusters[c] !== own).length,
    two_step: entry.two_step_people.length,
    two_step_outside: entry.two_step_people.filter((c) => clusters[c] !== own).length,
  };
}

const count = (n, one, many) => {
  const text = fixed(n, 0);
  return `${text} ${text === "1" ? one : many}`;
};

export function describe(r) {
  const mine = r.outcomes[r.norm];
  const people = r.result.people;
  let text = `With ${fixed(100 * r.b, 1)}% of ties bridging clusters, you know ` +
    `${count(r.direct, "person", "people")} directly ` +
    `(${fixed(r.direct_outside, 0)} outside your own cluster) and can be introduced ` +
    `to ${count(r.two_step, "more person", "more people")} in two steps ` +
    `(${fixed(r.two_step_outside, 0)} outside your cluster).`;
  if (r.norm === "introductions") {
    text += ` Through introductions you reach ${fixed(mine.reach, 0)} of the ` +
      `${fixed(people - 1, 0)} others, and every new contact comes vouched for: ` +
      "0 strangers to vet yourself.";
  } else {
    text += ` With an open profile all ${fixed(mine.reach, 0)} others can reach you, ` +
      "but nobody vouches for them: " +
      `${count(mine.to_vet, "stranger", "strangers")} to vet yourself.`;
  }
  return text;
}
