// Chapter 4's widgets' pure logic (no DOM): platforms under network effects, and the chooser
// (which service for which job?) with its model port, web/src/models/chooser.js.
import assert from "node:assert/strict";
import { test } from "node:test";
import { InputError } from "../src/kit/inputs.js";
import { choose, pyRound12 } from "../src/models/chooser.js";
import { platformShares } from "../src/models/platforms.js";
import { widgetLogic } from "../src/widgets/logic-loader.js";

const plat = await widgetLogic("platforms");
const cho = await widgetLogic("chooser");

function run(logic, spec, values) {
  const params = logic.read({ ...spec.defaults, ...values }, spec);
  const result = logic.compute(params, spec);
  return { params, result, summary: logic.describe(result, params, spec) };
}

// -- platforms ---------------------------------------------------------------------------

const PLATFORMS = {
  id: "platforms",
  defaults: { d: 0.2, beta: 2, c: 0.2, tau: 0.5, x0: 30, social: "off", f_s: 0 },
  data: { rounds: 80 },
};

test("platforms: defaults read as Python's readout", () => {
  const { params, result, summary } = run(plat, PLATFORMS, {});
  assert.deepEqual(params, { d: 0.2, beta: 2, c: 0.2, tau: 0.5, x0: 0.3, social: false,
    f_s: 0 });
  assert.deepEqual(result, platformShares(0.2, 2, 0.2, 0.5, 0.3, 80, false, 0));
  assert.equal(summary, "The entrant starts with 30% of users; after 80 rounds it has settled " +
    "at 2.2%. Steady states: 2.2% (stable), 41.3% (tipping point), 99.1% (stable). Start " +
    "above 41.3% and the entrant heads to 99.1%; below it, to 2.2%. From a 30% start the " +
    "entrant needs a fit advantage of at least 0.44 points to win a majority (it has 0.20).");
});

test("platforms: the social network's switch, and its fit ignored while off", () => {
  assert.throws(() => plat.read({ ...PLATFORMS.defaults, social: "yes" }),
    (e) => e instanceof InputError && e.kind === "not_an_option" && e.control === "social" &&
      e.message === "A general social network as a third option: choose one of off, on.");
  const low = run(plat, PLATFORMS, { f_s: -1 });
  const high = run(plat, PLATFORMS, { f_s: 1 });
  assert.equal(low.summary, high.summary);
  assert.deepEqual(low.result.path, high.result.path);
  const mix = run(plat, PLATFORMS, { social: "on", f_s: 0.5 });
  assert.equal(mix.result.path.length, 3);
  assert.ok(Math.abs(mix.result.final.reduce((a, b) => a + b, 0) - 1) < 1e-12);
  assert.equal(mix.summary, "With a general social network as a third option (its fit 0.50 " +
    "points) and the entrant starting with 30% of users, after 80 rounds the local platform " +
    "has 91.2%, the entrant 2.8% and the social network 5.9% (no longer moving). Steady " +
    "states and the fit advantage needed to win are worked out for two platforms only.");
});

test("platforms: edges of the readout", () => {
  const balanced = run(plat, PLATFORMS, { d: 0, x0: 50 }).summary;
  assert.match(balanced, /stays at 50\.0% for 80 rounds: an unstable balance/);
  assert.match(balanced, /needs a fit advantage just above 0 points/);
  const always = run(plat, PLATFORMS, { beta: 5, tau: 0.1, d: -1, x0: 100 }).summary;
  assert.match(always, /Steady states: nearly 0% \(stable\), 60\.2% \(tipping point\), 100% /);
  assert.match(always, /wins a majority whatever its fit, even at -1 points\.$/);
  const frozen = run(plat, PLATFORMS, { c: 2, tau: 0.1, beta: 0, d: 0.5 }).summary;
  assert.match(frozen, /has 30\.0% and is barely moving, short of the steady state it heads /);
  const moving = run(plat, PLATFORMS, { c: 1, tau: 0.3, beta: 0, d: 0, x0: 0 }).summary;
  assert.match(moving, /has 33\.5% and is still moving towards 50\.0%\./);
  const late = run(plat, PLATFORMS, { beta: 4, tau: 0.5, d: 0, x0: 1 }).summary;
  assert.match(late, /settled at 0\.02%\. Steady states: 0\.02% \(stable\), 50\.0% \(tipping /);
  assert.match(late, /no fit advantage up to 1 point wins the entrant a majority\.$/);
});

test("platforms: shares are written with the decimals they need", () => {
  assert.deepEqual(plat.shareDigits([0.022, 0.413, 0.991]), [1, 1, 1]);
  assert.deepEqual(plat.shareDigits([0.0002, 0.5, 0.9998]), [2, 1, 2]);
  assert.deepEqual(plat.shareDigits([0.4131, 0.4134]), [2, 2]);
  assert.equal(plat.pct(1, 2), "100%");
  assert.equal(plat.pct(0, 1), "0%");
  assert.equal(plat.pct(1e-9, 4), "nearly 0%");
  assert.equal(plat.pct(1 - 1e-9, 4), "nearly 100%");
});

// -- the chooser's model -------------------------------------------------------------------

const row = (service, feature, supports, detail = `${service}: ${feature}`, source = "src") =>
  ({ service, feature, supports, detail, source_id: source });

test("chooser model: Python's round(x, 12), ties to even on the exact binary value", () => {
  // values Python prints for round(x, 12)
  assert.equal(pyRound12(1 / 8192), 0.000122070312);
  assert.equal(pyRound12(3 / 8192), 0.000366210938);
  assert.equal(pyRound12(0.1 + 0.2), 0.3);
  assert.equal(pyRound12(1.5e-12), 2e-12);
  assert.equal(pyRound12(2.5e-12), 2e-12);
  assert.equal(pyRound12(5e-13), 0);
  assert.equal(pyRound12(-1 / 8192), -0.000122070312);
  assert.equal(pyRound12(0.15 * 0.5), 0.075);
  assert.equal(pyRound12(1e300), 1e300);
  assert.ok(Number.isNaN(pyRound12(NaN)));
});

test("chooser model: yes in full, partly half, a missing row not found; ties by name", () => {
  const goal = { key: "g", label: "A goal", needs: [
    { feature: "a", weight: 0.6, why: "" }, { feature: "b", weight: 0.4, why: "" }] };
  const table = [row("Y", "a", "yes"), row("X", "a", "partly"), row("X", "b", "yes"),
    row("X", "b", "no"), row("Z", "b", "no"), row("W", "a", "partly"), row("W", "b", "yes")];
  const ranking = choose(goal, table);
  assert.deepEqual(ranking.map((f) => [f.service, f.score]),
    [["W", 0.7], ["X", 0.7], ["Y", 0.6], ["Z", 0]]);
  const x = ranking[1];
  assert.equal(x.top, 1);
  assert.deepEqual(x.evidence.map((e) => [e.feature, e.supports, e.points]),
    [["a", "partly", 0.3], ["b", "yes", 0.4]]); // the first row for (X, b) is the one used
  assert.deepEqual(ranking[2].not_found, ["b"]);
  assert.deepEqual(ranking[3].not_found, ["a"]);
  // code-point order, as Python sorts: capitals before small letters
  assert.deepEqual(choose(goal, [row("doda", "a", "yes"), row("Eight", "a", "yes")])
    .map((f) => f.service), ["Eight", "doda"]);
  assert.throws(() => choose({ key: "empty", needs: [] }, table),
    /goal 'empty' needs at least one feature/);
  assert.throws(() => choose(goal, [row("X", "a", "maybe")]),
    /supports must be yes, partly or no, got 'maybe'/);
});

// -- the chooser widget ----------------------------------------------------------------------

const CHOOSER = {
  id: "chooser",
  defaults: { goal: "move" },
  data: {
    goals: [
      { key: "move", label: "Move quietly", needs: [
        { feature: "hide", weight: 0.5, why: "" }, { feature: "scout", weight: 0.3, why: "" },
        { feature: "headhunt", weight: 0.2, why: "" }] },
      { key: "nothing", label: "Nobody offers it", needs: [
        { feature: "teleport", weight: 1, why: "" }] },
    ],
    table: [
      row("doda", "hide", "yes", "a 'company block' setting", "doda_src"),
      row("doda", "scout", "partly"), row("BizReach", "scout", "yes"),
      row("BizReach", "headhunt", "yes"), row("LINE", "chat", "yes"),
    ],
  },
};

test("chooser: read, compute and the readout with its decisive row and gaps", () => {
  const { params, result, summary } = run(cho, CHOOSER, {});
  assert.equal(params, "move");
  assert.deepEqual(result, choose(CHOOSER.data.goals[0], CHOOSER.data.table));
  assert.deepEqual(result.map((f) => [f.service, f.score]),
    [["doda", 0.65], ["BizReach", 0.5], ["LINE", 0]]);
  assert.deepEqual(cho.decisiveRow(result)[0].feature, "hide");
  assert.equal(summary, "For “Move quietly”, doda fits best with 0.65 of 1.00, ahead of " +
    "BizReach (0.50). Decisive row: doda, hide, yes (0.50 of 0.50): “a 'company block' " +
    "setting” (source doda_src). Not found for doda: headhunt (a gap in the table, not a " +
    "no). Each of the 3 needed features has a sourced row for at least one service.");
  const none = run(cho, CHOOSER, { goal: "nothing" }).summary;
  assert.equal(none, "For “Nobody offers it”, no service has a sourced row supporting any of " +
    "the features it needs (the most it could score is 1.00). Not found for BizReach: " +
    "teleport (a gap in the table, not a no). 1 of the 1 needed features has no sourced row " +
    "for any service: teleport.");
});

test("chooser: scores with three decimals only when they need them", () => {
  assert.equal(cho.score(0.075), "0.075");
  assert.equal(cho.score(0.7), "0.70");
  assert.equal(cho.score(1), "1.00");
});

test("chooser: a goal the page does not offer is refused, naming the goals", () => {
  assert.throws(() => cho.read({ goal: "fame" }, CHOOSER),
    (e) => e instanceof InputError && e.kind === "not_an_option" && e.control === "goal" &&
      e.message === "What you want to do: choose one of move, nothing.");
  assert.throws(() => cho.read({ goal: "move" }, { data: {} }), /no goals or features table/);
});
