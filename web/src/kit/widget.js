// defineWidget: the anywidget front-end module every course widget shares.
//
// The model's "spec" trait (fixed, filled by Python) says what to draw; its
// "values" trait (control name -> value) is the only state.  Each widget
// supplies pure read/compute/describe (its logic.js) and createChart, whose chart may
// say what it draws as a table (table(result, params): describe.js).
import {
  announcer, cellChanges, controlChanges, firstSentence, presetWords, tableView,
} from "./describe.js";
import { fold, h, visuallyHidden } from "./dom.js";
import { createDock } from "./dock.js";
import { buildControls, syncControls } from "./fields.js";
import { InputError } from "./inputs.js";
import { linkParams, sameValues, valuesFromHash } from "./links.js";
import { arrange } from "./phone.js";
import { refusal } from "./values.js";

export { controlLabel, valueText } from "./dom.js";
export { linkParams, snap, valuesFromHash } from "./links.js";

let instances = 0;
/* On a narrow screen (phone.js: a phone, or a phone turned) the preset note and the
   chart's caption start folded, the parts are ordered for a thumb, and the dock shows. */

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

    // Controls (fields.js); the one last moved goes in the dock (dock.js) on a phone
    const msgId = `${uid}-message`;
    const { box, controls } = buildControls({ uid, spec, msgId, current: () => current,
      commit: (next) => commit(next), touched: (name) => dock.dockTo(name) });
    root.append(box);

    // Presets, Reset: each says what it set
    const presets = h("div", { class: "mw-presets", role: "group", "aria-labelledby": `${uid}-presets` });
    presets.append(h("span", { class: "mw-presets-label", id: `${uid}-presets` },
      (spec.presets || []).length ? "Presets:" : "Settings:"));
    for (const p of spec.presets || []) {
      const b = h("button", { type: "button", class: "mw-button", "data-preset": p.name }, p.name);
      b.addEventListener("click", () => {
        commit(merge(p.values));
        settle(presetWords(spec, `Preset ${p.name}`, p.values), true);
      });
      presets.append(b);
    }
    const reset = h("button", { type: "button", class: "mw-button mw-reset", "data-action": "reset",
      title: "Back to the default settings" }, "Reset");
    reset.addEventListener("click", () => {
      const was = current;
      commit({ ...defaults });
      const changed = controlChanges(spec, was, current);
      settle(`Reset to the default settings${changed.length ? `: ${changed.join("; ")}` : " (no change)"}.`,
        true);
    });
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

    // Message (the field's error, tied to it by aria-describedby), figure, readout.  What a
    // screen reader is told as the widget moves is said once, when the input settles.
    const message = h("div", { class: "mw-message", id: msgId });
    root.append(message);
    const figure = h("figure", { class: "mw-figure" });
    const chartBox = h("div", { class: "mw-chart" });
    figure.append(chartBox);
    const changeNode = visuallyHidden(h("p", { class: "mw-change", id: `${uid}-change` }));
    const tables = tableView(uid, spec.title);
    const talk = announcer(); // in the figure, so it stays after the chart as parts are arranged
    figure.append(changeNode, talk.node);
    const caption = spec.caption ? h("figcaption", { class: "mw-caption" }) : null;
    if (caption) {
      caption.append(fold("About this chart", h("p", {}, spec.caption)));
      figure.append(caption);
    }
    root.append(figure);
    const summary = h("p", { class: "mw-summary" });
    root.append(summary);

    const dock = createDock({ uid, spec, controls, chartBox, current: () => current,
      commit: (next) => commit(next) });
    if (dock.node) root.append(dock.node);
    dock.start();

    el.append(root);
    const chart = createChart(chartBox, spec);
    chart.svg.attr("aria-describedby", changeNode.id);
    // the table's toggle under the chart (and what the chart box holds); on a phone, with
    // the widget's reading, under the readout (phone.js), so the chart and controls meet
    if (typeof chart.table === "function") chartBox.append(tables.node);
    const unarrange = arrange({ root, title: titleNode, controls: box, presets, note, share,
      message, figure, chartBox, caption, summary, dock: dock.node,
      textFirst: (spec.controls || [])[0]?.kind === "text" });

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
    let table = null;
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
      if (typeof chart.table === "function") {
        table = chart.table(result, params);
        tables.update(table);
      }
      // last, once everything is written: reading the texts' boxes lays the page out once
      if (typeof chart.fit === "function") chart.fit();
    }

    // The last setting a screen reader was told about, and the chart's numbers then.
    let told = { values: current, table: null };
    /** Say (once the input settles, or at once) what changed since the last setting. */
    function settle(prefix = "", now = false) {
      talk.say(() => {
        if (root.dataset.state === "invalid") return message.textContent;
        const changed = controlChanges(spec, told.values, current);
        const moved = cellChanges(told.table, table);
        told = { values: current, table };
        if (!prefix && !changed.length) return null;
        const since = [changed.length ? `${changed.join("; ")}.` : "",
          moved.length ? `Chart: ${moved.join("; ")}.` : ""].filter(Boolean).join(" ");
        changeNode.textContent = since ? `Since the last setting: ${since}` : "";
        return [prefix || (changed.length ? `${changed.join("; ")}.` : ""),
          firstSentence(summary.textContent)].filter(Boolean).join(" ");
      }, { now });
    }

    function refresh() {
      syncControls(controls, current);
      dock.sync();
      evaluate();
    }

    function commit(next) {
      if (sameValues(next, current) && !model.get("notice")) return;
      current = next;
      if (model.get("notice")) model.set("notice", "");
      model.set("values", next);
      model.save_changes();
      refresh(); // synchronously: input to paint in one event handler
      settle();
    }

    function onModelValues() {
      const v = model.get("values");
      if (v === current) return;
      const next = merge(v);
      if (sameValues(next, current)) return;
      current = next;
      refresh();
      settle();
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
    told = { values: current, table };
    applyHash();
    root.dataset.ready = "true";

    return () => {
      dock.stop();
      talk.stop();
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
