import assert from "node:assert/strict";
import { test } from "node:test";
import { fixed, plain, pyRepr } from "../src/kit/format.js";

test("fixed rounds exact ties away from zero (Decimal ROUND_HALF_UP)", () => {
  assert.equal(fixed(0.25, 1), "0.3");
  assert.equal(fixed(2.5, 0), "3");
  assert.equal(fixed(-2.5, 0), "-3");
  assert.equal(fixed(0.125, 2), "0.13");
  assert.equal(fixed(1.005, 2), "1.00"); // 1.005 is stored just below 1.005
  assert.equal(fixed(0.35, 1), "0.3"); // 0.35 is stored just below 0.35
  assert.equal(fixed(123.456, 2), "123.46");
  assert.equal(fixed(36.120401337792646, 0), "36");
});

test("fixed never prints -0", () => {
  assert.equal(fixed(-0, 1), "0.0");
  assert.equal(fixed(-0.04, 1), "0.0");
  assert.equal(fixed(-0.4, 0), "0");
  assert.equal(fixed(-0.05, 1), "-0.1");
});

test("fixed beyond 1e21 and non-finite values", () => {
  assert.equal(fixed(1e21, 1), "1000000000000000000000.0");
  assert.equal(fixed(-1e22, 0), "-10000000000000000000000");
  assert.equal(fixed(Infinity, 1), "Infinity");
  assert.equal(fixed(-Infinity, 1), "-Infinity");
  assert.equal(fixed(NaN, 1), "NaN");
});

test("plain: shortest text, whole numbers without .0", () => {
  assert.equal(plain(60), "60");
  assert.equal(plain(60.0), "60");
  assert.equal(plain(0.1), "0.1");
  assert.equal(plain(-0), "0");
  assert.equal(plain(1000), "1000");
  assert.equal(plain(0.1 + 0.2), "0.30000000000000004");
  assert.equal(plain(1e21), "1e+21");
  assert.equal(plain(1e-7), "1e-7");
  assert.equal(plain(1.5e-5), "1.5e-5"); // Python repr's cut-off (1e-4), JS-style exponent
  assert.equal(plain(0.0001), "0.0001");
  assert.equal(plain(NaN), "NaN");
});

test("pyRepr is Python's repr(float)", () => {
  assert.equal(pyRepr(1.5), "1.5");
  assert.equal(pyRepr(2), "2.0");
  assert.equal(pyRepr(1e16), "1e+16");
  assert.equal(pyRepr(1e-5), "1e-05");
  assert.equal(pyRepr(123456789012345680), "1.2345678901234568e+17");
  assert.equal(pyRepr(-0), "-0.0");
  assert.equal(pyRepr(NaN), "nan");
  assert.equal(pyRepr(-Infinity), "-inf");
});
