// Front end of chapter 5's lenses widget: each country's lens value against LinkedIn per head.
import { COLOURS, createFigure } from "../../kit/chart.js";
import { defineWidget } from "../../kit/widget.js";
import { scaleLinear } from "d3-scale";
import { compute, describe, lensData, lensOf, OWN, read, short } from "./logic.js";
import { table } from "./table.js";

function createChart(container, spec) {
  const data = lensData(spec);
  const fig = createFigure(container, {
    height: 300,
    fit: true, // lower on a phone turned, so a control shares the screen with it
    margin: { top: 50, left: 46, bottom: 46, right: 18 },
    panels: [{ key: "scatter", title: "", ylabel: "LinkedIn members (per 100 people)", xlabel: "" }],
  });
  const panel = fig.panels.scatter;
  const dropped = panel.marks.append("g").attr("class", "mw-dropped");
  const dots = panel.marks.append("g").attr("class", "mw-dots");
  const names = panel.marks.append("g").attr("class", "mw-values");

  function update(result, params) {
    const lens = lensOf(spec, params.lens);
    const local = lens.key === "local";
    const all = data.countries.filter((c) => c.values[lens.key] !== null &&
      c.values[lens.key] !== undefined);
    const xmax = Math.max(...all.map((c) => c.values[lens.key]), params.own ? params.own[0] : 0);
    const ymax = Math.max(70, params.own ? params.own[1] * 1.1 : 0);
    const x = local ? scaleLinear([-0.4, 1.4], [0, panel.width])
      : scaleLinear([0, Math.max(1, xmax * 1.15)], [0, panel.width]);
    const y = scaleLinear([0, ymax], [panel.height, 0]);
    panel.setHeading(`${lens.explanation}: ${lens.short}`);
    panel.xlabel.text(local ? "Local rival (0 = not looked for, 1 = found)" :
      `${lens.measure} (${lens.unit})`);
    panel.xAxis(x, local ? { values: [0, 1], format: (d) => (d ? "found" : "not looked for") } :
      {});
    panel.yAxis(y);
    const points = result.countries.map((name, i) => ({ name, x: result.x[i], y: result.y[i] }));
    // Stack points that share a value on the yes/no lens a little apart, so each stays visible.
    const seen = {};
    for (const p of points) {
      const key = `${p.x}`;
      p.dx = local ? ((seen[key] = (seen[key] || 0) + 1) % 2 ? 1 : -1) * 10 : 0;
    }
    // Labels that would sit on one another move down a line (close points, e.g. JP and KR).
    const placed = [];
    const ys = new Map();
    for (const p of [...points].sort((a, b) => b.y - a.y)) {
      const px = x(p.x) + p.dx;
      let py = y(p.y) + 4;
      while (placed.some((q) => Math.abs(q.x - px) < 34 && Math.abs(q.y - py) < 12)) py += 12;
      placed.push({ x: px, y: py });
      ys.set(p.name, py);
    }
    const labelY = (d) => ys.get(d.name);
    const shape = (d) => (d.name === OWN ? "mw-point mw-own" : "mw-point");
    dots.selectAll("circle").data(points, (d) => d.name).join("circle")
      .attr("class", shape)
      .attr("data-country", (d) => d.name)
      .attr("data-x", (d) => d.x)
      .attr("data-value", (d) => d.y)
      .attr("r", (d) => (d.name === OWN ? 7 : 6))
      .attr("cx", (d) => x(d.x) + d.dx)
      .attr("cy", (d) => y(d.y))
      .style("fill", (d) => (d.name === "Japan" ? COLOURS.vermillion :
        d.name === OWN ? COLOURS.bg : COLOURS.blue))
      .style("stroke", (d) => (d.name === OWN ? COLOURS.ink : null))
      .style("stroke-width", (d) => (d.name === OWN ? 2 : null));
    names.selectAll("text").data(points, (d) => d.name).join("text")
      .attr("class", "mw-label")
      .attr("data-country", (d) => d.name)
      .attr("x", (d) => x(d.x) + d.dx + (d.dx < 0 ? -9 : 9))
      .attr("text-anchor", (d) => (d.dx < 0 ? "end" : "start"))
      .attr("y", (d) => labelY(d))
      .text((d) => short(d.name));
    const out = params.leave_out !== "none" ? all.filter((c) => c.name === params.leave_out) : [];
    dropped.selectAll("circle").data(out, (d) => d.name).join("circle")
      .attr("class", "mw-point mw-left-out")
      .attr("data-country", (d) => d.name)
      .attr("r", 6)
      .attr("cx", (d) => x(d.values[lens.key]))
      .attr("cy", (d) => y(d.linkedin))
      .style("fill", "none")
      .style("stroke", COLOURS.muted)
      .style("stroke-dasharray", "2 2");
  }

  return { ...fig, update, table: (result, params) => table(result, lensOf(spec, params.lens)) };
}

export default defineWidget({ read, compute, describe, createChart });
