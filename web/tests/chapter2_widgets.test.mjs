// Chapter 2's widgets' pure logic (no DOM): explicit or implied, and the profile-line reader;
// and the kit's handling of a line-of-text control in links.
import assert from "node:assert/strict";
import { test } from "node:test";
import { InputError } from "../src/kit/inputs.js";
import { linkParams, valuesFromHash } from "../src/kit/widget.js";
import { impression } from "../src/models/impression.js";
import { readProfile } from "../src/models/profile_reader.js";
import { widgetLogic } from "../src/widgets/logic-loader.js";

const imp = await widgetLogic("impression");
const reader = await widgetLogic("profile_reader");

const IMPRESSION = {
  id: "impression",
  controls: ["m", "s", "q"].map((name) => ({ name, kind: "slider", label: name, unit: "%",
    min: 0, max: 100, step: 1, decimals: 0 })),
  defaults: { m: 50, s: 80, q: 50 },
};
const READER = {
  id: "profile_reader",
  controls: [{ name: "text", kind: "text", label: "Profile line", unit: "English or Japanese",
    default: "I led a team of 12 and grew revenue by 45% in two years.", placeholder: "",
    max_chars: 300 }],
  defaults: { text: "I led a team of 12 and grew revenue by 45% in two years." },
};

function run(logic, spec, values) {
  const params = logic.read({ ...spec.defaults, ...values }, spec);
  const result = logic.compute(params, spec);
  return { params, result, summary: logic.describe(result, params, spec) };
}

// -- impression ----------------------------------------------------------------------------

test("impression: defaults read as Python's readout", () => {
  const { params, result, summary } = run(imp, IMPRESSION, {});
  assert.deepEqual(params, { m: 0.5, s: 0.8, q: 0.5 });
  assert.deepEqual(result, impression(0.5, 0.8, 0.5));
  assert.equal(summary, "With a modesty norm of 50%, the best explicitness is 55% (impression " +
    "74.1 of 100). The explicit résumé line beats the implied cue by 2.0 points (70.0 vs 68.0 " +
    "of 100); the implied cue wins once the norm passes 55.6%.");
});

test("impression: no norm, an unclear cue, the crossover", () => {
  const none = run(imp, IMPRESSION, { m: 0 });
  assert.equal(none.result.e_star, 1);
  assert.equal(none.result.winner, "explicit");
  const unclear = run(imp, IMPRESSION, { q: 0 });
  assert.equal(unclear.result.competence_implied, 0);
  assert.match(unclear.summary, /explicit wins at every norm when the cue is this unclear\.$/);
  assert.equal(run(imp, IMPRESSION, { m: 55 }).result.winner, "explicit");
  const above = run(imp, IMPRESSION, { m: 56 });
  assert.equal(above.result.winner, "implied");
  assert.match(above.summary, /The implied cue beats the explicit résumé line by 0\.2 points/);
});

test("impression: flat and edge readouts", () => {
  assert.match(run(imp, IMPRESSION, { s: 0 }).summary, /^With nothing to show/);
  assert.match(run(imp, IMPRESSION, { m: 0, q: 100 }).summary,
    /^With no modesty norm and a cue that shows the whole achievement/);
  assert.match(run(imp, IMPRESSION, { q: 10 }).summary,
    /the implied cue only ties, at the strictest norm \(100%\)\.$/);
  assert.match(run(imp, IMPRESSION, { q: 100 }).summary,
    /a cue this clear wins at every norm above 0%\.$/);
});

// -- the profile reader --------------------------------------------------------------------

test("profile_reader: defaults and the shared Japanese examples", () => {
  assert.equal(run(reader, READER, {}).summary, "Explicitness score 3 of 10 (moderate): first " +
    "person with an achievement verb (+2), a growth number (+1).");
  const ja = run(reader, READER, { text: "私が主導したプロジェクトで売上を3倍に伸ばし、業界初の取り組みとして表彰されました。" });
  assert.deepEqual(ja.result.markers.map((k) => k.match), ["私", "主導", "3倍", "業界初", "表彰"]);
  assert.equal(ja.summary, "Explicitness score 5 of 10 (explicit): first person with an " +
    "achievement verb (+2), a superlative (+1), a growth number (+1), a Japanese achievement " +
    "word (+1).");
  const modest = run(reader, READER, { text: "チームの一員として新規事業の立ち上げを担当させていただき、皆様のおかげで目標を達成することができました。" });
  assert.equal(modest.summary, "Explicitness score 0 of 10 (understated): a Japanese " +
    "achievement word (+1), 4 modesty markers (−3); the points add up to −2, kept within 0 to 10.");
});

test("profile_reader: bad lines throw InputError with the model's kind and message", () => {
  for (const [text, kind] of [["", "empty"], ["\u200b\u202e", "empty"], ["🎉🚀👏", "no_words"],
    ["x".repeat(301), "too_long"]]) {
    assert.throws(() => reader.read({ text }), (e) => e instanceof InputError &&
      e.kind === kind && e.control === "text" && e.message === readProfile(text).message);
  }
  assert.equal(reader.read({ text: "x".repeat(300) }), "x".repeat(300));
});

test("profile_reader: markup stays text, direction marks are removed and counted", () => {
  const tag = run(reader, READER, { text: "<img src=x onerror=alert(1)>" });
  assert.equal(tag.result.text, "<img src=x onerror=alert(1)>");
  assert.equal(tag.summary, "Explicitness score 0 of 10 (understated): no markers found.");
  const bidi = run(reader, READER, { text: "\u202eI led the launch" });
  assert.equal(bidi.result.text, "I led the launch");
  assert.match(bidi.summary, /; 1 invisible character was removed\.$/);
  assert.deepEqual(reader.byCategory(bidi.result).map((c) => c.points), [2, 0, 0, 0, 0]);
});

test("profile_reader: points are written with a minus sign", () => {
  assert.deepEqual([2, -3, 0].map(reader.points), ["+2", "−3", "0"]);
});

// -- the kit: a line of text in a link ------------------------------------------------------

test("a text control's line travels in a link whole, and an absurd one is cut by code points", () => {
  const line = "私が主導したプロジェクトで売上を3倍に伸ばし、業界初の取り組みとして表彰されました。 🚀";
  const params = linkParams(READER, { text: line });
  assert.equal(params.get("text"), line);
  const hash = `#widget-profile_reader?${params}`;
  assert.deepEqual(valuesFromHash(hash, "widget-profile_reader", READER, READER.defaults),
    { text: line });
  const long = "𠮷".repeat(2000);
  const cut = valuesFromHash(`#widget-profile_reader?text=${encodeURIComponent(long)}`,
    "widget-profile_reader", READER, READER.defaults).text;
  assert.equal(Array.from(cut).length, 1200); // 4 × max_chars, no half character
  assert.equal(reader.read.length, 1);
});
