// Number formatting shared by every widget; mirrors the Python kit.
//
// fixed(x, d): Python's Decimal(x).quantize(Decimal(10) ** -d, ROUND_HALF_UP)
//   written out, i.e. the exact binary value rounded half away from zero
//   (JS toFixed rounds exact ties up, which is the same thing on |x|), with
//   the sign re-attached and never "-0" / "-0.0".
// plain(x): the shortest text that reads back as x, integers without ".0",
//   -0 as "0" (Python meishi.kit.fmt.plain: repr(x) with a JS-style exponent;
//   the same as String(x) for whole numbers and for 1e-4 <= |x| < 1e21).
// pyRepr(x): Python's repr(float(x)), for error messages that quote a value.
// grouped(n): a whole number with thousands commas, as Python's format(n, ",").

export function fixed(x, d = 0) {
  x = Number(x);
  if (!Number.isFinite(x)) return String(x); // "NaN", "Infinity", "-Infinity"
  const a = Math.abs(x);
  let text;
  if (a >= 1e21) {
    // toFixed switches to exponent notation here; such doubles are integers.
    text = BigInt(a).toString() + (d > 0 ? "." + "0".repeat(d) : "");
  } else {
    text = a.toFixed(d);
  }
  const zero = /^[0.]*$/.test(text);
  return x < 0 && !zero ? "-" + text : text;
}

/** 10000 -> "10,000", as Python's format(n, ","), for whole numbers. */
export const grouped = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");

export function plain(x) {
  x = Number(x);
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return "0";
  if (Number.isInteger(x) && Math.abs(x) < 1e21) return String(x);
  // Python's repr switches to exponent notation below 1e-4 (JS below 1e-6):
  // follow repr, written the JavaScript way (1e-5, not 1e-05).
  return pyRepr(x).replace(/e([+-])0*(\d)/, "e$1$2");
}

export function pyRepr(x) {
  x = Number(x);
  if (Number.isNaN(x)) return "nan";
  if (!Number.isFinite(x)) return x > 0 ? "inf" : "-inf";
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  const sign = x < 0 ? "-" : "";
  const [mant, expText] = Math.abs(x).toExponential().split("e");
  const digits = mant.replace(".", "");
  const e = Number(expText);
  if (e < -4 || e >= 16) {
    const m = digits.length > 1 ? digits[0] + "." + digits.slice(1) : digits;
    const ee = Math.abs(e) < 10 ? "0" + Math.abs(e) : String(Math.abs(e));
    return `${sign}${m}e${e < 0 ? "-" : "+"}${ee}`;
  }
  let out;
  if (e < 0) out = "0." + "0".repeat(-e - 1) + digits;
  else if (digits.length > e + 1) out = digits.slice(0, e + 1) + "." + digits.slice(e + 1);
  else out = digits + "0".repeat(e + 1 - digits.length) + ".0";
  return sign + out;
}
