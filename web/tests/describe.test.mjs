// The kit's screen-reader parts (kit/describe.js, kit/dom.js): tables, what changed, the
// announcement that settles.  A tiny stand-in for the DOM is enough for them.
import assert from "node:assert/strict";
import { test } from "node:test";

class Node {
  constructor(tag) {
    this.tagName = tag.toUpperCase();
    this.attrs = {};
    this.children = [];
    this.style = {};
    this._text = "";
    this.hidden = false;
    this.listeners = {};
  }
  setAttribute(k, v) { this.attrs[k] = String(v); if (k === "hidden") this.hidden = true; }
  getAttribute(k) { return k in this.attrs ? this.attrs[k] : null; }
  removeAttribute(k) { delete this.attrs[k]; }
  append(...nodes) { this.children.push(...nodes); }
  replaceChildren(...nodes) { this.children = nodes; }
  addEventListener(type, fn) { this.listeners[type] = fn; }
  set className(v) { this.attrs.class = v; }
  set textContent(v) { this._text = String(v); this.children = []; }
  get textContent() { return this._text + this.children.map((c) => c.textContent).join(""); }
  find(tag) {
    const out = [];
    for (const c of this.children) {
      if (c.tagName === tag.toUpperCase()) out.push(c);
      out.push(...c.find(tag));
    }
    return out;
  }
}
globalThis.document = { createElement: (tag) => new Node(tag) };

const kit = await import("../src/kit/describe.js");
const dom = await import("../src/kit/dom.js");
const { table: thresholdTable } = await import("../src/widgets/threshold/table.js");
const { widgetLogic } = await import("../src/widgets/logic-loader.js");

const SPEC = {
  controls: [
    { name: "mean", kind: "slider", label: "Mean threshold", unit: "%", decimals: 0,
      min: 0, max: 100, step: 1 },
    { name: "social", kind: "choice", label: "Social network", unit: "on or off",
      options: [{ value: "off", label: "Off" }, { value: "on", label: "On" }] },
    { name: "line", kind: "text", label: "Profile line", unit: "text" },
  ],
};

test("a control's name and value carry its unit", () => {
  assert.equal(dom.controlLabel(SPEC.controls[0]), "Mean threshold (%)");
  assert.equal(dom.valueText(SPEC.controls[0], 45), "45%");
  assert.equal(dom.valueText({ unit: "people", decimals: 1 }, 3), "3.0 people");
  assert.equal(dom.valueWords(SPEC.controls[1], "on"), "On");
  assert.equal(dom.valueWords(SPEC.controls[2], "  "), "empty");
});

test("what changed: the controls moved, with units, and the numbers that moved most", () => {
  assert.deepEqual(kit.controlChanges(SPEC, { mean: 40, social: "off", line: "a" },
    { mean: 45, social: "on", line: "b" }),
  ["Mean threshold 40% → 45%", "Social network Off → On", "Profile line edited"]);
  assert.deepEqual(kit.controlChanges(SPEC, null, { mean: 1 }), []);
  const before = { caption: "c", columns: ["Round", "Share"],
    rows: [["0", kit.pct(5)], ["1", kit.pct(10)], ["2", kit.pct(20)]] };
  const after = { caption: "c", columns: ["Round", "Share"],
    rows: [["0", kit.pct(5)], ["1", kit.pct(11)], ["2", kit.pct(40)]] };
  assert.deepEqual(kit.cellChanges(before, after),
    ["Round 2, Share: 20.0% → 40.0%", "Round 1, Share: 10.0% → 11.0%"]);
  assert.deepEqual(kit.cellChanges(before, after, 1), ["Round 2, Share: 20.0% → 40.0%"]);
  assert.deepEqual(kit.cellChanges(null, after), []);
});

test("a preset says what it sets; a readout's first sentence", () => {
  assert.equal(kit.presetWords(SPEC, "Preset Japan", { mean: 60, social: "on" }),
    "Preset Japan: sets Mean threshold to 60%, Social network to On.");
  assert.equal(kit.firstSentence("Starting from 5%, it settles at 62.5%. Stable: 62.5%."),
    "Starting from 5%, it settles at 62.5%.");
  assert.equal(kit.firstSentence("No full stop"), "No full stop");
  assert.equal(kit.firstSentence("1. Lifetime employment (years) against LinkedIn. More."),
    "1. Lifetime employment (years) against LinkedIn.");
});

test("sampleRounds keeps a short path whole and a long one readable, with its end", () => {
  assert.deepEqual(kit.sampleRounds(5), [0, 1, 2, 3, 4]);
  const long = kit.sampleRounds(121);
  assert.ok(long.length <= 32 && long[0] === 0 && long[long.length - 1] === 120, long);
});

test("a table has a caption, column and row headings, and its numbers in data-value", () => {
  const t = kit.buildTable({ caption: "Path", columns: ["Round", "Share (%)"],
    rows: [["0", kit.pct(5)], ["1", kit.num(7.25, "7.3%")]] });
  assert.equal(t.find("caption")[0].textContent, "Path");
  const ths = t.find("th");
  assert.deepEqual(ths.map((th) => th.getAttribute("scope")), ["col", "col", "row", "row"]);
  assert.deepEqual(t.find("td").map((td) => [td.getAttribute("data-value"), td.textContent]),
    [["5", "5.0%"], ["7.25", "7.3%"]]);
  const empty = kit.buildTable({ caption: "None here", columns: ["A", "B"], rows: [] });
  assert.deepEqual(empty.find("td").map((td) => td.textContent), ["—"]);
});

test("the table toggle opens and closes a named region; closed, it is hidden", () => {
  const view = kit.tableView("mw-x-1", "Widget");
  assert.equal(view.button.textContent, "Show as a table");
  assert.equal(view.button.getAttribute("aria-expanded"), "false");
  assert.equal(view.button.getAttribute("aria-controls"), "mw-x-1-table");
  assert.ok(view.box.hidden);
  view.update({ caption: "c", columns: ["a", "b"], rows: [["x", kit.pct(1)]] });
  assert.equal(view.box.children.length, 0, "a closed table is not drawn");
  view.button.listeners.click();
  assert.equal(view.box.hidden, false);
  assert.equal(view.button.getAttribute("aria-expanded"), "true");
  assert.equal(view.box.find("table").length, 1);
  view.update([{ caption: "c", columns: ["a"], rows: [] }, { caption: "d", columns: ["a"], rows: [] }]);
  assert.equal(view.box.find("table").length, 2);
  view.button.listeners.click();
  assert.ok(view.box.hidden);
});

test("the announcer says the last words once the input settles, or at once when asked", async () => {
  const talk = kit.announcer(30);
  assert.equal(talk.node.getAttribute("role"), "status");
  assert.equal(talk.node.getAttribute("aria-live"), "polite");
  const seen = [];
  let calls = 0;
  for (let i = 0; i < 20; i++) {
    talk.say(() => { calls += 1; return `value ${i}`; });
    seen.push(talk.node.textContent);
  }
  assert.deepEqual([...new Set(seen)], [""], "nothing said while the input goes on");
  await new Promise((r) => setTimeout(r, 60));
  assert.equal(talk.node.textContent, "value 19");
  assert.equal(calls, 1, "the words are made once, when said");
  talk.say("Preset A: sets x.", { now: true });
  assert.equal(talk.node.textContent, "Preset A: sets x.");
  talk.say("Preset A: sets x.", { now: true });
  assert.equal(talk.node.textContent, "Preset A: sets x.\u00a0", "the same words are said again");
  talk.say(() => null, { now: true });
  assert.equal(talk.node.textContent, "Preset A: sets x.\u00a0", "nothing new, nothing said");
  talk.say("later");
  talk.stop();
  await new Promise((r) => setTimeout(r, 60));
  assert.notEqual(talk.node.textContent, "later");
});

test("threshold: its table holds the numbers its chart draws, from compute", async () => {
  const logic = await widgetLogic("threshold");
  const spec = { data: { rounds: 25 } };
  const params = logic.read({ mean: 40, spread: 15, early: 5, start: 10 });
  const result = logic.compute(params, spec);
  const [eqs, path] = thresholdTable(result);
  assert.deepEqual(eqs.rows.map((r) => r[1].value), result.equilibria.map((e) => 100 * e.share));
  assert.deepEqual(path.rows.map((r) => r[1].value), result.path.map((v) => 100 * v));
  assert.deepEqual(path.rows.map((r) => r[0]), result.path.map((_v, t) => `${t}`));
});
