// Chapter 4: which service for which job?  Pure (no DOM): read -> compute -> describe, as
// meishi's ChooserWidget does.  The goals and the sourced features table come with the page
// (spec.data.goals, spec.data.table), so the page needs no Python.
import { fixed } from "../../kit/format.js";
import { InputError } from "../../kit/inputs.js";
import { choose } from "../../models/chooser.js";

/** The page's goals and features table (spec.data). */
export function chooserData(spec) {
  const data = (spec && spec.data) || {};
  if (!Array.isArray(data.goals) || !data.goals.length || !Array.isArray(data.table)) {
    throw new Error("chooser: the page holds no goals or features table (spec.data)");
  }
  return { goals: data.goals, table: data.table };
}

export function goalOf(spec, key) {
  return chooserData(spec).goals.find((g) => g.key === key);
}

export function read(values, spec) {
  const { goals } = chooserData(spec);
  const key = values.goal;
  if (!goals.some((g) => g.key === key)) {
    throw new InputError("not_an_option",
      `What you want to do: choose one of ${goals.map((g) => g.key).join(", ")}.`, "goal");
  }
  return key;
}

export function compute(params, spec) {
  return choose(goalOf(spec, params), chooserData(spec).table);
}

/** A score: two decimals, three when a half-credited weight needs them (0.075). */
export function score(x) {
  const three = fixed(x, 3);
  return three.endsWith("0") ? fixed(x, 2) : three;
}

/** [the top service's evidence row putting it furthest ahead of the runner-up, lead] or null.
 *  Ties go to the goal's first need. */
export function decisiveRow(ranking) {
  const top = ranking[0];
  if (!top.evidence.length) return null;
  const runner = new Map(ranking.length > 1
    ? ranking[1].evidence.map((e) => [e.feature, e.points]) : []);
  let best = null;
  let lead = 0;
  for (const e of top.evidence) {
    const gain = e.points - (runner.has(e.feature) ? runner.get(e.feature) : 0);
    if (best === null || gain > lead) [best, lead] = [e, gain];
  }
  return [best, lead];
}

export function describe(result, params, spec) {
  const goal = goalOf(spec, params);
  const [top, ...rest] = result;
  let text = `For “${goal.label}”, `;
  if (top.score === 0) {
    text += "no service has a sourced row supporting any of the features it needs " +
      `(the most it could score is ${score(top.top)}).`;
  } else {
    const tied = rest.filter((f) => f.score === top.score);
    if (tied.length) {
      const names = [top.service, ...tied.map((f) => f.service)];
      text += `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]} tie with ` +
        `${score(top.score)} of ${score(top.top)}; by name, ${top.service} is listed first.`;
    } else {
      text += `${top.service} fits best with ${score(top.score)} of ${score(top.top)}`;
      const runners = rest.length
        ? rest.filter((f) => f.score === rest[0].score).map((f) => f.service) : [];
      if (!runners.length) text += ".";
      else if (rest[0].score === 0) text += "; no other service scores above 0.";
      else if (runners.length === 1) text += `, ahead of ${runners[0]} (${score(rest[0].score)}).`;
      else {
        text += `, ahead of ${runners.slice(0, -1).join(", ")} and ` +
          `${runners[runners.length - 1]} (${score(rest[0].score)} each).`;
      }
    }
    const decisive = decisiveRow(result);
    if (decisive !== null) {
      const [row] = decisive;
      const weight = goal.needs.find((n) => n.feature === row.feature).weight;
      text += ` Decisive row: ${top.service}, ${row.feature}, ${row.supports} ` +
        `(${score(row.points)} of ${score(weight)}): “${row.detail}” (source ` +
        `${row.source_id}).`;
    }
  }
  if (top.not_found.length) {
    text += ` Not found for ${top.service}: ${top.not_found.join(", ")} (a gap in the ` +
      "table, not a no).";
  }
  const found = new Set(result.flatMap((f) => f.evidence.map((e) => e.feature)));
  const missing = goal.needs.map((n) => n.feature).filter((f) => !found.has(f));
  if (missing.length) {
    const count = missing.length;
    text += ` ${count} of the ${goal.needs.length} needed features ` +
      `${count === 1 ? "has" : "have"} no sourced row for any service: ${missing.join(", ")}.`;
  } else {
    text += ` Each of the ${goal.needs.length} needed features has a sourced row for at ` +
      "least one service.";
  }
  return text;
}
