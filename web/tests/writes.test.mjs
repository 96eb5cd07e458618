// kit/writes.js: d3's attr and text, writing only what differs (styles stay d3's own).  A stand-in
// element counts the writes; each case also runs d3's own setters on a second element
// and asserts that both end the same.
import assert from "node:assert/strict";
import { test } from "node:test";
import { select, selection } from "d3-selection";

const d3Own = { attr: selection.prototype.attr, style: selection.prototype.style,
  text: selection.prototype.text };
await import("../src/kit/writes.js");
const ours = { attr: selection.prototype.attr, style: selection.prototype.style,
  text: selection.prototype.text };

class Style {
  constructor(el) { this.el = el; this.map = new Map(); }
  getPropertyValue(k) { return this.map.get(k)?.[0] ?? ""; }
  getPropertyPriority(k) { return this.map.get(k)?.[1] ?? ""; }
  setProperty(k, v, p = "") { this.el.writes.push(["style", k]); this.map.set(k, [String(v), p]); }
  removeProperty(k) { this.el.writes.push(["unstyle", k]); this.map.delete(k); }
}

class El {
  constructor() { this.attrs = new Map(); this.ns = new Map(); this.childNodes = [];
    this.style = new Style(this); this.writes = []; }
  hasAttribute(k) { return this.attrs.has(k); }
  getAttribute(k) { return this.attrs.has(k) ? this.attrs.get(k) : null; }
  setAttribute(k, v) { this.writes.push(["attr", k]); this.attrs.set(k, String(v)); }
  removeAttribute(k) { this.writes.push(["unattr", k]); this.attrs.delete(k); }
  setAttributeNS(space, k, v) { this.writes.push(["attrNS", k]); this.ns.set(`${space} ${k}`, String(v)); }
  removeAttributeNS(space, k) { this.writes.push(["unattrNS", k]); this.ns.delete(`${space} ${k}`); }
  get textContent() { return this.childNodes.map((c) => c.data ?? c.textContent).join(""); }
  set textContent(v) {
    this.writes.push(["text"]);
    const s = String(v);
    this.childNodes = s === "" ? [] : [{ nodeType: 3, data: s }];
  }
  state() {
    return { attrs: [...this.attrs], ns: [...this.ns], style: [...this.style.map],
      kids: this.childNodes.map((c) => (c.nodeType === 3 ? c.data : "<element>")) };
  }
}

/** Run `steps` (each a [setter, ...args]) on one element with ours and one with d3's. */
function both(steps, setup = () => {}) {
  const a = new El(), b = new El();
  setup(a); setup(b);
  a.writes = []; b.writes = [];
  for (const [name, ...args] of steps) {
    ours[name].apply(select(a), args);
    d3Own[name].apply(select(b), args);
  }
  assert.deepEqual(a.state(), b.state());
  return a.writes;
}

test("an attribute is written when it differs and not when it is already there", () => {
  assert.deepEqual(both([["attr", "cx", 5]]), [["attr", "cx"]]);
  assert.deepEqual(both([["attr", "cx", 5], ["attr", "cx", "5"], ["attr", "cx", () => 5]]),
    [["attr", "cx"]]);
  assert.deepEqual(both([["attr", "cx", 5], ["attr", "cx", 6]]), [["attr", "cx"], ["attr", "cx"]]);
  // null removes, as d3 does
  assert.deepEqual(both([["attr", "cx", null]]), [["unattr", "cx"]]);
  assert.deepEqual(both([["attr", "cx", 1], ["attr", "cx", () => null]]),
    [["attr", "cx"], ["unattr", "cx"]]);
});

test("a function gets d3's arguments and its node", () => {
  const a = new El();
  const seen = [];
  select(a).datum("d").attr("x", function (d, i, group) { seen.push([this, d, i, group.length]); return 1; });
  assert.deepEqual(seen, [[a, "d", 0, 1]]);
});

test("a namespaced attribute and a read are d3's own", () => {
  assert.deepEqual(both([["attr", "xlink:href", "#a"], ["attr", "xlink:href", "#a"]]),
    [["attrNS", "href"], ["attrNS", "href"]]);
  const a = new El();
  a.setAttribute("r", "3");
  assert.equal(select(a).attr("r"), "3");
});

test("styles are d3's own", () => {
  assert.equal(ours.style, d3Own.style);
  assert.deepEqual(both([["style", "fill", "red"], ["style", "fill", "red"]]),
    [["style", "fill"], ["style", "fill"]]);
});

test("a text is written unless the node holds just that text", () => {
  assert.deepEqual(both([["text", "Japan"], ["text", "Japan"], ["text", () => "Japan"]]), [["text"]]);
  assert.deepEqual(both([["text", "Japan"], ["text", "Korea"]]), [["text"], ["text"]]);
  assert.deepEqual(both([["text", 7], ["text", "7"]]), [["text"]]);
  // empty: nothing to remove, or the text removed
  assert.deepEqual(both([["text", null]]), []);
  assert.deepEqual(both([["text", "x"], ["text", null]]), [["text"], ["text"]]);
  const emptyText = (el) => { el.childNodes = [{ nodeType: 3, data: "" }]; };
  assert.deepEqual(both([["text", ""]], emptyText), [["text"]]);
  // the same words in lines of their own (a fitted name's tspans): replaced, as d3 does
  const lines = (el) => { el.childNodes = [{ nodeType: 1, textContent: "Ja" }, { nodeType: 1, textContent: "pan" }]; };
  assert.deepEqual(both([["text", "Japan"]], lines), [["text"]]);
  const twoTexts = (el) => { el.childNodes = [{ nodeType: 3, data: "Ja" }, { nodeType: 3, data: "pan" }]; };
  assert.deepEqual(both([["text", "Japan"]], twoTexts), [["text"]]);
});

test("reading a text or a style is d3's own", () => {
  const a = new El();
  select(a).text("Japan").style("fill", "red");
  assert.equal(select(a).text(), "Japan");
  assert.equal(select(a).style("fill"), "red");
});
