#!/usr/bin/env node
// Parity runner: evaluates cases with the JavaScript ports so pytest can hold
// them to the Python reference.  Usage:
//
//   echo '{"cases": [...]}' | node web/tools/parity.mjs      ->  {"results": [...]}
//
// One result per case, in order.  A case that throws gives {"error": message}
// and never stops the others.  Non-finite numbers are written as the strings
// "Infinity", "-Infinity" and "NaN" (and may be given that way in "args";
// bare NaN/Infinity tokens, as Python's json.dumps writes them, are accepted).
//
// Case shapes:
//
//   {"kind": "parse", "text": "12,5", "opts": {"label": "…", "lo": 0.1, "hi": 60,
//                                               "integer": false, "unit": "%"}}
//     -> {"ok": true, "value": 12.5} | {"ok": false, "kind": "not_a_number", "message": "…"}
//
//   {"kind": "widget", "id": "lookup" | "signal" | "threshold",
//    "values": {...control values...}, "spec": {...the widget's spec trait...}}
//     "values" missing keys are taken from spec.defaults.
//     -> {"ok": true, "params": {...}, "result": {...}, "summary": "…"}
//      | {"ok": false, "kind": "empty", "message": "…", "params": null,
//         "result": null, "summary": null}
//     result fields are the Python dataclasses' (snake_case):
//       lookup    {n_cards, platforms, shares, expected, low, high, p_any}
//       signal    {base_rate, p_seeker, p_stayer, posterior, likelihood_ratio, lift,
//                  share_polished}
//       threshold {x, F, equilibria: [{share, stable, touch}], path}
//
//   {"kind": "model", "name": NAME, "args": [...]}  -> the function's return value
//     lookup.binomial_pmf         [n, p]                        -> [pmf...]
//     lookup.binomial_quantile    [n, p, q]                     -> k
//     lookup.expected_finds       [n_cards, {service: share}]   -> LookupResult
//     signal.posterior            [base_rate | [..], p_seeker, p_stayer] -> number | [..]
//     signal.signal               [base_rate, p_seeker, p_stayer] -> SignalResult
//     signal.posterior_curve      [p_seeker, p_stayer, n=201]   -> [[b...], [posterior...]]
//     threshold.erf               [x]                           -> erf(x)
//     threshold.threshold_cdf     [mean, spread, early, x | [..]] -> F(x) | [F(x)...]
//     threshold.equilibria        [mean, spread, early, grid=2001, tol=1e-10]
//                                                               -> [{share, stable, touch}]
//     threshold.adoption_path     [mean, spread, early, start, steps=30] -> [x0...]
//     threshold.threshold_model   [mean, spread, early, start, rounds=25, grid=201]
//                                                               -> {x, F, equilibria, path}
//     impression.impression       [m, s, q]                     -> ImpressionResult
//     impression.impression_curve [m, s, q, n=101]              -> {e, competence, likeability,
//                                                                   impression, sd}
//     commitment.outside_payoff   [p, w, n, k, x=0, v0=0.5]     -> OutsideResult {p, w, n, k, x,
//                                  v0, expected, sd, p_cheated, p_no_deal, expected_offers,
//                                  expected_kept}
//     commitment.commitment       [p, w, n, k, x0, rounds=60, v0=0.5] -> CommitmentResult {p, w,
//                                  n, k, v0, x0, stay, stay_sd, outside, margin, better, path,
//                                  equilibria: [{share, stable, kind}], x, outside_curve}
//     platforms.platform_shares   [d, beta, c, tau, x0, rounds=80, social=false, f_s=0, mu=0.2]
//                                  -> PlatformResult {d, beta, c, tau, x0, rounds, social, f_s,
//                                  mu, platforms, path: [[share...] per platform], final,
//                                  settled, long_run, equilibria: [{share, stable, touch, kind,
//                                  slope}], x, choice, gap, critical_fit, critical_status}
//     platforms.equilibria        [d, beta, c, tau, mu=0.2, tol=1e-10]
//                                                               -> [{share, stable, touch, kind,
//                                                                   slope}]
//     platforms.critical_fit      [beta, c, tau, x0]            -> [d*, status]
//     profile_reader.read_profile [text]                        -> ReaderResult {ok, kind,
//                                  message, text, removed, markers: [{start, end, category,
//                                  match, points, rule}], score, register,
//                                  alternatives: [{category, english, japanese}]}
//     format.fixed                [x, digits]                   -> "…"
//     format.plain                [x]                           -> "…"
//
//   {"kind": "format", "fn": "fixed" | "plain", "args": [...]}   (same as model format.*)
import { fixed, plain } from "../src/kit/format.js";
import { InputError, parseNumber } from "../src/kit/inputs.js";
import { refusal } from "../src/kit/values.js";
import * as lookup from "../src/models/lookup.js";
import * as signal from "../src/models/signal.js";
import * as threshold from "../src/models/threshold.js";
import { widgetLogic } from "../src/widgets/logic-loader.js";

const SENTINEL = "\u0000nonfinite:";

/** JSON.parse that also accepts bare NaN / Infinity / -Infinity tokens. */
function parseLenient(text) {
  let out = "";
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      out += ch;
      if (ch === "\\") out += text[++i];
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') { inString = true; out += ch; continue; }
    const m = /^(-?Infinity|NaN)/.exec(text.slice(i, i + 9));
    if (m) {
      out += JSON.stringify(SENTINEL + m[1]);
      i += m[1].length - 1;
      continue;
    }
    out += ch;
  }
  return JSON.parse(out, (_k, v) =>
    typeof v === "string" && v.startsWith(SENTINEL) ? Number(v.slice(SENTINEL.length)) : v);
}

const NONFINITE = { Infinity: Infinity, "-Infinity": -Infinity, NaN: NaN };
/** In model args, the strings "Infinity", "-Infinity", "NaN" stand for numbers. */
function decodeArgs(v) {
  if (typeof v === "string" && v in NONFINITE) return NONFINITE[v];
  if (Array.isArray(v)) return v.map(decodeArgs);
  if (v && typeof v === "object") {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, decodeArgs(x)]));
  }
  return v;
}

function encode(_key, v) {
  if (typeof v === "number" && !Number.isFinite(v)) return String(v);
  if (ArrayBuffer.isView(v)) return Array.from(v);
  return v;
}

const cdf = (args) => threshold.thresholdCdf(args[0], args[1], args[2]);
const MODELS = {
  "lookup.binomial_pmf": (a) => lookup.binomialPmf(...a),
  "lookup.binomial_quantile": (a) => lookup.binomialQuantile(...a),
  "lookup.expected_finds": (a) => lookup.expectedFinds(...a),
  "signal.posterior": (a) => signal.posterior(...a),
  "signal.signal": (a) => signal.signal(...a),
  "signal.posterior_curve": (a) => signal.posteriorCurve(...a),
  "threshold.erf": (a) => threshold.erf(a[0]),
  "threshold.threshold_cdf": (a) => cdf(a)(a[3]),
  "threshold.equilibria": (a) => threshold.equilibria(cdf(a), ...a.slice(3)),
  "threshold.adoption_path": (a) => threshold.adoptionPath(cdf(a), ...a.slice(3)),
  "threshold.threshold_model": (a) => threshold.thresholdModel(...a),
  // loaded on first use (the runner awaits the promise)
  "impression.impression": (a) =>
    import("../src/models/impression.js").then((m) => m.impression(...a)),
  "impression.impression_curve": (a) =>
    import("../src/models/impression.js").then((m) => m.impressionCurve(...a)),
  "commitment.outside_payoff": (a) =>
    import("../src/models/commitment.js").then((m) => m.outsidePayoff(...a)),
  "commitment.commitment": (a) =>
    import("../src/models/commitment.js").then((m) => m.commitment(...a)),
  "platforms.platform_shares": (a) =>
    import("../src/models/platforms.js").then((m) => m.platformShares(...a)),
  "platforms.equilibria": (a) =>
    import("../src/models/platforms.js").then((m) => m.equilibria(...a)),
  "platforms.critical_fit": (a) =>
    import("../src/models/platforms.js").then((m) => m.criticalFit(...a)),
  "profile_reader.read_profile": (a) =>
    import("../src/models/profile_reader.js").then((m) => m.readProfile(...a)),
  "format.fixed": (a) => fixed(...a),
  "format.plain": (a) => plain(...a),
};

async function runWidget(c) {
  const logic = await widgetLogic(c.id);
  const spec = c.spec || {};
  const values = { ...(spec.defaults || {}), ...(c.values || {}) };
  let params;
  try {
    // as the page does: a value no control can show is refused before it is read
    const refused = refusal(values, spec);
    if (refused) throw new InputError(refused.kind, refused.message);
    params = logic.read(values, spec);
  } catch (e) {
    if (e instanceof InputError) {
      return { ok: false, kind: e.kind, message: e.message, params: null, result: null,
        summary: null };
    }
    throw e;
  }
  const result = logic.compute(params, spec);
  return { ok: true, params, result, summary: logic.describe(result, params, spec) };
}

async function runCase(c) {
  switch (c && c.kind) {
    case "parse":
      return parseNumber(c.text, c.opts || {});
    case "widget":
      return await runWidget(c);
    case "model": {
      const fn = MODELS[c.name];
      if (!fn) throw new Error(`no model function called ${JSON.stringify(c.name)}`);
      return fn(decodeArgs(c.args || []));
    }
    case "format": {
      const fn = MODELS[`format.${c.fn}`];
      if (!fn) throw new Error(`no format function called ${JSON.stringify(c.fn)}`);
      return fn(decodeArgs(c.args || []));
    }
    default:
      throw new Error(`unknown case kind ${JSON.stringify(c && c.kind)}`);
  }
}

async function main() {
  let text = "";
  process.stdin.setEncoding("utf8");
  for await (const chunk of process.stdin) text += chunk;
  let doc;
  try {
    doc = parseLenient(text);
  } catch (e) {
    process.stderr.write(`parity.mjs: input is not JSON: ${e.message}\n`);
    process.exit(2);
  }
  const cases = Array.isArray(doc) ? doc : (doc && doc.cases) || [];
  const results = [];
  for (const c of cases) {
    try {
      results.push(await runCase(c));
    } catch (e) {
      results.push({ error: e && e.message ? e.message : String(e) });
    }
  }
  process.stdout.write(JSON.stringify({ results }, encode) + "\n");
}

main();
