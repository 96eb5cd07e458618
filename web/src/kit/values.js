// Values no control can show, refused in the words Python uses
// (meishi.kit.controls: Control.refusal; meishi.kit.widget: CourseWidget.refusal).
// The page applies it to every value it is given (from the kernel, a saved state or a
// link) before reading them, so a value set from code gives the same message on both
// sides; a parity test holds the two to the same words.
import { plain } from "./format.js";

/** What a value is, in words (Python: kind_of). */
export function kindOf(value) {
  if (value === null || value === undefined) return "nothing";
  if (typeof value === "boolean") return "true or false";
  if (typeof value === "string") return "text";
  if (typeof value === "number") return "a number";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  return "something else";
}

/** {kind, message} for a value control `c` cannot show, else null (Python: Control.refusal). */
export function controlRefusal(c, value) {
  if (c.kind === "slider") {
    const span = `between ${plain(c.min)} and ${plain(c.max)} ${c.unit}`;
    if (typeof value !== "number") {
      return { kind: "wrong_type", message: `${c.label} must be a number ${span}; it was given ` +
        `${kindOf(value)}.` };
    }
    if (value < c.min || value > c.max) {
      return { kind: "out_of_range", message: `${c.label} must be ${span}; it was given ` +
        `${plain(value)}.` };
    }
    const steps = (value - c.min) / c.step;
    if (Math.abs(steps - Math.round(steps)) > 1e-6) {
      return { kind: "off_step", message: `${c.label} moves in steps of ${plain(c.step)} from ` +
        `${plain(c.min)}; ${plain(value)} is not on a step.` };
    }
    return null;
  }
  if (c.kind === "choice") {
    const options = (c.options || []).map((o) => o.label).join(", ");
    if (typeof value !== "string") {
      return { kind: "wrong_type", message: `${c.label}: choose one of its options ` +
        `(${options}); it was given ${kindOf(value)}.` };
    }
    if (!(c.options || []).some((o) => o.value === value)) {
      return { kind: "not_an_option", message: `${c.label}: that is not one of its options ` +
        `(${options}).` };
    }
    return null;
  }
  if (typeof value !== "string") {
    return { kind: "wrong_type", message: `${c.label} holds typed text; it was given ` +
      `${kindOf(value)}.` };
  }
  return null;
}

/** {kind, message} for the first value no control can show, else null
    (Python: CourseWidget.refusal): an unknown key, then each control in order. */
export function refusal(values, spec) {
  const controls = spec.controls || [];
  const names = controls.map((c) => c.name);
  for (const key of Object.keys(values || {})) {
    if (!names.includes(key)) {
      return { kind: "unknown_control", message: `There is no control called “${key}”; the ` +
        `controls are ${names.join(", ")}.` };
    }
  }
  for (const c of controls) {
    if (!Object.prototype.hasOwnProperty.call(values, c.name)) continue;
    const value = values[c.name];
    if (typeof value === "number" && !Number.isFinite(value)) {
      return { kind: "not_finite", message: `${c.label}: ${plain(value)} is not a number the ` +
        "control can show; the last setting is kept." };
    }
    const refused = controlRefusal(c, value);
    if (refused) return refused;
  }
  return null;
}
