// The widgets' pure logic, without a DOM; and the kit's DOM-free helpers.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { linkParams, snap, valuesFromHash, valueText } from "../src/kit/widget.js";
import { widgetLogic } from "../src/widgets/logic-loader.js";

const SERVICES = ["LINE", "X (Twitter)", "Instagram", "Facebook", "LinkedIn"];
const LOOKUP = {
  id: "lookup",
  controls: [
    { name: "cards", kind: "number", label: "Business cards exchanged", unit: "cards", min: 1,
      max: 1000, integer: true, default: "20" },
    ...SERVICES.map((s) => ({ name: s, kind: "slider", label: s, unit: "% using it", min: 0,
      max: 100, step: 0.1, decimals: 1 })),
  ],
  defaults: { cards: "20", LINE: 67, "X (Twitter)": 27.5, Instagram: 20.5, Facebook: 32.3,
    LinkedIn: 0.8 },
  data: { services: SERVICES },
};
const SIGNAL = {
  id: "signal",
  controls: [
    { name: "base_rate", kind: "slider", label: "Workers looking to leave", unit: "% a year",
      min: 0.5, max: 60, step: 0.1, decimals: 1 },
    { name: "p_seeker", kind: "slider", label: "Seekers who polish a profile", unit: "%", min: 0,
      max: 100, step: 0.5, decimals: 1 },
    { name: "p_stayer", kind: "slider", label: "Stayers who polish a profile", unit: "%", min: 0,
      max: 100, step: 0.5, decimals: 1 },
    { name: "own_rate", kind: "number", label: "Or type your own base rate", unit: "%",
      min: 0.1, max: 60, optional: true },
  ],
  defaults: { base_rate: 4.5, p_seeker: 60, p_stayer: 5, own_rate: "" },
  data: { references: [{ name: "Japan", value: 4.5 }, { name: "OECD average", value: 20 }] },
};
const THRESHOLD = {
  id: "threshold",
  controls: ["mean", "spread", "early", "start"].map((name) => ({ name, kind: "slider", label: name,
    unit: "%", min: 0, max: 100, step: 0.5, decimals: 1 })),
  defaults: { mean: 50, spread: 20, early: 5, start: 5 },
  data: { rounds: 25 },
};

const LOGIC = Object.fromEntries(await Promise.all(
  ["lookup", "signal", "threshold"].map(async (id) => [id, await widgetLogic(id)])));

function run(id, spec, values) {
  const logic = LOGIC[id];
  const params = logic.read({ ...spec.defaults, ...values }, spec);
  const result = logic.compute(params, spec);
  return { params, result, summary: logic.describe(result, params, spec) };
}

test("lookup: defaults (Japan 2016)", () => {
  const { params, result, summary } = run("lookup", LOOKUP, {});
  assert.equal(params.n_cards, 20);
  assert.equal(params.shares.LINE, 0.67);
  assert.deepEqual(result.platforms, SERVICES);
  assert.equal(summary, "Of 20 contacts you would expect to find about 13.4 on LINE, about 5.5 on " +
    "X (Twitter), about 4.1 on Instagram, about 6.5 on Facebook, about 0.2 on LinkedIn. The " +
    "chance of finding at least one of them on LinkedIn is 15%.");
});

test("lookup: typed cards are read like Python's parse_number", () => {
  assert.equal(run("lookup", LOOKUP, { cards: "１，０００" }).params.n_cards, 1000);
  assert.throws(() => run("lookup", LOOKUP, { cards: "2000" }),
    (e) => e.name === "InputError" && e.kind === "out_of_range" && e.control === "cards" &&
      e.message === "Business cards exchanged must be between 1 and 1000 cards; you typed 2000.");
});

test("signal: defaults, typed share, infinite ratio", () => {
  const a = run("signal", SIGNAL, {});
  assert.equal(a.summary, "With 4.5% of workers looking to leave, a boss who sees a polished " +
    "profile should think there is a 36% chance its owner is leaving: 8.0 times the chance for " +
    "an average colleague. Seekers polish 12.0 times as often as stayers (the likelihood ratio).");
  assert.equal(run("signal", SIGNAL, { own_rate: " 12,5 % " }).params.base_rate, 0.125);
  assert.equal(run("signal", SIGNAL, { own_rate: "\u3000" }).params.base_rate, 0.045);
  assert.throws(() => run("signal", SIGNAL, { own_rate: "\u200b" }), (e) => e.kind === "empty");
  assert.match(run("signal", SIGNAL, { p_stayer: 0 }).summary,
    /Seekers polish infinite \(stayers never polish\) times/);
});

test("threshold: presets give the chapter's stories", () => {
  const low = run("threshold", THRESHOLD, {});
  assert.equal(low.summary, "Starting from 5% with a profile, the share settles at 6% after 25 " +
    "rounds. Stable equilibria: 6%, 100%. Tipping point: 47%.");
  const high = run("threshold", THRESHOLD, { start: 60 });
  assert.match(high.summary, /settles at 100% after 25 rounds/);
  const early = run("threshold", THRESHOLD, { early: 20 });
  assert.match(early.summary, /No tipping point\.$/);
  assert.equal(early.result.path.length, 26);
});

test("slider values snap to the step and stay in range", () => {
  const c = { min: 0.5, max: 60, step: 0.1 };
  assert.equal(snap(20.04, c), 20);
  assert.equal(snap(20.06, c), 20.1);
  assert.equal(snap(-5, c), 0.5);
  assert.equal(snap(999, c), 60);
  assert.equal(snap(4.45, { min: 0, max: 100, step: 0.5 }), 4.5);
  assert.equal(valueText({ unit: "% a year", decimals: 1 }, 4.5), "4.5% a year");
  assert.equal(valueText({ unit: "cards", decimals: 0 }, 20), "20 cards");
});

test("shareable links round-trip; unknown keys are ignored", () => {
  const values = { base_rate: 12.3, p_seeker: 60, p_stayer: 5, own_rate: "" };
  const params = linkParams(SIGNAL, values);
  assert.equal(params.toString(), "base_rate=12.3&p_seeker=60&p_stayer=5");
  const back = valuesFromHash(`#widget-signal?${params}&bogus=1`, "widget-signal", SIGNAL,
    SIGNAL.defaults);
  assert.deepEqual(back, values);
  assert.equal(valuesFromHash("#widget-lookup?cards=5", "widget-signal", SIGNAL, {}), null);
  const typed = valuesFromHash("#widget-signal?own_rate=%3Cb%3E&base_rate=abc", "widget-signal",
    SIGNAL, SIGNAL.defaults);
  assert.equal(typed.own_rate, "<b>");
  assert.equal(typed.base_rate, 4.5);
  const lookup = linkParams(LOOKUP, LOOKUP.defaults).toString();
  assert.equal(lookup, "cards=20&LINE=67&X+%28Twitter%29=27.5&Instagram=20.5&Facebook=32.3&LinkedIn=0.8");
});

test("parity.mjs answers every case kind and survives a bad case", () => {
  const cases = [
    { kind: "parse", text: "12,5", opts: { label: "Your own share", lo: 0.1, hi: 60, unit: "%" } },
    { kind: "widget", id: "signal", values: { p_stayer: 0 }, spec: SIGNAL },
    { kind: "widget", id: "lookup", values: { cards: "" }, spec: LOOKUP },
    { kind: "model", name: "signal.signal", args: [0.045, 0.6, 0] },
    { kind: "model", name: "signal.signal", args: ["NaN", 0.6, 0] },
    { kind: "model", name: "threshold.threshold_cdf", args: [0.5, 0.2, 0.05, [0, 1]] },
    { kind: "nonsense" },
  ];
  const tool = fileURLToPath(new URL("../tools/parity.mjs", import.meta.url));
  const out = spawnSync(process.execPath, [tool], { input: JSON.stringify({ cases }), encoding: "utf8" });
  assert.equal(out.status, 0, out.stderr);
  const { results } = JSON.parse(out.stdout);
  assert.equal(results.length, cases.length);
  assert.deepEqual(results[0], { ok: true, value: 12.5 });
  assert.equal(results[1].result.likelihood_ratio, "Infinity");
  assert.equal(results[2].ok, false);
  assert.equal(results[2].kind, "empty");
  assert.equal(results[3].likelihood_ratio, "Infinity");
  assert.deepEqual(results[4], { error: "base_rate must be a probability between 0 and 1, got nan" });
  assert.equal(results[5][0], 0.05);
  assert.match(results[6].error, /unknown case kind/);
  const bare = spawnSync(process.execPath, [tool],
    { input: '{"cases":[{"kind":"model","name":"signal.signal","args":[NaN,0.5,0.5]}]}', encoding: "utf8" });
  assert.match(JSON.parse(bare.stdout).results[0].error, /got nan/);
});
