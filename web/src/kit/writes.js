// d3 writes that leave a value as it is when it is already there.  Much of a widget's
// chart (a network's people, a scatter's names, the bars' names) is the same from one
// setting to the next, but d3's attr and text write each node they are given on every
// update, and the browser marks a written SVG attribute or text for layout whether or
// not its value changed.  These versions of the two setters read first and write only
// what differs (a removal, as d3 does, always); the DOM they leave is the one d3's would
// leave (tests/writes.test.mjs).  Every widget's chart module imports this through
// chart.js, so the whole bundle's d3 uses it.  Styles are left to d3: the browser
// rewrites many values (colours), so a comparison would seldom save a write.
import { namespace, selection } from "d3-selection";

const proto = selection.prototype;
const d3Attr = proto.attr;
const d3Text = proto.text;

const valueOf = (value, node, args) => (typeof value === "function"
  ? value.apply(node, args) : value);

proto.attr = function attr(name, value) {
  const full = namespace(name);
  // reading, or a namespaced name (xmlns, xlink:href): as d3 does
  if (arguments.length < 2 || typeof full !== "string") return d3Attr.apply(this, arguments);
  return this.each(function write(...args) {
    const v = valueOf(value, this, args);
    if (v == null) {
      this.removeAttribute(full);
    } else if (this.getAttribute(full) !== `${v}`) {
      this.setAttribute(full, v);
    }
  });
};

proto.text = function text(value) {
  if (!arguments.length) return d3Text.call(this);
  return this.each(function write(...args) {
    const v = valueOf(value, this, args);
    const s = v == null ? "" : `${v}`;
    const kids = this.childNodes;
    // kept only when d3 would leave the same nodes: one text node of this value, or none
    const same = kids.length === 1 ? s !== "" && kids[0].nodeType === 3 && kids[0].data === s
      : kids.length === 0 && s === "";
    if (!same) this.textContent = s;
  });
};
