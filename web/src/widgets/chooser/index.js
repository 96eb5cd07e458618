// Front end of chapter 4's chooser: which service for which job?
// The chart: each service's score for the chosen goal as a horizontal bar, out of the most
// the goal can give, with a dashed outline for the weight of the features the table has no
// row for (not found: unknown, not a no).  Under it, as HTML, the sourced rows behind the
// leading services.  Text from the table goes into the page through textContent only.
import { COLOURS, createFigure, legendSwatch } from "../../kit/chart.js";
import { defineWidget } from "../../kit/widget.js";
import { scaleBand, scaleLinear } from "d3-scale";
import { compute, describe, goalOf, read, score } from "./logic.js";
import { table } from "./table.js";

const ROW = 42; // px per service
const COMPACT_NAME = 124; // px for the names left of the bars, in a compact chart
const SHOWN = 3; // services whose rows the table shows
const NARROW_TABLE = 520; // below this width (px) the rows take two columns

function el(tag, cls, text) {
  const node = document.createElement(tag);
  if (cls) node.className = cls;
  if (text != null) node.textContent = text;
  return node;
}

function swatch(kind) {
  const { svg } = legendSwatch(14);
  const ns = svg.namespaceURI;
  const rect = document.createElementNS(ns, "rect");
  for (const [k, v] of Object.entries({ x: 1, y: 2, width: 28, height: 10 })) {
    rect.setAttribute(k, String(v));
  }
  if (kind === "gap") {
    Object.assign(rect.style, { fill: "none", stroke: COLOURS.ink, strokeWidth: "1.5px",
      strokeDasharray: "3 2" });
  } else {
    Object.assign(rect.style, { fill: COLOURS.blue });
  }
  svg.append(rect);
  return svg;
}

function legendBox() {
  const box = el("ul", "mw-legend");
  for (const [kind, text] of [["score", "Score: needed features a sourced row supports"],
    ["gap", "Not found in the table (unknown, not a no)"]]) {
    const li = el("li");
    li.dataset.series = kind;
    li.append(swatch(kind), el("span", null, text));
    box.append(li);
  }
  return box;
}

/** A source id as text nodes that may break after its underscores, never inside a word. */
function sourceText(id) {
  const out = [];
  id.split(/(?<=_)/).forEach((part, i) => {
    if (i) out.push(document.createElement("wbr"));
    out.push(document.createTextNode(part));
  });
  return out;
}

/** The rows behind the leading services (those scoring above 0, at most SHOWN; the top one if
 *  none does): one table per service, a row per needed feature, gaps shown as gaps.  Narrow
 *  (a phone): two columns, what the table says (supports, detail, source) in the second. */
function renderRows(box, result, goal, narrow) {
  const shown = result.slice(0, SHOWN).filter((f, i) => i === 0 || f.score > 0);
  const parts = [el("p", "mw-reading-head", shown.length === 1
    ? `The sourced rows behind ${shown[0].service}, the best fit (source ids as on the book's ` +
      "Data and sources page):"
    : `The sourced rows behind the leading ${shown.length} services (source ids as on the ` +
      "book's Data and sources page):")];
  const columns = narrow
    ? [["Feature needed (weight)", "40%"], ["What the sourced table says", null]]
    : [["Feature needed (weight)", "30%"], ["Supports", "5.6em"], ["Detail", null],
      ["Source", "8.5em"]];
  for (const fit of shown) {
    const table = el("table", "mw-rules mw-evidence");
    table.dataset.service = fit.service;
    table.append(el("caption", null,
      `${fit.service}: ${score(fit.score)} of ${score(fit.top)}`));
    const head = el("thead");
    const hr = el("tr");
    for (const [text, width] of columns) {
      const th = el("th", null, text);
      th.setAttribute("scope", "col");
      th.style.overflowWrap = "normal";
      if (width) th.style.width = width;
      hr.append(th);
    }
    head.append(hr);
    const body = el("tbody");
    const rows = new Map(fit.evidence.map((e) => [e.feature, e]));
    for (const need of goal.needs) {
      const row = rows.get(need.feature);
      const tr = el("tr");
      tr.dataset.feature = need.feature;
      tr.dataset.supports = row ? row.supports : "not found";
      const feature = el("th", null, `${need.feature} (${score(need.weight)})`);
      feature.setAttribute("scope", "row");
      feature.style.fontWeight = "normal";
      feature.style.overflowWrap = "normal";
      const supports = row ? el("span", null, `${row.supports}, ${score(row.points)}`)
        : el("em", null, "not found");
      const detail = row ? row.detail : "No row in the sourced table: a gap, not a no.";
      const source = row ? sourceText(row.source_id) : [document.createTextNode("–")];
      if (narrow) {
        const says = el("td", "mw-evidence-text");
        says.style.overflowWrap = "normal";
        const src = el("span", "mw-source");
        src.style.display = "block";
        src.append("Source: ", ...source);
        says.append(supports, ": ", el("span", "mw-detail", detail), src);
        if (row) says.dataset.value = String(row.points);
        tr.append(feature, says);
      } else {
        const cell = el("td", "mw-supports");
        cell.style.overflowWrap = "normal";
        cell.append(supports);
        if (row) cell.dataset.value = String(row.points);
        const src = el("td", "mw-source");
        src.style.overflowWrap = "normal";
        src.append(...source);
        tr.append(feature, cell, el("td", "mw-detail", detail), src);
      }
      body.append(tr);
    }
    table.append(head, body);
    parts.push(table);
  }
  box.replaceChildren(...parts);
}

function createChart(container, spec) {
  const services = [...new Set(((spec.data && spec.data.table) || []).map((r) => r.service))];
  const fig = createFigure(container, {
    height: 40 + ROW * Math.max(1, services.length) + 44,
    margin: { top: 40, left: 12, right: 48, bottom: 44 },
    panels: [{ key: "scores", xlabel: "Score (weights of needs supported)" }],
  });
  container.append(legendBox());
  const panel = fig.panels.scores;
  const gaps = panel.marks.append("g").attr("class", "mw-gaps");
  const bars = panel.marks.append("g").attr("class", "mw-bars");
  const names = panel.marks.append("g").attr("class", "mw-bar-names");
  const values = panel.marks.append("g").attr("class", "mw-values");
  const reading = el("div", "mw-reading");
  container.append(reading);
  // The rows behind the scores are read below the chart. Written with the chart, a change
  // of goal made the chart wait for the layout of up to three tables (about a third of
  // the update); after the first time they are written the frame after the chart is
  // painted, the chart's update at once.
  let rowsDue = 0;
  let rowsWritten = false;
  function writeRows(result, goal, narrow) {
    const write = () => { rowsDue = 0; renderRows(reading, result, goal, narrow); };
    if (!rowsWritten || typeof requestAnimationFrame !== "function") {
      rowsWritten = true;
      write();
      return;
    }
    if (rowsDue) cancelAnimationFrame(rowsDue);
    rowsDue = requestAnimationFrame(() => { rowsDue = requestAnimationFrame(write); });
  }

  function update(result, params) {
    const goal = goalOf(spec, params);
    const top = result[0].top;
    panel.setHeading("Fit for the chosen goal");
    const y = scaleBand(result.map((f) => f.service), [0, panel.height]);
    // a row lower than a name above its bar (a phone turned, the chart fitted to the
    // screen): each name left of its bar, on one line
    const compact = y.bandwidth() < ROW - 4;
    const nameWidth = compact ? Math.min(COMPACT_NAME, panel.width * 0.4) : 0;
    const x = scaleLinear([0, top], [nameWidth, panel.width]);
    const barY = (f) => y(f.service) + (compact ? (y.bandwidth() - 15) / 2 : 20);
    panel.xAxis(x, { values: [0, 0.25, 0.5, 0.75, 1].map((t) => t * top), format: score });
    const weight = (f) => f.not_found.reduce((s, feat) =>
      s + goal.needs.find((n) => n.feature === feat).weight, 0);
    const key = (f) => f.service;
    bars.selectAll("rect").data(result, key).join("rect")
      .attr("class", "mw-bar")
      .attr("data-service", (f) => f.service)
      .attr("data-value", (f) => f.score)
      .attr("data-top", (f) => f.top)
      .attr("x", nameWidth)
      .attr("y", barY)
      .attr("height", 15)
      .attr("width", (f) => Math.max(f.score > 0 ? 2 : 0, x(f.score) - nameWidth))
      .style("fill", COLOURS.blue)
      .style("stroke", (_f, i) => (i === 0 ? COLOURS.ink : "none"))
      .style("stroke-width", "1.5px");
    gaps.selectAll("rect").data(result.filter((f) => f.not_found.length), key).join("rect")
      .attr("class", "mw-gap")
      .attr("data-service", (f) => f.service)
      .attr("data-weight", (f) => weight(f))
      .attr("x", (f) => x(f.score))
      .attr("y", barY)
      .attr("height", 15)
      .attr("width", (f) => Math.max(0, x(Math.min(top, f.score + weight(f))) - x(f.score)))
      .style("fill", "none").style("stroke", COLOURS.ink).style("stroke-width", "1.5px")
      .style("stroke-dasharray", "3 2");
    names.selectAll("text").data(result, key).join("text")
      .attr("class", "mw-bar-name")
      .attr("x", 0)
      .attr("y", (f) => (compact ? barY(f) + 8 : y(f.service) + 11))
      .attr("dominant-baseline", compact ? "middle" : null)
      .style("font-weight", (_f, i) => (i === 0 ? 700 : null))
      .text((f, i) => (i === 0 ? `${f.service} (best fit)` : f.service));
    values.selectAll("text").data(result, key).join("text")
      .attr("class", "mw-label mw-bar-value")
      .attr("data-service", (f) => f.service)
      .attr("x", (f) => x(Math.min(top, f.score + weight(f))) + 5)
      .attr("y", (f) => barY(f) + 8)
      .text((f) => score(f.score));
    // the width of the last layout (a resize lays out and updates again): no read of the
    // page's layout in the middle of writing it
    writeRows(result, goal, fig.width() < NARROW_TABLE);
  }

  return { ...fig, update, table: (result, params) => table(result, goalOf(spec, params), score) };
}

export default defineWidget({ read, compute, describe, createChart });
