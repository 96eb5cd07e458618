// Chapter 1: what does a polished profile tell the boss?
// Pure (no DOM): read -> compute -> describe, as meishi's SignalWidget does.
import { fixed } from "../../kit/format.js";
import { isBlank, readTyped } from "../../kit/inputs.js";
import { signal } from "../../models/signal.js";

/** Slider values as probabilities; a typed share, if any, replaces the slider's. */
export function read(values, spec) {
  const params = {
    base_rate: Number(values.base_rate) / 100,
    p_seeker: Number(values.p_seeker) / 100,
    p_stayer: Number(values.p_stayer) / 100,
  };
  const typed = values.own_rate == null ? "" : String(values.own_rate);
  if (!isBlank(typed)) {
    params.base_rate = readTyped(values, spec, "own_rate") / 100;
  }
  return params;
}

export function compute(params) {
  return signal(params.base_rate, params.p_seeker, params.p_stayer);
}

export function describe(result) {
  const ratio = Number.isFinite(result.likelihood_ratio) || Number.isNaN(result.likelihood_ratio)
    ? fixed(result.likelihood_ratio, 1) : "infinite (stayers never polish)";
  return `With ${fixed(100 * result.base_rate, 1)}% of workers looking to leave, a boss who sees a ` +
    `polished profile should think there is a ${fixed(100 * result.posterior, 0)}% chance ` +
    `its owner is leaving: ${fixed(result.lift, 1)} times the chance for an average ` +
    `colleague. Seekers polish ${ratio} times as often as stayers (the likelihood ` +
    "ratio).";
}
