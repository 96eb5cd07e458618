// The dock (phones): while the chart is on screen and the control last moved is
// not, a copy of that control (a slider, or a list for a choice) sits at the
// bottom of the screen, so the control and the chart it changes are seen together.
import { controlLabel, h, valueText } from "./dom.js";
import { narrowScreen } from "./phone.js";

/**
 * createDock({uid, spec, controls, chartBox, current: () => values, commit(values)})
 * -> {node (null when the widget has nothing to dock), dockTo(name), sync(), start(), stop()}
 */
export function createDock({ uid, spec, controls, chartBox, current, commit }) {
  const dockable = (spec.controls || []).filter((c) => c.kind === "slider" || c.kind === "choice");
  const node = h("div", { class: "mw-dock", role: "group", hidden: true,
    "aria-label": "The control you last moved, kept in view with the chart" });
  const dockLabel = h("label", { class: "mw-dock-label", for: `${uid}-dock` });
  const dockRow = h("div", { class: "mw-dock-row" });
  const dockInput = h("input", { type: "range", class: "mw-dock-input" });
  const dockValue = h("span", { class: "mw-value", "aria-hidden": "true" });
  const dockSelect = h("select", { class: "mw-dock-input mw-dock-select" });
  node.append(dockLabel, dockRow);
  let docked = null;
  let chartSeen = false;
  const controlsSeen = new Set();
  let observers = [];

  // a dock holding the keyboard's focus stays until the focus leaves it: hiding it would
  // leave the focus on something no longer on the screen.  Only the keyboard's: a dock
  // a finger used (focused too, but not :focus-visible) goes when the chart is scrolled
  // away, as before.
  let leaving = false;
  let stopped = false;
  function keyboardFocus() {
    if (leaving || typeof document === "undefined") return false;
    try {
      return node.querySelector(":focus-visible") !== null;
    } catch {  // a browser without :focus-visible: any focus
      return node.contains(document.activeElement);
    }
  }
  function place() {
    const wanted = docked && narrowScreen() && chartSeen && !controlsSeen.has(docked.name);
    const held = !node.hidden && narrowScreen() && keyboardFocus();
    const hidden = stopped || !(wanted || held);
    if (node.hidden === hidden) return;
    node.hidden = hidden;
    markBody();
  }
  // the page's "Back to top" moves above a shown dock (course.css: body.mw-docked); a
  // class on the body, not body:has(.mw-dock:not([hidden])), which made every change
  // inside any widget restyle the page
  function markBody() {
    if (typeof document !== "undefined" && document.body) {
      document.body.classList.toggle("mw-docked",
        Boolean(document.querySelector(".mw-dock:not([hidden])")));
    }
  }
  function sync() {
    if (!docked) return;
    const v = current()[docked.name];
    if (docked.kind === "choice") {
      if (dockSelect.value !== String(v)) dockSelect.value = String(v);
      return;
    }
    if (dockInput.value !== String(v)) dockInput.value = String(v);
    const shown = valueText(docked, Number(v));
    dockValue.textContent = shown;
    dockInput.setAttribute("aria-valuetext", shown);
  }
  function dockTo(name) {
    const c = dockable.find((d) => d.name === name);
    if (!c || docked === c) return;
    docked = c;
    dockLabel.textContent = controlLabel(c);
    for (const n of [dockInput, dockSelect]) n.removeAttribute("id");
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
    sync();
    place();
  }
  node.addEventListener("focusout", (e) => {
    // focus moving inside the dock, or the window losing focus (the focus stays put)
    if (node.contains(e.relatedTarget) || !document.hasFocus()) return;
    leaving = true;
    try { place(); } finally { leaving = false; }
  });
  dockInput.addEventListener("input", () => {
    if (docked) commit({ ...current(), [docked.name]: Number(dockInput.value) }, docked.name);
  });
  dockSelect.addEventListener("change", () => {
    if (docked) commit({ ...current(), [docked.name]: dockSelect.value }, docked.name);
  });

  /** Watch the chart and the controls (the root must be on the page). */
  function start() {
    if (!dockable.length || typeof IntersectionObserver !== "function") return false;
    stopped = false;
    // the chart counts as seen when any of it is on screen, a control only when all of it
    // is (a tall list of options half off the screen is docked)
    const watch = (target, set, whole = false) => {
      const o = new IntersectionObserver((entries) => {
        const e = entries[entries.length - 1];
        set(whole ? e.isIntersecting && e.intersectionRatio >= 0.99 : e.isIntersecting);
        place();
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
    return true;
  }
  /** Stop watching; a widget taken off the page leaves no dock, and no mark, behind. */
  function stop() {
    for (const o of observers) o.disconnect();
    observers = [];
    stopped = true;
    node.hidden = true;
    markBody();
  }
  return { node: dockable.length ? node : null, dockTo, sync, start, stop };
}
