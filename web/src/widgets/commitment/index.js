// Front end of chapter 3's commitment widget: stay with a partner or look among strangers.
// Panel 1: what looking outside pays (mean, ± 1 sd band) against the sure deal of staying,
// for every share of committed traders, with the tipping points and the market at the start.
// Panel 2: the share of committed traders, round by round.
import { COLOURS, createFigure, legendSwatch } from "../../kit/chart.js";
import { fixed } from "../../kit/format.js";
import { defineWidget } from "../../kit/widget.js";
import { outsidePayoff } from "../../models/commitment.js";
import { scaleLinear } from "d3-scale";
import { area, line } from "d3-shape";
import { compute, describe, read, rounds } from "./logic.js";
import { table } from "./table.js";

const TICKS = [0, 20, 40, 60, 80, 100];
const CHAR_PX = 7.2; // a 13 px label's average character width
const SIZE = 10; // the start marker's side (px)
const BAND = { fill: COLOURS.blue, fillOpacity: "0.2", stroke: "none" };

const STYLE = {
  outside: { colour: COLOURS.blue, dash: null, width: 2.6 },
  stay: { colour: COLOURS.vermillion, dash: "8 4", width: 2.4 },
  path: { colour: COLOURS.orange, dash: null, width: 2.4 },
};

/** [x, anchor] keeping a label of `text` at `x` inside a plot `width` wide. */
function place(x, text, width) {
  const half = (CHAR_PX * text.length) / 2;
  if (x - half < 0) return [0, "start"];
  if (x + half > width) return [width, "end"];
  return [x, "middle"];
}

function swatch(kind) {
  const { svg, el } = legendSwatch(14);
  if (kind === "band") {
    el("rect", { x: 1, y: 1, width: 28, height: 12, class: "mw-band" }, BAND);
  } else if (kind === "tip") {
    el("line", { x1: 15, x2: 15, y1: 0, y2: 14 }, { stroke: COLOURS.muted, strokeWidth: "1.2px",
      strokeDasharray: "3 2" });
    el("circle", { cx: 15, cy: 7, r: 5 }, { fill: COLOURS.bg, stroke: COLOURS.ink,
      strokeWidth: "2px" });
  } else if (kind === "start") {
    el("rect", { x: 10, y: 2, width: 10, height: 10, class: "mw-point" },
      { fill: COLOURS.blue });
  } else {
    const st = STYLE[kind];
    el("line", { x1: 1, x2: 29, y1: 7, y2: 7, class: "mw-line" },
      { stroke: st.colour, strokeWidth: `${st.width}px`, strokeDasharray: st.dash || "" });
  }
  return svg;
}

function legend(items) {
  const box = document.createElement("ul");
  box.className = "mw-legend";
  for (const [kind, text] of items) {
    const li = document.createElement("li");
    li.dataset.series = kind;
    const label = document.createElement("span");
    label.textContent = text;
    li.append(swatch(kind), label);
    box.append(li);
  }
  return box;
}

function styled(sel, kind) {
  const st = STYLE[kind];
  sel.attr("class", "mw-line").attr("data-series", kind)
    .style("stroke", st.colour).style("stroke-width", `${st.width}px`);
  if (st.dash) sel.style("stroke-dasharray", st.dash);
  return sel;
}

/** A share in percent to one decimal, "100%" and "0%" without one. */
const pctText = (v) => `${fixed(v, 1).replace(/\.0$/, "")}%`;

function createChart(container, spec) {
  const ROUNDS = rounds(spec);
  const fig = createFigure(container, {
    height: 340,
    margin: { top: 80, bottom: 44 },
    panels: [
      { key: "payoff", ylabel: "Payoff (points)", xlabel: "Traders committed (%)" },
      { key: "path", ylabel: "Traders committed (%)", xlabel: "Round" },
    ],
  });
  container.append(legend([
    ["outside", "Looking outside: average payoff"],
    ["band", "± 1 standard deviation (risk)"],
    ["stay", "Staying with a partner"],
    ["tip", "Tipping point (dashed lines)"],
    ["start", "The market at the start"],
    ["path", "Share committed, by round"],
  ]));
  const { payoff: p1, path: p2 } = fig.panels;
  p1.setHeading("Payoff of looking outside, by share committed");
  p2.setHeading("Share committed, round by round");
  // the axis names sit under a heading that may take two lines
  for (const p of [p1, p2]) p.ylabel.attr("y", 52);

  const band = p1.marks.append("path").attr("class", "mw-band").attr("data-series", "band")
    .style("fill", BAND.fill).style("fill-opacity", BAND.fillOpacity).style("stroke", "none");
  const stay = styled(p1.marks.append("line"), "stay");
  const curve = styled(p1.marks.append("path"), "outside");
  const tipLines = p1.marks.append("g").attr("class", "mw-tip-lines");
  const tips = p1.marks.append("g").attr("class", "mw-tips");
  const start = p1.marks.append("rect").attr("class", "mw-point mw-start")
    .attr("width", SIZE).attr("height", SIZE).style("fill", COLOURS.blue);
  const tipLabels = p1.marks.append("g").attr("class", "mw-tip-labels");
  const stayLabel = p1.marks.append("text").attr("class", "mw-label mw-stay-label");

  const tipRefs = p2.marks.append("g").attr("class", "mw-tip-refs");
  const pathLine = styled(p2.marks.append("path"), "path");
  const dots = p2.marks.append("g").attr("class", "mw-dots");
  const endLabel = p2.marks.append("text").attr("class", "mw-label mw-end")
    .attr("text-anchor", "end");

  function update(result) {
    const r = result;
    const x1 = scaleLinear([0, 100], [0, p1.width]);
    const y1 = scaleLinear([0, 100], [p1.height, 0]);
    p1.xAxis(x1, { values: TICKS });
    p1.yAxis(y1, { values: TICKS });
    const xs = Array.from(r.x);
    const sds = xs.map((x) => outsidePayoff(r.p, r.w, r.n, r.k, x, r.v0).sd);
    const means = Array.from(r.outside_curve);
    const clip = (v) => Math.min(100, Math.max(0, v));
    band.attr("d", area().x((_d, i) => x1(100 * xs[i]))
      .y0((_d, i) => y1(clip(100 * (means[i] - sds[i]))))
      .y1((_d, i) => y1(clip(100 * (means[i] + sds[i]))))(xs));
    curve.attr("d", line().x((_d, i) => x1(100 * xs[i])).y((d) => y1(100 * d))(means));
    const v0 = 100 * r.v0;
    stay.attr("data-value", v0).attr("x1", 0).attr("x2", p1.width)
      .attr("y1", y1(v0)).attr("y2", y1(v0));
    // the stay line's name, at the right end, above the line (below it if the curve is there)
    const stayText = `stay ${fixed(v0, 0)}`;
    stayLabel.attr("x", p1.width).attr("text-anchor", "end")
      .attr("y", y1(v0) + (means[means.length - 1] * 100 > v0 ? 14 : -14)).text(stayText);

    const tipping = r.equilibria.filter((e) => e.share > 0 && e.share < 1 && !e.stable);
    tipLines.selectAll("line").data(tipping).join("line")
      .attr("class", "mw-ref mw-dashed")
      .attr("x1", (d) => x1(100 * d.share)).attr("x2", (d) => x1(100 * d.share))
      .attr("y1", -8).attr("y2", p1.height);
    tips.selectAll("circle").data(tipping).join("circle")
      .attr("class", "mw-tip mw-unstable")
      .attr("data-value", (d) => 100 * d.share)
      .attr("r", 6)
      .attr("cx", (d) => x1(100 * d.share)).attr("cy", y1(v0));
    tipLabels.selectAll("text").data(tipping.length === 1 ? tipping : []).join("text")
      .attr("class", "mw-label mw-tip-label")
      .attr("data-value", (d) => 100 * d.share)
      .each(function (d) {
        const text = `tipping ${fixed(100 * d.share, 1)}%`;
        const [at, anchor] = place(x1(100 * d.share), text, p1.width);
        this.setAttribute("x", at);
        this.setAttribute("text-anchor", anchor);
        this.setAttribute("y", -16);
        this.textContent = text;
      });
    const now = outsidePayoff(r.p, r.w, r.n, r.k, r.x0, r.v0);
    start.attr("data-value", 100 * r.x0).attr("data-payoff", 100 * now.expected)
      .attr("x", x1(100 * r.x0) - SIZE / 2).attr("y", y1(100 * now.expected) - SIZE / 2);

    // panel 2: the path
    const xr = scaleLinear([0, ROUNDS], [0, p2.width]);
    const yr = scaleLinear([0, 100], [p2.height, 0]);
    p2.xAxis(xr, { values: [0, 10, 20, 30, 40, 50, 60].filter((t) => t <= ROUNDS) });
    p2.yAxis(yr, { values: TICKS });
    tipRefs.selectAll("line").data(tipping).join("line")
      .attr("class", "mw-ref mw-dashed")
      .attr("x1", 0).attr("x2", p2.width)
      .attr("y1", (d) => yr(100 * d.share)).attr("y2", (d) => yr(100 * d.share));
    const pts = Array.from(r.path, (v, t) => ({ t, v: 100 * v }));
    pathLine.attr("d", line().x((d) => xr(d.t)).y((d) => yr(d.v))(pts));
    dots.selectAll("circle").data(pts).join("circle")
      .attr("r", 2).attr("cx", (d) => xr(d.t)).attr("cy", (d) => yr(d.v))
      .style("fill", COLOURS.orange);
    const last = pts[pts.length - 1];
    // above the path's end, clear of its dots (below it when the path ends at the top)
    endLabel.attr("data-value", last.v).attr("x", p2.width)
      .attr("y", yr(last.v) - 14 >= 8 ? yr(last.v) - 14 : yr(last.v) + 14)
      .text(`${pctText(last.v)} committed`);
  }

  return { ...fig, update, table };
}

export default defineWidget({ read, compute, describe, createChart });
