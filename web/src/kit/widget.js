// defineWidget: the anywidget front-end module every course widget shares.
//
// The model's "spec" trait (fixed, filled by Python) says what to draw; its
// "values" trait (control name -> value) is the only state.  Each widget
// supplies pure read/compute/describe (its logic.js) and createChart.
import { fixed } from "./format.js";
import { InputError, isBlank } from "./inputs.js";
import { arrange, narrowScreen } from "./phone.js";
import { refusal } from "./values.js";

let instances = 0;
/** Placeholders longer than this (characters) are shown as a hint under the box. */
const HINT_AS_PLACEHOLDER = 24;
/** A text control's value in a link is cut at this many times its max_chars. */
const TEXT_LINK_FACTOR = 4;
/** A slider with more steps than this gets − and + buttons (one step each):
    on a phone its track is about 200 px, several steps a pixel. */
const FINE_SLIDER_STEPS = 100;
/* On a narrow screen (phone.js: a phone, or a phone turned) the preset note and the
   chart's caption start folded, the parts are ordered for a thumb, and the dock shows. */

/** A fold (<details>) holding a long note, open except on narrow screens. */
function fold(summaryText, content) {
  const d = h("details", { class: "mw-more" });
  d.append(h("summary", {}, summaryText), content);
  d.open = !narrowScreen();
  return d;
}

function h(tag, attrs = {}, text) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === false || v == null) continue;
    if (k === "class") node.className = v;
    else node.setAttribute(k, v === true ? "" : String(v));
  }
  if (text != null) node.textContent = text;
  return node;
}

const decimalsOf = (x) => {
  const s = String(x);
  return s.includes("e") ? 10 : (s.split(".")[1] || "").length;
};

/** A slider value as the browser would hold it: clamped, on the step, no float noise. */
export function snap(value, c) {
  const min = Number(c.min), max = Number(c.max), step = Number(c.step) || 1;
  let v = Math.min(max, Math.max(min, value));
  v = min + Math.round((v - min) / step) * step;
  if (v > max) v -= step;
  return Number(v.toFixed(Math.max(decimalsOf(step), decimalsOf(min))));
}

export const controlLabel = (c) => (c.unit ? `${c.label} (${c.unit})` : c.label);
export function valueText(c, v) {
  const num = fixed(v, c.decimals ?? 1);
  if (!c.unit) return num;
  return c.unit.startsWith("%") ? `${num}${c.unit}` : `${num} ${c.unit}`;
}

function sameValues(a, b) {
  if (a === b) return true;
  if (!a || !b) return false;
  const ka = Object.keys(a), kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => a[k] === b[k]);
}

/** Control values -> URLSearchParams for a shareable link. */
export function linkParams(spec, values) {
  const params = new URLSearchParams();
  for (const c of spec.controls || []) {
    const v = values[c.name];
    if (c.kind === "slider") params.set(c.name, String(v));
    else if (!isBlank(v)) params.set(c.name, String(v));
  }
  return params;
}

/** The values a "#widget-<id>?a=1&b=2" fragment sets, or null if it is not for this widget. */
export function valuesFromHash(hash, rootId, spec, current) {
  const prefix = `#${rootId}?`;
  if (!hash || !hash.startsWith(prefix)) return null;
  const params = new URLSearchParams(hash.slice(prefix.length));
  const next = { ...current };
  for (const c of spec.controls || []) {
    if (!params.has(c.name)) continue;
    const raw = params.get(c.name);
    if (c.kind === "slider") {
      const v = Number(raw);
      if (raw.trim() !== "" && Number.isFinite(v)) next[c.name] = snap(v, c);
    } else if (c.kind === "choice") {
      // one of the options, or nothing: an unknown value is ignored, never invented
      if ((c.options || []).some((o) => o.value === raw)) next[c.name] = raw;
    } else if (c.kind === "text") {
      // a line of text, read by the widget (which says when it is too long): cut only
      // links far beyond the limit, by code points, so no character is split
      next[c.name] = Array.from(raw).slice(0, TEXT_LINK_FACTOR * (Number(c.max_chars) || 300))
        .join("");
    } else {
      next[c.name] = raw.slice(0, 200); // read as typed text: parseNumber says what is wrong
    }
  }
  return next;
}

export function defineWidget({ read, compute, describe, createChart }) {
  function render({ model, el }) {
    const spec = model.get("spec") || {};
    const wid = spec.id || "widget";
    const n = ++instances;
    const uid = `mw-${wid.replace(/[^A-Za-z0-9_-]/g, "_")}-${n}`;
    const defaults = { ...(spec.defaults || {}) };
    const merge = (v) => ({ ...defaults, ...(v || {}) });
    let current = merge(model.get("values"));

    const rootId = document.getElementById(`widget-${wid}`) ? `widget-${wid}-${n}` : `widget-${wid}`;
    const root = h("div", { class: "mw-widget", id: rootId, "data-widget": wid, role: "group",
      "aria-labelledby": `${uid}-title` });
    const titleNode = h("p", { class: "mw-title", id: `${uid}-title` }, spec.title || "");
    root.append(titleNode);

    // Controls
    const controls = {};
    const box = h("div", { class: "mw-controls" });
    const msgId = `${uid}-message`;
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
            dockTo(c.name);
            if (radio.checked) commit({ ...current, [c.name]: o.value });
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
          dockTo(c.name);
          commit({ ...current, [c.name]: Number(input.value) });
        });
        row.append(input);
        const steps = (Number(c.max) - Number(c.min)) / (Number(c.step) || 1);
        if (steps > FINE_SLIDER_STEPS) {
          // − and + move a fine slider one step, for a thumb or a pointer that cannot
          row.classList.add("mw-slider-fine");
          for (const [sign, symbol, word] of [[-1, "−", "Decrease"], [1, "+", "Increase"]]) {
            const b = h("button", { type: "button", class: "mw-button mw-step",
              "data-step": sign, "aria-label": `${word} ${c.label} by one step`,
              "aria-controls": id }, symbol);
            b.addEventListener("click", () => commit({ ...current,
              [c.name]: snap(Number(current[c.name]) + sign * (Number(c.step) || 1), c) }));
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
        input.addEventListener("input", () => commit({ ...current, [c.name]: input.value }));
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
        input.addEventListener("input", () => commit({ ...current, [c.name]: input.value }));
        wrap.append(input);
        if (hint) wrap.append(hint);
        controls[c.name] = { c, input };
      }
      box.append(wrap);
    }
    root.append(box);

    // Presets, Reset
    const presets = h("div", { class: "mw-presets", role: "group", "aria-labelledby": `${uid}-presets` });
    presets.append(h("span", { class: "mw-presets-label", id: `${uid}-presets` },
      (spec.presets || []).length ? "Presets:" : "Settings:"));
    for (const p of spec.presets || []) {
      const b = h("button", { type: "button", class: "mw-button", "data-preset": p.name }, p.name);
      b.addEventListener("click", () => commit(merge(p.values)));
      presets.append(b);
    }
    const reset = h("button", { type: "button", class: "mw-button mw-reset", "data-action": "reset",
      title: "Back to the default settings" }, "Reset");
    reset.addEventListener("click", () => commit({ ...defaults }));
    presets.append(reset);
    root.append(presets);
    const note = spec.preset_note
      ? fold("Where the presets come from", h("p", { class: "mw-note" }, spec.preset_note)) : null;
    if (note) root.append(note);

    // Shareable link (only in the book: JupyterLab's address is not the page's)
    const share = h("div", { class: "mw-share" });
    const shareButton = h("button", { type: "button", class: "mw-button mw-share-button",
      "data-action": "copy-link" }, "Copy link to this setting");
    const shareStatus = h("span", { class: "mw-share-status", role: "status", "aria-live": "polite" });
    const shareUrl = h("input", { type: "text", class: "mw-share-url", readonly: true,
      "aria-label": "Link to this setting", hidden: true });
    share.append(shareButton, shareStatus, shareUrl);
    share.hidden = typeof window === "undefined" || window.meishiWidgetHost !== "book";
    shareButton.addEventListener("click", copyLink);
    root.append(share);

    // Message, figure, readout
    const message = h("div", { class: "mw-message", id: msgId, "aria-live": "polite" });
    root.append(message);
    const figure = h("figure", { class: "mw-figure" });
    const chartBox = h("div", { class: "mw-chart" });
    figure.append(chartBox);
    const caption = spec.caption ? h("figcaption", { class: "mw-caption" }) : null;
    if (caption) {
      caption.append(fold("About this chart", h("p", {}, spec.caption)));
      figure.append(caption);
    }
    root.append(figure);
    const summary = h("p", { class: "mw-summary", "aria-live": "polite" });
    root.append(summary);

    // The dock (phones): while the chart is on screen and the control last moved is
    // not, a copy of that control (a slider, or a list for a choice) sits at the
    // bottom of the screen, so the control and the chart it changes are seen together.
    const dockable = (spec.controls || []).filter((c) => c.kind === "slider" || c.kind === "choice");
    const dock = h("div", { class: "mw-dock", role: "group", hidden: true,
      "aria-label": "The control you last moved, kept in view with the chart" });
    const dockLabel = h("label", { class: "mw-dock-label", for: `${uid}-dock` });
    const dockRow = h("div", { class: "mw-dock-row" });
    const dockInput = h("input", { type: "range", class: "mw-dock-input" });
    const dockValue = h("span", { class: "mw-value", "aria-hidden": "true" });
    const dockSelect = h("select", { class: "mw-dock-input mw-dock-select" });
    dock.append(dockLabel, dockRow);
    let docked = null;
    function dockTo(name) {
      const c = dockable.find((d) => d.name === name);
      if (!c || docked === c) return;
      docked = c;
      dockLabel.textContent = controlLabel(c);
      for (const node of [dockInput, dockSelect]) node.removeAttribute("id");
      if (c.kind === "slider") {
        for (const k of ["min", "max", "step"]) dockInput.setAttribute(k, c[k]);
        dockInput.id = `${uid}-dock`;
        dockRow.replaceChildren(dockInput, dockValue);
      } else {
        dockSelect.replaceChildren(...(c.options || []).map(
          (o) => h("option", { value: o.value }, o.label)));
        dockSelect.id = `${uid}-dock`;
        dockRow.replaceChildren(dockSelect);
      }
      syncDock();
      placeDock();
    }
    function syncDock() {
      if (!docked) return;
      const v = current[docked.name];
      if (docked.kind === "choice") {
        if (dockSelect.value !== String(v)) dockSelect.value = String(v);
        return;
      }
      if (dockInput.value !== String(v)) dockInput.value = String(v);
      const shown = valueText(docked, Number(v));
      dockValue.textContent = shown;
      dockInput.setAttribute("aria-valuetext", shown);
    }
    dockInput.addEventListener("input", () => {
      if (docked) commit({ ...current, [docked.name]: Number(dockInput.value) });
    });
    dockSelect.addEventListener("change", () => {
      if (docked) commit({ ...current, [docked.name]: dockSelect.value });
    });
    let chartSeen = false;
    const controlsSeen = new Set();
    function placeDock() {
      dock.hidden = !(docked && narrowScreen() && chartSeen && !controlsSeen.has(docked.name));
    }
    let observers = [];
    if (dockable.length && typeof IntersectionObserver === "function") {
      root.append(dock);
      // the chart counts as seen when any of it is on screen, a control only when all of it
      // is (a tall list of options half off the screen is docked)
      const watch = (target, set, whole = false) => {
        const o = new IntersectionObserver((entries) => {
          const e = entries[entries.length - 1];
          set(whole ? e.isIntersecting && e.intersectionRatio >= 0.99 : e.isIntersecting);
          placeDock();
        }, { threshold: whole ? [0, 1] : 0 });
        o.observe(target);
        observers.push(o);
      };
      watch(chartBox, (seen) => { chartSeen = seen; });
      for (const c of dockable) {
        watch(controls[c.name].input, (seen) => {
          if (seen) controlsSeen.add(c.name);
          else controlsSeen.delete(c.name);
        }, true);
      }
      dockTo(dockable[0].name);
    }

    el.append(root);
    const chart = createChart(chartBox, spec);
    const unarrange = arrange({ root, title: titleNode, controls: box, presets, note, share,
      message, figure, chartBox, caption, summary, dock: dockable.length ? dock : null,
      textFirst: (spec.controls || [])[0]?.kind === "text" });

    function syncControls() {
      for (const { c, input, readout, radios } of Object.values(controls)) {
        const v = current[c.name];
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

    function showError(err) {
      const text = err && err.message ? err.message : String(err);
      if (!err || err.name !== "InputError") console.warn(`meishi widget ${wid}:`, err);
      message.replaceChildren();
      const p = h("p", { class: "mw-alert" });
      p.append(h("strong", {}, "Check the input:"), " ", h("span", {}, text));
      message.append(p);
      root.dataset.state = "invalid";
      for (const { c, input } of Object.values(controls)) {
        if (c.kind === "choice") continue; // every option is a valid value
        if (err && err.control === c.name) input.setAttribute("aria-invalid", "true");
        else input.removeAttribute("aria-invalid");
      }
    }

    function clearError() {
      if (message.firstChild) message.replaceChildren();
      root.dataset.state = "ok";
      for (const { input } of Object.values(controls)) input.removeAttribute("aria-invalid");
    }

    let lastGood = null;
    function evaluate() {
      let params, result;
      // a value set from code that was not taken: Python says why, and so does the page
      const notice = model.get("notice");
      if (notice) {
        showError(new InputError("notice", notice));
        return;
      }
      try {
        const refused = refusal(current, spec);
        if (refused) throw new InputError(refused.kind, refused.message);
        params = read(current, spec);
        result = compute(params, spec);
      } catch (err) {
        showError(err);
        return;
      }
      const text = describe(result, params, spec);
      clearError();
      lastGood = { result, params };
      chart.update(result, params);
      chart.setLabel(text);
      summary.textContent = text;
    }

    function refresh() {
      syncControls();
      syncDock();
      evaluate();
    }

    function commit(next) {
      if (sameValues(next, current) && !model.get("notice")) return;
      current = next;
      if (model.get("notice")) model.set("notice", "");
      model.set("values", next);
      model.save_changes();
      refresh(); // synchronously: input to paint in one event handler
    }

    function onModelValues() {
      const v = model.get("values");
      if (v === current) return;
      const next = merge(v);
      if (sameValues(next, current)) return;
      current = next;
      refresh();
    }

    function copyLink() {
      const url = `${location.href.split("#")[0]}#${root.id}?${linkParams(spec, current)}`;
      try {
        history.replaceState(history.state, "", url);
      } catch (err) {
        console.warn("meishi widget: could not update the address bar", err);
      }
      const fallback = () => {
        shareUrl.hidden = false;
        shareUrl.value = url;
        shareUrl.focus();
        shareUrl.select();
        announce("Copy this link (Ctrl+C or ⌘C).");
      };
      const announce = (text) => {
        shareStatus.textContent = "";
        setTimeout(() => { shareStatus.textContent = text; }, 50);
      };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(url).then(() => {
          shareUrl.hidden = true;
          announce("Link copied");
        }, fallback);
      } else {
        fallback();
      }
    }

    function applyHash() {
      const next = valuesFromHash(location.hash, root.id, spec, current);
      if (!next) return;
      commit(next);
      const scroll = () => root.scrollIntoView({ block: "start" });
      if (typeof requestAnimationFrame === "function") requestAnimationFrame(scroll);
      else scroll();
    }

    model.on("change:values", onModelValues);
    model.on("change:notice", refresh);
    window.addEventListener("hashchange", applyHash);
    chart.onLayout(() => { if (lastGood) chart.update(lastGood.result, lastGood.params); });
    chart.layout(true);
    refresh();
    applyHash();
    root.dataset.ready = "true";

    return () => {
      for (const o of observers) o.disconnect();
      observers = [];
      unarrange();
      model.off("change:values", onModelValues);
      model.off("change:notice", refresh);
      window.removeEventListener("hashchange", applyHash);
      chart.destroy();
      root.remove();
    };
  }

  return {
    initialize() {},
    render,
  };
}
