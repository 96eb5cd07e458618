// The static book's widget host: renders the anywidget models that myst-nb
// saved into the page, with no kernel and no request outside the page.
//
// myst-nb writes the state once per page
//   <script type="application/vnd.jupyter.widget-state+json">{"state": {ID: {...}}}</script>
// and a view script where each widget was displayed
//   <script type="application/vnd.jupyter.widget-view+json">{"model_id": ID}</script>
// For each view of an anywidget model this imports the model's _esm (a Blob
// URL), injects its _css once, and calls initialize({model}) and render({model, el})
// with a small in-page model.  Markers for tests: each host div gets
// data-ready="true" (or data-error), and <html data-meishi-widgets="ready">
// once every view has settled.
const STATE = "application/vnd.jupyter.widget-state+json";
const VIEW = "application/vnd.jupyter.widget-view+json";

class Model {
  constructor(state) {
    this._state = { ...state };
    this._listeners = {};
  }
  get(name) { return this._state[name]; }
  set(name, value) {
    const old = this._state[name];
    this._state[name] = value;
    if (old !== value) {
      this._emit(`change:${name}`, value);
      this._emit("change");
    }
  }
  on(event, callback) {
    for (const name of String(event).split(/\s+/)) {
      (this._listeners[name] = this._listeners[name] || []).push(callback);
    }
  }
  off(event, callback) {
    if (!event) { this._listeners = {}; return; }
    for (const name of String(event).split(/\s+/)) {
      if (!callback) delete this._listeners[name];
      else this._listeners[name] = (this._listeners[name] || []).filter((f) => f !== callback);
    }
  }
  save_changes() {} // no kernel: nothing to sync
  send() {} // no kernel: custom messages go nowhere
  _emit(name, value) {
    for (const f of [...(this._listeners[name] || [])]) {
      try {
        f(this, value);
      } catch (err) {
        console.warn(`meishi widget host: a ${name} listener failed`, err);
      }
    }
  }
}

const modules = new Map(); // _esm text -> Promise<module>
const styles = new Set();
const models = new Map(); // model id -> Promise<{model, widget}>
const isUrl = (s) => /^(https?:)?\/\/|^\.{0,2}\//.test(s) && !/\n/.test(s);

function loadModule(esm) {
  if (!modules.has(esm)) {
    let url = esm;
    if (!isUrl(esm)) url = URL.createObjectURL(new Blob([esm], { type: "text/javascript" }));
    modules.set(esm, import(/* webpackIgnore: true */ url));
  }
  return modules.get(esm);
}

function addStyle(css) {
  if (!css || styles.has(css)) return;
  styles.add(css);
  let node;
  if (isUrl(css)) {
    node = document.createElement("link");
    node.rel = "stylesheet";
    node.href = css;
  } else {
    node = document.createElement("style");
    node.textContent = css;
  }
  node.dataset.meishiWidget = "";
  document.head.append(node);
}

async function widgetOf(mod) {
  let w = mod.default !== undefined ? mod.default : mod;
  if (typeof w === "function") w = await w();
  if (!w || typeof w.render !== "function") throw new Error("the module has no render()");
  return w;
}

function modelFor(id, entry) {
  if (!models.has(id)) {
    models.set(id, (async () => {
      const state = entry.state || {};
      addStyle(state._css);
      const widget = await widgetOf(await loadModule(state._esm || ""));
      const model = new Model(state);
      if (typeof widget.initialize === "function") await widget.initialize({ model });
      return { model, widget };
    })());
  }
  return models.get(id);
}

function fail(el, err) {
  console.warn("meishi widget host: a widget could not start", err);
  el.replaceChildren();
  const p = document.createElement("p");
  p.className = "mw-error";
  p.setAttribute("role", "note");
  p.textContent = "This interactive figure could not start in your browser (" +
    (err && err.message ? err.message : String(err)) + "). The text around it " +
    "describes what it shows; the notebook version runs it live.";
  el.append(p);
  el.dataset.error = "true";
}

async function renderView(script, state, cleanups) {
  let view;
  try {
    view = JSON.parse(script.textContent);
  } catch (err) {
    return; // not ours to judge: leave the page as it is
  }
  const entry = state[view && view.model_id];
  if (!entry || entry.model_module !== "anywidget") return;
  const el = document.createElement("div");
  el.className = "meishi-anywidget";
  el.dataset.modelId = view.model_id;
  script.after(el);
  try {
    const { model, widget } = await modelFor(view.model_id, entry);
    const cleanup = await widget.render({ model, el });
    if (typeof cleanup === "function") cleanups.push(cleanup);
    el.dataset.ready = "true";
  } catch (err) {
    fail(el, err);
  }
}

async function start() {
  window.meishiWidgetHost = "book";
  const state = {};
  for (const s of document.querySelectorAll(`script[type="${STATE}"]`)) {
    try {
      Object.assign(state, JSON.parse(s.textContent).state || {});
    } catch (err) {
      console.warn("meishi widget host: unreadable widget state", err);
    }
  }
  const cleanups = [];
  window.meishiWidgetCleanups = cleanups;
  const views = Array.from(document.querySelectorAll(`script[type="${VIEW}"]`));
  await Promise.all(views.map((v) => renderView(v, state, cleanups).catch((err) => {
    console.warn("meishi widget host:", err);
  })));
  // When every widget responds, for the benchmark (ms since navigation start).
  if (window.performance && performance.mark) performance.mark("meishi-widgets-ready");
  document.documentElement.dataset.meishiWidgets = "ready";
}

if (!window.meishiWidgetHostStarted) {
  window.meishiWidgetHostStarted = true;
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", () => { start(); }, { once: true });
  } else {
    start();
  }
}
