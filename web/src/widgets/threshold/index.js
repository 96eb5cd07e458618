// Front end of chapter 1's threshold widget: the adoption map and the path.
import { COLOURS, createFigure } from "../../kit/chart.js";
import { fixed } from "../../kit/format.js";
import { defineWidget } from "../../kit/widget.js";
import { scaleLinear } from "d3-scale";
import { line } from "d3-shape";
import { compute, describe, read, rounds } from "./logic.js";
import { table } from "./table.js";

function createChart(container, spec) {
  const ROUNDS = rounds(spec);
  const fig = createFigure(container, {
    panels: [
      { key: "map", title: "Adoption map", ylabel: "Would publish (%)",
        xlabel: "Peers with a profile now (%)" },
      { key: "path", title: "Path", ylabel: "With a profile (%)", xlabel: "Round" },
    ],
  });
  const { map, path } = fig.panels;
  const diag = map.marks.append("line").attr("class", "mw-ref mw-dashed");
  const curve = map.marks.append("path").attr("class", "mw-line").style("stroke", COLOURS.blue);
  const stair = map.marks.append("path").attr("class", "mw-line mw-thin mw-dotted")
    .style("stroke", COLOURS.orange);
  const eqs = map.marks.append("g").attr("class", "mw-equilibria");
  const pathLine = path.marks.append("path").attr("class", "mw-line").style("stroke", COLOURS.orange);
  const dots = path.marks.append("g").attr("class", "mw-dots");
  const end = path.marks.append("text").attr("class", "mw-label").attr("text-anchor", "end");

  function update(result) {
    const x = scaleLinear([0, 100], [0, map.width]);
    const y = scaleLinear([0, 100], [map.height, 0]);
    const xr = scaleLinear([0, ROUNDS], [0, path.width]);
    const yr = scaleLinear([0, 105], [path.height, 0]);
    map.xAxis(x, { values: [0, 20, 40, 60, 80, 100] });
    map.yAxis(y, { values: [0, 20, 40, 60, 80, 100] });
    path.xAxis(xr);
    path.yAxis(yr, { values: [0, 20, 40, 60, 80, 100] });
    diag.attr("x1", x(0)).attr("y1", y(0)).attr("x2", x(100)).attr("y2", y(100));
    const xy = line().x((d) => x(d[0])).y((d) => y(d[1]));
    curve.attr("d", xy(result.x.map((xi, i) => [100 * xi, 100 * result.F[i]])));
    const p = result.path.map((v) => 100 * v);
    const steps = [[p[0], 0]]; // start on the axis
    for (let t = 1; t < p.length; t++) steps.push([p[t - 1], p[t]], [p[t], p[t]]);
    stair.attr("d", xy(steps));
    eqs.selectAll("circle").data(result.equilibria).join("circle")
      .attr("class", (d) => `mw-eq ${d.stable ? "mw-stable" : "mw-unstable"}`)
      .attr("data-value", (d) => 100 * d.share)
      .attr("data-stable", (d) => String(d.stable))
      .attr("r", 6)
      .attr("cx", (d) => x(100 * d.share))
      .attr("cy", (d) => y(100 * d.share));
    const pts = p.map((v, t) => ({ t, v }));
    pathLine.attr("d", line().x((d) => xr(d.t)).y((d) => yr(d.v))(pts));
    dots.selectAll("circle").data(pts).join("circle")
      .attr("r", 2.5).attr("cx", (d) => xr(d.t)).attr("cy", (d) => yr(d.v))
      .attr("data-value", (d) => d.v)
      .style("fill", COLOURS.orange);
    const last = pts[pts.length - 1];
    // above the path's end, clear of its dots (below it when the path ends at the top)
    end.datum(last).attr("data-value", (d) => d.v)
      .attr("x", xr(ROUNDS - 0.3))
      .attr("y", (d) => (yr(d.v) - 14 >= 8 ? yr(d.v) - 14 : yr(d.v) + 14))
      .text((d) => `${fixed(d.v, 0)}%`);
  }

  return { ...fig, update, table };
}

export default defineWidget({ read, compute, describe, createChart });
