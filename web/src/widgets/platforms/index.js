// Front end of chapter 4's platforms widget: a local platform, a global entrant (and, if on, a
// general social network) under network effects.
// Panel 1 (two platforms): the share who would choose the entrant against the share it has,
// with the diagonal of no change, the steady states (filled stable, open tipping) and the
// start; arrows on the diagonal show which way the share moves.  With three platforms the
// steady states are not worked out: the panel says so.
// Panel 2: each platform's share of users, round by round.
import { COLOURS, createFigure, legendSwatch, select } from "../../kit/chart.js";
import { fixed } from "../../kit/format.js";
import { defineWidget } from "../../kit/widget.js";
import { scaleLinear } from "d3-scale";
import { line } from "d3-shape";
import { compute, describe, read, rounds } from "./logic.js";
import { table } from "./table.js";

const TICKS = [0, 20, 40, 60, 80, 100];
const CHAR_PX = 7.2; // a 13 px label's average character width
const SIZE = 10; // the start marker's side (px)
const LABEL_GAP = 15; // least vertical distance between two end labels (px)

const STYLE = {
  choice: { colour: COLOURS.blue, dash: null, width: 2.6 },
  local: { colour: COLOURS.vermillion, dash: "8 4", width: 2.4 },
  global: { colour: COLOURS.blue, dash: null, width: 2.6 },
  social: { colour: COLOURS.green, dash: "2 3", width: 2.8 },
};
const NAMES = { local: "local", global: "entrant", social: "social" };

/** [x, anchor] keeping a label of `text` at `x` inside a plot `width` wide. */
function place(x, text, width) {
  const half = (CHAR_PX * text.length) / 2;
  if (x - half < 0) return [0, "start"];
  if (x + half > width) return [width, "end"];
  return [x, "middle"];
}

/** A share in percent to one decimal, "100%" and "0%" without one. */
const pctText = (v) => `${fixed(v, 1).replace(/\.0$/, "")}%`;

function swatch(kind) {
  const { svg, el } = legendSwatch(14);
  if (kind === "diagonal") {
    el("line", { x1: 1, x2: 29, y1: 13, y2: 1 }, { stroke: COLOURS.muted, strokeWidth: "1.2px",
      strokeDasharray: "6 4" });
  } else if (kind === "stable") {
    el("circle", { cx: 15, cy: 7, r: 5.5, class: "mw-stable" }, { fill: COLOURS.ink });
  } else if (kind === "tipping") {
    el("circle", { cx: 15, cy: 7, r: 5, class: "mw-unstable" }, { fill: COLOURS.bg,
      stroke: COLOURS.ink, strokeWidth: "2px" });
  } else if (kind === "start") {
    el("rect", { x: 10, y: 2, width: 10, height: 10 }, { fill: COLOURS.orange,
      stroke: COLOURS.ink, strokeWidth: "1px" });
  } else {
    const st = STYLE[kind];
    el("line", { x1: 1, x2: 29, y1: 7, y2: 7, class: "mw-line" },
      { stroke: st.colour, strokeWidth: `${st.width}px`, strokeDasharray: st.dash || "" });
  }
  return svg;
}

function legendBox() {
  const box = document.createElement("ul");
  box.className = "mw-legend";
  const items = {};
  for (const [kind, text] of [
    ["choice", "Would choose the entrant"], ["diagonal", "No change (diagonal)"],
    ["stable", "Stable state"], ["tipping", "Tipping point (and dashed line)"],
    ["start", "The start"],
    ["local", "Local platform"], ["global", "Entrant"], ["social", "Social network"],
  ]) {
    const li = document.createElement("li");
    li.dataset.series = kind;
    const label = document.createElement("span");
    label.textContent = text;
    li.append(swatch(kind), label);
    box.append(li);
    items[kind] = li;
  }
  return { box, items };
}

function styled(sel, kind) {
  const st = STYLE[kind];
  sel.attr("class", "mw-line").attr("data-series", kind)
    .style("stroke", st.colour).style("stroke-width", `${st.width}px`)
    .style("stroke-dasharray", st.dash);
  return sel;
}

/** Label positions (px) near `ys`, at least LABEL_GAP apart and within [lo, hi]. */
export function spread(ys, lo, hi) {
  const order = ys.map((y, i) => [y, i]).sort((a, b) => a[0] - b[0]);
  const out = new Array(ys.length);
  let prev = -Infinity;
  for (const [y, i] of order) {
    out[i] = Math.max(y, prev + LABEL_GAP, lo);
    prev = out[i];
  }
  // pushed past the bottom: move the stack up
  let over = prev - hi;
  for (let k = order.length - 1; k >= 0 && over > 0; k--) {
    const i = order[k][1];
    out[i] -= over;
    const next = k > 0 ? out[order[k - 1][1]] : -Infinity;
    over = next + LABEL_GAP - out[i];
  }
  return out;
}

function createChart(container, spec) {
  const ROUNDS = rounds(spec);
  const fig = createFigure(container, {
    height: 350,
    margin: { top: 76, bottom: 44, right: 18 },
    panels: [
      { key: "moves", ylabel: "Would choose the entrant (%)",
        xlabel: "Entrant's share now (%)" },
      { key: "path", ylabel: "Share of users (%)", xlabel: "Round" },
    ],
  });
  const legend = legendBox();
  container.append(legend.box);
  const { moves: p1, path: p2 } = fig.panels;
  p1.setHeading("Who moves where");
  p2.setHeading("Shares over time");

  const diagonal = p1.marks.append("line").attr("class", "mw-ref mw-dashed mw-diagonal");
  const curve = styled(p1.marks.append("path"), "choice");
  const arrows = p1.marks.append("g").attr("class", "mw-arrows");
  const start = p1.marks.append("rect").attr("class", "mw-start")
    .attr("width", SIZE).attr("height", SIZE).style("fill", COLOURS.orange)
    .style("stroke", COLOURS.ink).style("stroke-width", "1px");
  const eqMarks = p1.marks.append("g").attr("class", "mw-eqs");
  const tipLabel = p1.marks.append("g").attr("class", "mw-tip-labels");
  const note = p1.marks.append("text").attr("class", "mw-note-text")
    .attr("text-anchor", "middle");

  const tipRefs = p2.marks.append("g").attr("class", "mw-tip-refs");
  const paths = p2.marks.append("g").attr("class", "mw-paths");
  const ends = p2.marks.append("g").attr("class", "mw-ends");

  function update(result) {
    const r = result;
    const two = !r.social;
    const x1 = scaleLinear([0, 100], [0, p1.width]);
    const y1 = scaleLinear([0, 100], [p1.height, 0]);
    p1.xAxis(x1, { values: TICKS });
    p1.yAxis(y1, { values: TICKS });
    diagonal.attr("x1", x1(0)).attr("y1", y1(0)).attr("x2", x1(100)).attr("y2", y1(100))
      .style("display", two ? null : "none");
    const xs = Array.from(r.x);
    const choice = Array.from(r.choice);
    curve.attr("d", two ? line().x((_d, i) => x1(100 * xs[i])).y((d) => y1(100 * d))(choice)
      : null);
    const eqs = two ? r.equilibria : [];
    eqMarks.selectAll("circle").data(eqs).join("circle")
      .attr("class", (d) => `mw-eq ${d.stable ? "mw-stable" : "mw-unstable"}`)
      .attr("data-value", (d) => 100 * d.share)
      .attr("data-stable", (d) => String(d.stable))
      .attr("data-kind", (d) => d.kind)
      .attr("r", (d) => (d.stable ? 6.5 : 6))
      .attr("cx", (d) => x1(100 * d.share)).attr("cy", (d) => y1(100 * d.share))
      .style("stroke-dasharray", (d) => (d.kind === "touch" ? "2 2" : null));
    // which way the share moves: an arrow on the diagonal between neighbouring rest points
    const rests = [0, ...eqs.map((e) => e.share), 1];
    const gaps = Array.from(r.gap);
    const arrowData = [];
    for (let i = 0; i + 1 < rests.length; i++) {
      const [a, b] = [rests[i], rests[i + 1]];
      if (x1(100 * (b - a)) < 24) continue; // no room
      const mid = (a + b) / 2;
      const g = gaps[Math.round(mid * (gaps.length - 1))];
      if (g !== 0 && Number.isFinite(g)) arrowData.push({ at: mid, up: g > 0 });
    }
    const angle = (-Math.atan2(p1.height, p1.width) * 180) / Math.PI;
    arrows.selectAll("path").data(arrowData).join("path")
      .attr("class", "mw-arrow")
      .attr("data-direction", (d) => (d.up ? "up" : "down"))
      .attr("d", "M7,0L-5,-6L-5,6Z")
      .attr("transform", (d) => `translate(${x1(100 * d.at)},${y1(100 * d.at)}) ` +
        `rotate(${d.up ? angle : angle + 180})`)
      .style("fill", COLOURS.muted);
    start.style("display", two ? null : "none").attr("data-value", 100 * r.x0)
      .attr("x", x1(100 * r.x0) - SIZE / 2).attr("y", y1(100 * r.x0) - SIZE / 2);
    const tipping = eqs.filter((e) => e.kind === "tipping");
    tipLabel.selectAll("text").data(tipping.length === 1 ? tipping : []).join("text")
      .attr("class", "mw-label mw-tip-label")
      .each(function (d) {
        const text = `tipping ${fixed(100 * d.share, 1)}%`;
        const [at, anchor] = place(x1(100 * d.share), text, p1.width);
        this.setAttribute("x", at);
        this.setAttribute("text-anchor", anchor);
        this.setAttribute("y", -14);
        this.textContent = text;
      });
    // three platforms: say why the panel is empty, on lines that fit the panel
    const words = two ? [] : ["Steady states are worked out", "for two platforms only:",
      "with a social network too,", "see the shares over time."];
    note.attr("x", p1.width / 2).attr("y", p1.height / 2 - 30);
    note.selectAll("tspan").data(words).join("tspan")
      .attr("x", p1.width / 2).attr("dy", (_d, i) => (i ? 18 : 0)).text((d) => d);

    // panel 2: the paths
    const xr = scaleLinear([0, ROUNDS], [0, p2.width]);
    const yr = scaleLinear([0, 100], [p2.height, 0]);
    p2.xAxis(xr, { values: [0, 20, 40, 60, 80, 100, 120].filter((t) => t <= ROUNDS) });
    p2.yAxis(yr, { values: TICKS });
    tipRefs.selectAll("line").data(tipping).join("line")
      .attr("class", "mw-ref mw-dashed")
      .attr("data-value", null)
      .attr("x1", 0).attr("x2", p2.width)
      .attr("y1", (d) => yr(100 * d.share)).attr("y2", (d) => yr(100 * d.share));
    const rows = r.platforms.map((name, k) => ({ name, values: Array.from(r.path[k]) }));
    paths.selectAll("path").data(rows, (d) => d.name).join("path")
      .each(function (d) { styled(select(this), d.name); })
      .attr("d", (d) => line().x((_v, t) => xr(t)).y((v) => yr(100 * v))(d.values));
    legend.items.social.style.display = two ? "none" : "";
    for (const kind of ["choice", "diagonal", "stable", "tipping", "start"]) {
      legend.items[kind].style.display = two ? "" : "none";
    }
    // end labels at the right end, clear of each other
    const last = rows.map((d) => 100 * d.values[d.values.length - 1]);
    const ys = spread(last.map((v) => yr(v) - 12), 7, p2.height - 7);
    ends.selectAll("text").data(rows, (d) => d.name).join("text")
      .attr("class", (d) => (d.name === "global" ? "mw-label mw-end" : "mw-label mw-end-other"))
      .attr("data-platform", (d) => d.name)
      .attr("data-value", (d, i) => (d.name === "global" ? last[i] : null))
      .attr("text-anchor", "end")
      .attr("x", p2.width - 4)
      .attr("y", (_d, i) => ys[i])
      .text((d, i) => `${NAMES[d.name]} ${pctText(last[i])}`);
  }

  return { ...fig, update, table: (result) => table(result, NAMES) };
}

export default defineWidget({ read, compute, describe, createChart });
