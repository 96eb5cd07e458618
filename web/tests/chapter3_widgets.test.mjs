// Chapter 3's widgets' pure logic (no DOM): stay or look outside (commitment) and introductions
// (紹介); and the kit's handling of a choice (radio group) control in links.
import assert from "node:assert/strict";
import { test } from "node:test";
import { InputError } from "../src/kit/inputs.js";
import { linkParams, valuesFromHash } from "../src/kit/widget.js";
import { commitment } from "../src/models/commitment.js";
import { widgetLogic } from "../src/widgets/logic-loader.js";

const com = await widgetLogic("commitment");
const intro = await widgetLogic("introductions");

const slider = (name, min, max, step) => ({ name, kind: "slider", label: name, unit: "%", min,
  max, step, decimals: 0 });
const COMMITMENT = {
  id: "commitment",
  controls: [slider("p", 0, 100, 1), slider("w", 0, 50, 1), slider("n", 1, 20, 1),
    slider("k", 0, 100, 1), slider("x0", 0, 100, 1)],
  defaults: { p: 30, w: 30, n: 10, k: 20, x0: 90 },
  data: { rounds: 60 },
};

function run(logic, spec, values) {
  const params = logic.read({ ...spec.defaults, ...values }, spec);
  const result = logic.compute(params, spec);
  return { params, result, summary: logic.describe(result, params, spec) };
}

// -- commitment --------------------------------------------------------------------------

test("commitment: defaults read as Python's readout", () => {
  const { params, result, summary } = run(com, COMMITMENT, {});
  assert.deepEqual(params, { p: 0.3, w: 0.3, n: 10, k: 0.2, x0: 0.9 });
  assert.deepEqual(result, commitment(0.3, 0.3, 10, 0.2, 0.9, 60));
  assert.equal(summary, "With 90% of traders committed, a partner's deal pays 50.0 points for " +
    "sure; looking among strangers pays 25.4 on average (sd 29.5; a 16.0% chance of being " +
    "cheated, 37.3% of no deal at all), so staying pays more. In a fully open market looking " +
    "would pay 55.3 (sd 32.7). Tipping point: 54.7% committed; start above it and the share " +
    "heads to 100%, below it to 0%. After 60 rounds the share committed settles at 100%.");
});

test("commitment: the same society ends open or committed by where it starts", () => {
  const closed = run(com, COMMITMENT, { x0: 90 });
  const opened = run(com, COMMITMENT, { x0: 10 });
  assert.ok(closed.result.path.at(-1) > 0.9999 && opened.result.path.at(-1) < 0.01);
  assert.match(opened.summary, /so looking pays more/);
  assert.match(opened.summary, /still moving towards 0%\.$/);
});

test("commitment: screening moves the tipping point when opportunity costs rise", () => {
  const poor = run(com, COMMITMENT, { w: 40, x0: 70 });
  const good = run(com, COMMITMENT, { w: 40, k: 80, x0: 70 });
  assert.match(poor.summary, /Tipping point: 66\.3% committed/);
  assert.match(good.summary, /Tipping point: 75\.0% committed/);
  assert.match(poor.summary, /settles at 100%\.$/);
  assert.match(good.summary, /settles at 0%\.$/);
  assert.ok(good.result.outside.expected > poor.result.outside.expected);
});

test("commitment: edges of the readout", () => {
  const flat = run(com, COMMITMENT, { p: 0, w: 0, n: 1, k: 0, x0: 0 }).summary;
  assert.match(flat, /so the two pay the same\./);
  assert.match(flat, /No tipping point: from any start above 0% the share heads to 100%\./);
  assert.match(flat, /stays at 0% for 60 rounds: an unstable balance/);
  assert.ok(!flat.includes("In a fully open market"));
  const moving = run(com, COMMITMENT, { x0: 55 }).summary;
  assert.match(moving, /is at 62\.6% and still moving towards 100%\.$/);
});

test("commitment: pathEnd tells settled, balanced and moving apart", () => {
  const eqs = [{ share: 0, stable: true }, { share: 0.5, stable: false },
    { share: 1, stable: true }];
  assert.equal(com.pathEnd(eqs, [0.9999, 1]).state, "settled");
  assert.equal(com.pathEnd(eqs, [0.5, 0.5]).state, "balanced");
  assert.equal(com.pathEnd(eqs, [0.6, 0.7]).equilibrium.share, 1);
  assert.equal(com.pathEnd(eqs, [0.4, 0.3]).equilibrium.share, 0);
});

// -- introductions -----------------------------------------------------------------------

// A tiny stand-in for the page's grid: 6 people in 2 clusters of 3, focal person 0.
const outcome = (norm, reach, newContacts, toVet) => ({ norm, reach, new_contacts: newContacts,
  to_vet: toVet });
function entry(b, edges, contacts, twoStep, bridges) {
  const person = { direct: contacts.length, two_step: twoStep.length,
    two_step_outside: twoStep.filter((i) => i >= 3).length,
    two_step_via_bridge: twoStep.filter((i) => i >= 3).length, introducers: 1 };
  const result = (norm, po) => ({ b, norm, focal: 0, people: 6, ties: edges.length, bridges,
    person, person_norm: po, average: person, average_norm: po });
  return {
    b, people: 6, focal: 0, edges, contacts, two_step_people: twoStep,
    norms: {
      introductions: result("introductions", outcome("introductions",
        contacts.length + twoStep.length, twoStep.length, 0)),
      open: result("open", outcome("open", 5, 5 - contacts.length, 5 - contacts.length)),
    },
  };
}
const INTRO = {
  id: "introductions",
  controls: [
    { name: "b", kind: "slider", label: "Ties that bridge clusters", unit: "% of ties", min: 0,
      max: 30, step: 2.5, decimals: 1 },
    { name: "norm", kind: "choice", label: "How new contacts reach you", unit: "norm",
      options: [{ value: "introductions", label: "Introductions" },
        { value: "open", label: "Open profile" }], default: "introductions" },
  ],
  defaults: { b: 0, norm: "introductions" },
  data: {
    grid: [
      entry(0, [[0, 1], [1, 2], [3, 4], [4, 5]], [1], [2], 0),
      entry(0.3, [[0, 1], [1, 2], [1, 3], [3, 4], [4, 5]], [1], [2, 3], 1),
    ],
    clusters: [0, 0, 0, 1, 1, 1],
    positions: [[0, 1], [0.5, 1], [1, 1], [0, -1], [0.5, -1], [1, -1]],
  },
};

test("introductions: read, the grid entry and the counts", () => {
  const none = run(intro, INTRO, {});
  assert.deepEqual(none.params, { b: 0, norm: "introductions" });
  assert.equal(none.result.index, 0);
  assert.deepEqual([none.result.direct, none.result.two_step, none.result.two_step_outside],
    [1, 1, 0]);
  assert.equal(none.summary, "With 0.0% of ties bridging clusters, you know 1 person directly " +
    "(0 outside your own cluster) and can be introduced to 1 more person in two steps (0 " +
    "outside your cluster). Through introductions you reach 2 of the 5 others, and every new " +
    "contact comes vouched for: 0 strangers to vet yourself.");
  const bridged = run(intro, INTRO, { b: 30, norm: "open" });
  assert.equal(bridged.result.index, 1);
  assert.equal(bridged.result.b, 0.3);
  assert.equal(bridged.result.two_step_outside, 1);
  assert.deepEqual(bridged.result.outcomes.introductions.to_vet, 0);
  assert.equal(bridged.summary, "With 30.0% of ties bridging clusters, you know 1 person " +
    "directly (0 outside your own cluster) and can be introduced to 2 more people in two steps " +
    "(1 outside your cluster). With an open profile all 5 others can reach you, but nobody " +
    "vouches for them: 4 strangers to vet yourself.");
  // the result is a copy: the page's grid is never changed by what is done with it
  bridged.result.result.people = 99;
  assert.equal(INTRO.data.grid[1].norms.open.people, 6);
});

test("introductions: the nearest grid entry, and unknown norms refused", () => {
  assert.equal(intro.entryIndex(INTRO.data.grid, 0.14), 0);
  assert.equal(intro.entryIndex(INTRO.data.grid, 0.16), 1);
  assert.equal(intro.entryIndex(INTRO.data.grid, 5), 1);
  assert.throws(() => intro.read({ b: 10, norm: "linkedin" }),
    (e) => e instanceof InputError && e.kind === "not_an_option" && e.control === "norm" &&
      e.message === "How new contacts reach you: choose one of introductions, open.");
  assert.throws(() => intro.compute({ b: 0, norm: "open" }, { data: {} }), /no precomputed/);
});

// -- the choice control in links -----------------------------------------------------------

test("a link carries a choice, and a value no option offers is ignored", () => {
  const values = { b: 7.5, norm: "open" };
  const params = linkParams(INTRO, values);
  assert.equal(params.toString(), "b=7.5&norm=open");
  const root = "widget-introductions";
  assert.deepEqual(valuesFromHash(`#${root}?${params}`, root, INTRO, INTRO.defaults), values);
  assert.deepEqual(valuesFromHash(`#${root}?norm=linkedin`, root, INTRO, INTRO.defaults),
    INTRO.defaults);
  assert.deepEqual(valuesFromHash(`#${root}?norm=`, root, INTRO, INTRO.defaults),
    INTRO.defaults);
  assert.deepEqual(valuesFromHash(`#${root}?norm=Open`, root, INTRO, INTRO.defaults),
    INTRO.defaults);
});
