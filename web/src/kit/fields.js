// A widget's controls: a slider (with − and + when fine), a radio group, a number box or a
// line of text, each named with its unit and tied to the widget's message (errors).
import { snap } from "./links.js";
import { controlLabel, h, valueText } from "./dom.js";

/** Placeholders longer than this (characters) are shown as a hint under the box. */
const HINT_AS_PLACEHOLDER = 24;
/** A slider with more steps than this gets − and + buttons (one step each):
    on a phone its track is about 200 px, several steps a pixel. */
const FINE_SLIDER_STEPS = 100;

/**
 * buildControls({uid, spec, msgId, current: () => values, commit(values, name), touched(name)})
 * -> {box, controls: {name: {c, input, readout?, radios?}}}
 */
export function buildControls({ uid, spec, msgId, current, commit, touched }) {
  const controls = {};
  const box = h("div", { class: "mw-controls" });
  for (const c of spec.controls || []) {
    const id = `${uid}-${c.name.replace(/[^A-Za-z0-9_-]/g, "_")}`;
    if (c.kind === "choice") {
      // One of a few options: a radio group (native radios: Tab reaches the chosen one,
      // the arrow keys choose another).  The group's name is unique on the page.
      const set = h("fieldset", { class: "mw-control mw-control-choice", "data-control": c.name,
        id, "aria-describedby": msgId });
      set.append(h("legend", {}, controlLabel(c)));
      const radios = [];
      for (const [i, o] of (c.options || []).entries()) {
        const rid = `${id}-${i}`;
        const row = h("div", { class: "mw-option" });
        const radio = h("input", { type: "radio", id: rid, name: `${uid}-${c.name}`,
          value: o.value });
        radio.addEventListener("change", () => {
          touched(c.name);
          if (radio.checked) commit({ ...current(), [c.name]: o.value }, c.name);
        });
        row.append(radio, h("label", { for: rid }, o.label));
        set.append(row);
        radios.push(radio);
      }
      box.append(set);
      controls[c.name] = { c, input: set, radios };
      continue;
    }
    const wrap = h("div", { class: `mw-control mw-control-${c.kind}`, "data-control": c.name });
    wrap.append(h("label", { for: id }, controlLabel(c)));
    if (c.kind === "slider") {
      const row = h("div", { class: "mw-slider-row" });
      const input = h("input", { type: "range", id, name: c.name, min: c.min, max: c.max,
        step: c.step });
      const readout = h("span", { class: "mw-value", "aria-hidden": "true" });
      input.addEventListener("input", () => {
        touched(c.name);
        commit({ ...current(), [c.name]: Number(input.value) }, c.name);
      });
      row.append(input);
      const steps = (Number(c.max) - Number(c.min)) / (Number(c.step) || 1);
      if (steps > FINE_SLIDER_STEPS) {
        // − and + move a fine slider one step, for a thumb or a pointer that cannot
        row.classList.add("mw-slider-fine");
        const by = valueText(c, Number(c.step) || 1);
        for (const [sign, symbol, word] of [[-1, "−", "Decrease"], [1, "+", "Increase"]]) {
          const b = h("button", { type: "button", class: "mw-button mw-step",
            "data-step": sign, "aria-label": `${word} ${c.label} by ${by}`,
            "aria-controls": id }, symbol);
          b.addEventListener("click", () => commit({ ...current(),
            [c.name]: snap(Number(current()[c.name]) + sign * (Number(c.step) || 1), c) }, c.name));
          if (sign < 0) row.append(b, readout);
          else row.append(b);
        }
      } else {
        row.append(readout);
      }
      wrap.append(row);
      controls[c.name] = { c, input, readout };
    } else if (c.kind === "text") {
      // A line of text (kind "text"): a textarea, its hint and length limit under it.  No
      // maxlength: a line pasted too long is explained by the widget's message, not cut.
      const hintText = [c.placeholder, c.max_chars ? `Up to ${c.max_chars} characters.` : ""]
        .filter(Boolean).join(" ");
      const hint = hintText ? h("p", { class: "mw-hint", id: `${id}-hint` }, hintText) : null;
      const input = h("textarea", { id, name: c.name, rows: 3, autocomplete: "off",
        spellcheck: "false", "aria-describedby": hint ? `${hint.id} ${msgId}` : msgId });
      input.addEventListener("input", () => commit({ ...current(), [c.name]: input.value },
        c.name));
      wrap.append(input);
      if (hint) wrap.append(hint);
      controls[c.name] = { c, input };
    } else {
      // A long hint would be clipped as a placeholder (and vanishes once typing
      // starts): it is shown under the box instead, and read with it.
      const hint = c.placeholder && c.placeholder.length > HINT_AS_PLACEHOLDER
        ? h("p", { class: "mw-hint", id: `${id}-hint` }, c.placeholder) : null;
      const input = h("input", { type: "text", id, name: c.name, inputmode: "decimal",
        autocomplete: "off", spellcheck: "false",
        placeholder: (!hint && c.placeholder) || false,
        "aria-describedby": hint ? `${hint.id} ${msgId}` : msgId });
      input.addEventListener("input", () => commit({ ...current(), [c.name]: input.value },
        c.name));
      wrap.append(input);
      if (hint) wrap.append(hint);
      controls[c.name] = { c, input };
    }
    box.append(wrap);
  }
  return { box, controls };
}

/** Show `values` in the controls (a slider's readout and aria-valuetext with its unit). */
export function syncControls(controls, values) {
  for (const { c, input, readout, radios } of Object.values(controls)) {
    const v = values[c.name];
    if (c.kind === "choice") {
      for (const radio of radios) {
        const on = radio.value === v;
        if (radio.checked !== on) radio.checked = on;
      }
    } else if (c.kind === "slider") {
      const text = String(v);
      if (input.value !== text) input.value = text;
      const shown = valueText(c, Number(v));
      readout.textContent = shown;
      input.setAttribute("aria-valuetext", shown);
    } else {
      const text = v == null ? "" : String(v);
      if (input.value !== text) input.value = text;
    }
  }
}
