// Front end of chapter 1's signal widget: the boss's belief and the lift.
import { COLOURS, createFigure } from "../../kit/chart.js";
import { fixed } from "../../kit/format.js";
import { controlLabel, defineWidget } from "../../kit/widget.js";
import { posteriorCurve } from "../../models/signal.js";
import { scaleLinear, scaleLog } from "d3-scale";
import { line } from "d3-shape";
import { compute, describe, read } from "./logic.js";
import { table } from "./table.js";

const XMAX = 60;
const LIFT = [0.9, 100];
const clip = (v, lo, hi) => Math.min(hi, Math.max(lo, v));
// A reference line's name is written downwards (rotate(90)): its letters lie to
// the right of the text's anchor (cap height, about 8 px at 11 px) and its
// descenders to the left (about 3 px).
const CAP = 8;
const DESCENT = 3;
const GAP = 2;
const nameAt = (x, side) => (side === "right" ? x + GAP + DESCENT : x - GAP - CAP);

/**
 * Which side of its line each reference name goes: right, unless the next line
 * is too close for it, then left if there is room there.  So two names never
 * overlap and a name never sits on a neighbouring line (when the lines leave
 * room at all).  xs: the lines' x in px.
 */
export function refSides(xs) {
  const order = xs.map((_x, i) => i).sort((a, b) => xs[a] - xs[b]);
  const sides = xs.map(() => "right");
  let used = -Infinity; // right edge of the names placed so far
  const width = CAP + DESCENT;
  order.forEach((i, k) => {
    const x = xs[i];
    const next = k + 1 < order.length ? xs[order[k + 1]] : Infinity;
    const rightFits = x + GAP + width + GAP <= next;
    const leftFits = x - GAP - width >= Math.max(used + GAP, 0);
    sides[i] = !rightFits && leftFits ? "left" : "right";
    used = sides[i] === "right" ? x + GAP + width : x;
  });
  return sides;
}

function createChart(container, spec) {
  const refs = (spec.data && spec.data.references) || [];
  const fig = createFigure(container, {
    panels: [
      { key: "belief", title: "Belief", ylabel: "Boss's belief after seeing it (%)",
        xlabel: "Workers looking to leave (%)" },
      { key: "lift", title: "Lift", ylabel: "Times more suspicious (×, log scale)",
        xlabel: "Workers looking to leave (%)" },
    ],
  });
  const { belief, lift } = fig.panels;
  const diag = belief.marks.append("line").attr("class", "mw-ref mw-dashed");
  const refLines = [belief, lift].map((p) => p.marks.append("g").attr("class", "mw-refs"));
  const refNames = belief.marks.append("g").attr("class", "mw-ref-names");
  const curve = belief.marks.append("path").attr("class", "mw-line")
    .style("stroke", COLOURS.vermillion);
  const point = belief.marks.append("circle").attr("class", "mw-point").attr("r", 5.5)
    .style("fill", COLOURS.vermillion);
  const pointLabel = belief.marks.append("text").attr("class", "mw-label");
  const liftCurve = lift.marks.append("path").attr("class", "mw-line").style("stroke", COLOURS.blue);
  const liftPoint = lift.marks.append("rect").attr("class", "mw-point").attr("width", 10)
    .attr("height", 10).style("fill", COLOURS.blue);
  const liftLabel = lift.marks.append("text").attr("class", "mw-label");

  function update(result) {
    const xb = scaleLinear([0, XMAX], [0, belief.width]);
    const yb = scaleLinear([0, 100], [belief.height, 0]);
    const xl = scaleLinear([0, XMAX], [0, lift.width]);
    const yl = scaleLog(LIFT, [lift.height, 0]);
    belief.xAxis(xb);
    belief.yAxis(yb, { values: [0, 20, 40, 60, 80, 100] });
    lift.xAxis(xl);
    lift.yAxis(yl, { values: [1, 2, 5, 10, 20, 50, 100], format: (d) => `${d}×` });
    diag.attr("x1", xb(0)).attr("y1", yb(0)).attr("x2", xb(XMAX)).attr("y2", yb(XMAX));
    [[refLines[0], xb, belief], [refLines[1], xl, lift]].forEach(([g, x, p]) => {
      g.selectAll("line").data(refs, (d) => d.name).join("line")
        .attr("class", "mw-ref mw-dotted")
        .attr("data-name", (d) => d.name)
        .attr("data-value", (d) => d.value)
        .attr("x1", (d) => x(d.value)).attr("x2", (d) => x(d.value))
        .attr("y1", 0).attr("y2", p.height);
    });
    const sides = refSides(refs.map((d) => xb(d.value)));
    refNames.selectAll("text").data(refs, (d) => d.name).join("text")
      .attr("class", "mw-ref-name")
      .attr("data-side", (_d, i) => sides[i])
      .attr("transform", (d, i) => {
        return `translate(${nameAt(xb(d.value), sides[i])},${yb(97)}) rotate(90)`;
      })
      .text((d) => d.name);

    const [b, post] = posteriorCurve(result.p_seeker, result.p_stayer, 241);
    const pts = [];
    for (let i = 1; i < b.length; i++) {
      const bi = b[i] * 100;
      if (bi <= XMAX) pts.push([bi, post[i] * 100]);
    }
    curve.attr("d", line().x((d) => xb(d[0])).y((d) => yb(d[1]))(pts));
    liftCurve.attr("d", line().x((d) => xl(d[0])).y((d) => yl(clip(d[1] / d[0], ...LIFT)))(pts));

    const datum = { x: result.base_rate * 100, y: result.posterior * 100, lift: result.lift };
    const right = datum.x > XMAX * 0.75;
    point.datum(datum).attr("cx", (d) => xb(d.x)).attr("cy", (d) => yb(d.y))
      .attr("data-value", (d) => d.y).attr("data-base-rate", (d) => d.x);
    pointLabel.datum(datum).attr("data-value", (d) => d.y)
      .attr("x", (d) => xb(d.x + (right ? -1.5 : 1.5)))
      .attr("y", (d) => yb(Math.min(d.y, 90)) - 4)
      .attr("text-anchor", right ? "end" : "start")
      .text((d) => `${fixed(d.y, 0)}%`);
    const liftNow = clip(datum.lift, ...LIFT);
    liftPoint.datum(datum).attr("x", (d) => xl(d.x) - 5).attr("y", yl(liftNow) - 5)
      .attr("data-value", (d) => d.lift);
    liftLabel.datum(datum).attr("data-value", (d) => d.lift)
      .attr("x", (d) => xl(d.x + (right ? -1.5 : 1.5)))
      .attr("y", yl(clip(liftNow * 1.1, ...LIFT)) - 4)
      .attr("text-anchor", right ? "end" : "start")
      .text((d) => `${fixed(d.lift, 1)}×`);
  }

  return { ...fig, update, table: (result, params) => table(result, params, spec) };
}

const base = defineWidget({ read, compute, describe, createChart });

/**
 * The last control touched wins: a typed base rate replaces the slider's only until the
 * learner drags the base-rate slider again (in the controls, or its copy in the phone dock),
 * which empties the box, so the chart and readout follow the slider, not a number typed
 * earlier.  Python's SignalWidget.set does the same.
 */
function render(ctx) {
  const cleanup = base.render(ctx);
  const spec = ctx.model.get("spec") || {};
  const control = (spec.controls || []).find((c) => c.name === "base_rate");
  const dockLabel = control ? controlLabel(control) : null;
  const box = ctx.el.querySelector('input[type="text"][name="own_rate"]');
  const isBaseRate = (target) => {
    if (!(target instanceof HTMLInputElement) || target.type !== "range") return false;
    if (target.name === "base_rate") return true;
    const dock = target.closest(".mw-dock");
    const label = dock && dock.querySelector(".mw-dock-label");
    return Boolean(label && label.textContent === dockLabel);
  };
  if (box) {
    // on the widget's root, after the kit's own listener has committed the slider's value
    ctx.el.addEventListener("input", (event) => {
      if (!isBaseRate(event.target) || box.value === "") return;
      box.value = "";
      box.dispatchEvent(new Event("input", { bubbles: true })); // the kit commits the emptied box
    });
  }
  return cleanup;
}

export default { ...base, render };
