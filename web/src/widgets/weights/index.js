// Front end of chapter 5's weights widget: the order the weights predict beside the real one.
import { COLOURS, createFigure } from "../../kit/chart.js";
import { fixed } from "../../kit/format.js";
import { defineWidget } from "../../kit/widget.js";
import { short } from "../lenses/logic.js";
import { compute, describe, predictedOrder, read } from "./logic.js";
import { table } from "./table.js";

/** Each country's predicted rank as text: tied scores share a rank, written "2=" (the order
    within a tie means nothing). */
function ranks(result, order) {
  const rank = new Map();
  order.forEach((i, k) => rank.set(i, k && result.score[i] === result.score[order[k - 1]]
    ? rank.get(order[k - 1]) : k + 1));
  const tied = (i) => order.some((j) => j !== i && result.score[j] === result.score[i]);
  return (i) => `${rank.get(i)}${tied(i) ? "=" : "."}`;
}

function createChart(container, spec) {
  const n = spec.data.countries.length;
  const fig = createFigure(container, {
    height: 74 + 30 * n,
    margin: { top: 56, left: 14, right: 14, bottom: 14 },
    panels: [{ key: "orders", title: "", ylabel: "" }],
  });
  const panel = fig.panels.orders;
  const heads = panel.marks.append("g").attr("class", "mw-heads");
  const links = panel.marks.append("g").attr("class", "mw-links");
  const left = panel.marks.append("g").attr("class", "mw-values");
  const right = panel.marks.append("g").attr("class", "mw-values");

  function update(result) {
    const order = predictedOrder(result);
    const real = result.countries.map((_c, i) => i)
      .sort((a, b) => result.linkedin[b] - result.linkedin[a] || a - b);
    const rowY = (k) => 8 + k * 30;
    const side = Math.min(150, panel.width * 0.3);
    const xl = side;
    const xr = panel.width - side;
    const rows = result.countries.map((name, i) => ({
      name, i, from: rowY(order.indexOf(i)), to: rowY(real.indexOf(i)),
      score: result.score[i], linkedin: result.linkedin[i],
    }));
    const narrow = panel.width < 420;
    const nameOf = (name) => (narrow ? short(name) : name);
    const rankText = ranks(result, order);
    panel.setHeading(Number.isNaN(result.test.rho) ? "Your weights order nothing"
      : `Predicted and real order: rank correlation ${fixed(result.test.rho, 2)}`);
    heads.selectAll("text").data(["Predicted", "Real, per 100"]).join("text")
      .attr("class", "mw-axis-label")
      .attr("x", (_d, k) => (k ? xr + 6 : xl - 6))
      .attr("text-anchor", (_d, k) => (k ? "start" : "end"))
      .attr("y", -8)
      .text((d) => d);
    const colour = (d) => (d.name === "Japan" ? COLOURS.vermillion : COLOURS.blue);
    links.selectAll("line").data(rows, (d) => d.name).join("line")
      .attr("class", "mw-line mw-link")
      .attr("data-country", (d) => d.name)
      .attr("data-value", (d) => d.linkedin)
      .attr("data-score", (d) => d.score)
      .attr("x1", xl).attr("x2", xr)
      .attr("y1", (d) => d.from).attr("y2", (d) => d.to)
      .style("stroke", colour);
    left.selectAll("text").data(rows, (d) => d.name).join("text")
      .attr("class", "mw-label")
      .attr("x", xl - 6).attr("y", (d) => d.from + 4).attr("text-anchor", "end")
      .attr("data-rank", (d) => rankText(d.i))
      .text((d) => `${rankText(d.i)} ${nameOf(d.name)}`);
    right.selectAll("text").data(rows, (d) => d.name).join("text")
      .attr("class", "mw-label")
      .attr("x", xr + 6).attr("y", (d) => d.to + 4).attr("text-anchor", "start")
      .text((d) => `${nameOf(d.name)} ${fixed(d.linkedin, 1)}`);
  }

  return { ...fig, update, table: (result) => table(result, ranks(result, predictedOrder(result))) };
}

export default defineWidget({ read, compute, describe, createChart });
