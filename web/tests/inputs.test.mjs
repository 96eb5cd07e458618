// parseNumber against the cases both test suites share (tests/cases/number_inputs.json).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { InputError, isBlank, parseNumber, readNumber } from "../src/kit/inputs.js";

const file = new URL("../../tests/cases/number_inputs.json", import.meta.url);
const { cases } = JSON.parse(readFileSync(file, "utf8"));

test("the shared cases file has cases", () => {
  assert.ok(cases.length > 10);
});

for (const [i, c] of cases.entries()) {
  test(`case ${i}: ${JSON.stringify(c.text)} (${c.why})`, () => {
    const r = parseNumber(c.text, c.opts);
    if ("value" in c) {
      assert.equal(r.ok, true, r.message);
      assert.equal(r.value, c.value);
      assert.ok(!Object.is(r.value, -0), "never -0");
    } else {
      assert.equal(r.ok, false, `read as ${r.value}`);
      assert.equal(r.kind, c.error);
      assert.equal(typeof r.message, "string");
      assert.ok(r.message.startsWith(c.opts.label), r.message);
      if (c.message) assert.equal(r.message, c.message);
      assert.ok(!/[\u200b-\u200f\u202a-\u202e\ufeff]/.test(r.message), "no invisible characters");
    }
  });
}

const SHARE = { label: "Your own share", lo: 0.1, hi: 60, unit: "%" };
const CARDS = { label: "Business cards exchanged", lo: 1, hi: 1000, integer: true, unit: "cards" };

test("messages, word for word", () => {
  assert.equal(parseNumber("", SHARE).message,
    "Your own share is empty: type a number between 0.1 and 60 %, for example 0.1.");
  assert.equal(parseNumber("abc", SHARE).message,
    "Your own share: “abc” is not a number; type a number between 0.1 and 60 %.");
  assert.equal(parseNumber("<b>5</b>", SHARE).message,
    "Your own share: markup such as “<b>5</b>” is not a number; type digits only, for example 0.1.");
  assert.equal(parseNumber("二十", CARDS).message,
    "Business cards exchanged: please write “二十” with digits (0–9 or ０–９), not kanji numerals.");
  assert.equal(parseNumber("2000", CARDS).message,
    "Business cards exchanged must be between 1 and 1000 cards; you typed 2000.");
  assert.equal(parseNumber("12.5", CARDS).message,
    "Business cards exchanged must be a whole number; you typed 12.5.");
  assert.equal(parseNumber("inf", SHARE).message,
    "Your own share: type a finite number between 0.1 and 60 %.");
  assert.equal(parseNumber("1".repeat(41), SHARE).message,
    "Your own share: that is 41 characters long; type a number between 0.1 and 60 %.");
  assert.equal(parseNumber("😀".repeat(41), SHARE).kind, "too_long"); // code points, not UTF-16 units
  assert.equal(parseNumber("😀".repeat(20), SHARE).kind, "not_a_number");
});

test("long input is shortened in the message", () => {
  const r = parseNumber("a b  c d e f g h i j k l m n o", SHARE);
  assert.equal(r.message, "Your own share: “a b c d e f g h i j k l…” is not a number; " +
    "type a number between 0.1 and 60 %.");
});

test("readNumber throws InputError naming the control", () => {
  assert.throws(() => readNumber("x", SHARE, "own_rate"),
    (e) => e instanceof InputError && e.kind === "not_a_number" && e.control === "own_rate");
  assert.equal(readNumber("１２．５％", SHARE), 12.5);
});

test("isBlank follows Python's str.strip()", () => {
  assert.ok(isBlank(""));
  assert.ok(isBlank(" \u3000\t"));
  assert.ok(isBlank(null));
  assert.ok(!isBlank("\u200b")); // not whitespace to Python: parsed, then "empty"
  assert.ok(!isBlank(" 1 "));
});
