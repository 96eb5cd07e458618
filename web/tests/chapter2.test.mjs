// Chapter 2 models: explicit or implied (impression) and the profile-line reader.
// The reader is held to tests/cases/profile_lines.json, which the Python tests read too.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import {
  ALPHA, bestExplicitness, COST, crossoverNorm, impression, impressionCurve,
} from "../src/models/impression.js";
import { linspace } from "../src/models/numeric.js";
import { cleanLine, MAX_CHARS, readProfile, RULES } from "../src/models/profile_reader.js";

const close = (a, b, tol = 1e-12) => assert.ok(Math.abs(a - b) <= tol, `${a} vs ${b}`);
const GRID = linspace(0, 1, 11);

// -- impression ----------------------------------------------------------------------------

test("impression: interior optimum by hand", () => {
  // gain = 0.5 * 0.7 = 0.35, penalty = 0.5 * 0.5 = 0.25, e* = (1.4 + 0.1) / 2 = 0.75
  const r = impression(0.5, 0.8, 0.3);
  assert.equal(r.optimum, "interior");
  close(r.e_star, 0.75);
  close(r.competence_star, 0.66); // 0.8 (0.3 + 0.7 * 0.75)
  close(r.likeability_star, 0.765); // 1 - 0.4 (0.5625 + 0.025)
  close(r.impression_star, 0.7125);
  close(r.impression_explicit, 0.7); // 0.4 + 0.5 * 0.6
  close(r.impression_implied, 0.6); // 0.12 + 0.5 * 0.96
  close(r.crossover_norm, 7 / 9);
  close(r.sd_implied, 0.8 * Math.sqrt(0.21));
  assert.equal(r.winner, "explicit");
  assert.equal(r.crossover_in_range, true);
  assert.equal(r.alpha, 0.5);
  assert.equal(r.c, 0.1);
});

test("impression: strict norm, corner, perfect cue", () => {
  const strict = impression(1, 1, 0.5); // e* = (0.5 + 0.1) / 2, I(0) = 0.7 > I(1) = 0.5
  close(strict.e_star, 0.3);
  close(strict.impression_star, 0.745);
  assert.equal(strict.winner, "implied");
  const corner = impression(0.2, 1, 0); // 0.5 >= 0.1 * 1.9
  assert.deepEqual([corner.e_star, corner.optimum], [1, "corner"]);
  const perfect = impression(0.5, 1, 1); // e* = c / 2
  close(perfect.e_star, 0.05);
  assert.equal(perfect.crossover_norm, 0);
});

test("impression: no norm, nothing to show", () => {
  for (const [s, q] of [[0.5, 0.4], [1, 0], [0.1, 0.9]]) {
    const r = impression(0, s, q);
    assert.deepEqual([r.e_star, r.optimum, r.winner], [1, "no_norm", "explicit"]);
    close(r.margin, ALPHA * s * (1 - q));
  }
  const flat = impression(0.7, 0, 0.3);
  assert.deepEqual([flat.e_star, flat.optimum, flat.flat, flat.winner], [0, "flat", true, "tie"]);
  assert.equal(impression(0, 0.7, 1).flat, true);
});

test("impression: an uninformative cue never helps", () => {
  for (const m of GRID) {
    for (const s of [0.1, 0.5, 1]) {
      const r = impression(m, s, 0);
      assert.equal(r.competence_implied, 0);
      assert.ok(r.impression_implied <= r.impression_explicit);
      assert.equal(r.crossover_in_range, false);
    }
  }
});

test("impression: the channels tie at the crossover norm", () => {
  for (const q of [0.1, 0.25, 0.55, 0.9, 1]) {
    const mStar = crossoverNorm(q);
    for (const s of [0.2, 1]) {
      const r = impression(mStar, s, q);
      assert.equal(r.winner, "tie");
      if (mStar >= 0.01) assert.equal(impression(mStar - 0.01, s, q).winner, "explicit");
      if (mStar <= 0.99) assert.equal(impression(mStar + 0.01, s, q).winner, "implied");
    }
  }
  close(crossoverNorm(0.05), 0.95 / 0.9);
});

test("impression: e* falls as the norm and the cue rise", () => {
  for (const s of [0.3, 1]) {
    for (const q of GRID) {
      const e = GRID.map((m) => bestExplicitness(m, s, q)[0]);
      for (let i = 1; i < e.length; i++) assert.ok(e[i] <= e[i - 1]);
    }
    for (const m of GRID.slice(1)) {
      const e = GRID.map((q) => bestExplicitness(m, s, q)[0]);
      for (let i = 1; i < e.length; i++) assert.ok(e[i] <= e[i - 1]);
      assert.ok(Math.min(...e) >= COST / 2 - 1e-15);
    }
  }
});

test("impression: everything in [0, 1], e* is the best on the curve", () => {
  for (const m of GRID) {
    for (const s of GRID) {
      for (const q of GRID) {
        const c = impressionCurve(m, s, q, 201);
        for (const k of ["competence", "likeability", "impression"]) {
          assert.ok(c[k].every((v) => v >= 0 && v <= 1), k);
        }
        assert.ok(c.sd.every((v) => v >= 0));
        const r = impression(m, s, q);
        assert.ok(r.impression_star >= Math.max(...c.impression) - 1e-12);
        assert.equal(c.impression[0], r.impression_implied);
        assert.equal(c.impression[200], r.impression_explicit);
      }
    }
  }
  assert.equal(impressionCurve(0.5, 0.8, 0.3).e.length, 101);
});

test("impression: impossible parameters are refused by name, as in Python", () => {
  const cases = [
    [[1.5, 0.5, 0.5], "m (modesty norm) must be a number between 0 and 1, got 1.5"],
    [[0.5, -0.1, 0.5], "s (claim size) must be a number between 0 and 1, got -0.1"],
    [[0.5, 0.5, NaN], "q (cue informativeness) must be a number between 0 and 1, got nan"],
    [[Infinity, 0.5, 0.5], "m (modesty norm) must be a number between 0 and 1, got inf"],
    [["0.5", 0.5, 0.5], "m (modesty norm) must be a number between 0 and 1"],
    [[0.5, null, 0.5], "s (claim size) must be a number between 0 and 1"],
    [[0.5, 0.5, true], "q (cue informativeness) must be a number between 0 and 1"],
  ];
  for (const [args, message] of cases) {
    for (const fn of [impression, impressionCurve, bestExplicitness]) {
      assert.throws(() => fn(...args), { message });
    }
  }
  for (const n of [1, 0, 2.5, 10002, true, NaN]) {
    assert.throws(() => impressionCurve(0.5, 0.5, 0.5, n),
      { message: "n must be a whole number from 2 to 10001" });
  }
});

// -- profile reader ------------------------------------------------------------------------

const file = new URL("../../tests/cases/profile_lines.json", import.meta.url);
const { cases } = JSON.parse(readFileSync(file, "utf8"));
const CATEGORIES = RULES.map((r) => r.category);
const INVISIBLE = /[\p{Cf}\p{Cc}]/u;

test("the shared profile-line file has the cases the issue asks for", () => {
  assert.ok(cases.length >= 30);
  assert.deepEqual(new Set(cases.map((c) => c.kind)),
    new Set(["ok", "empty", "too_long", "no_words"]));
  assert.ok(cases.some((c) => Array.from(c.text).length === MAX_CHARS + 1));
});

for (const [i, c] of cases.entries()) {
  test(`profile case ${i}: ${c.why}`, () => {
    const r = readProfile(c.text);
    assert.deepEqual([r.ok, r.kind], [c.ok, c.kind], r.message);
    assert.deepEqual([r.score, r.register], [c.score, c.register]);
    assert.deepEqual(r.markers.map((k) => k.category), c.categories);
    assert.deepEqual(r.markers.map((k) => k.match), c.matches);
    if (c.points) assert.deepEqual(r.markers.map((k) => k.points), c.points);
    if (c.spans) assert.deepEqual(r.markers.map((k) => [k.start, k.end]), c.spans);
    if ("removed" in c) assert.equal(r.removed, c.removed);
    if ("clean" in c) assert.equal(r.text, c.clean);
    assert.ok(r.message && !INVISIBLE.test(r.message));
    if (!r.ok) return;
    assert.ok(!INVISIBLE.test(r.text));
    const cps = Array.from(r.text);
    for (const k of r.markers) {
      assert.equal(cps.slice(k.start, k.end).join(""), k.match, "spans count code points");
      const rule = RULES[CATEGORIES.indexOf(k.category)];
      assert.equal(k.rule, rule.rule);
      assert.ok(k.points === 0 || k.points === rule.points);
    }
    for (let j = 1; j < r.markers.length; j++) {
      assert.ok(r.markers[j - 1].end <= r.markers[j].start, "no span marked twice");
    }
    const total = r.markers.reduce((a, k) => a + k.points, 0);
    assert.equal(r.score, Math.min(10, Math.max(0, total)));
    const present = CATEGORIES.filter((cat) => cat !== "modesty_marker" &&
      r.markers.some((k) => k.category === cat));
    assert.deepEqual(r.alternatives.map((a) => a.category), present);
  });
}

test("profile reader: the suggested alternatives read as understated", () => {
  for (const r of RULES) {
    for (const line of [r.english, r.japanese]) {
      if (line) assert.equal(readProfile(line).register, "understated", line);
    }
  }
});

test("profile reader: cleaning, limits and messages as in Python", () => {
  assert.deepEqual(cleanLine("  I\u200b led\u202e\n\tthe team\ufeff "), ["I led  the team", 3]);
  assert.deepEqual(cleanLine("ＮＯ．１　３倍"), ["NO.1 3倍", 0]);
  assert.deepEqual(cleanLine(null), ["", 0]);
  assert.ok(readProfile("a".repeat(MAX_CHARS)).ok);
  assert.ok(readProfile("a".repeat(MAX_CHARS) + "\u200b".repeat(5)).ok);
  assert.equal(readProfile("a".repeat(MAX_CHARS + 1)).message,
    "The line is 301 characters long; keep it to 300 characters or fewer.");
  // an astral character counts once towards the limit, as in Python
  assert.ok(readProfile("𠮷".repeat(MAX_CHARS)).ok);
  assert.equal(readProfile("𠮷".repeat(MAX_CHARS + 1)).kind, "too_long");
  assert.equal(readProfile("私が主導したプロジェクトで売上を3倍に伸ばし、業界初の取り組みとして表彰されました。").message,
    "5 markers found: explicitness score 5 of 10 (explicit).");
  const astral = readProfile("𠮷野家で𠮷田がI led 3x growth");
  assert.deepEqual(astral.markers.map((k) => [k.start, k.end, k.match]),
    [[7, 8, "I"], [9, 12, "led"], [13, 15, "3x"]]);
});
