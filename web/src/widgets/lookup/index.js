// Front end of the introduction's look-up widget: one bar per service.
import { COLOURS, createFigure } from "../../kit/chart.js";
import { fixed } from "../../kit/format.js";
import { defineWidget } from "../../kit/widget.js";
import { scaleBand, scaleLinear } from "d3-scale";
import { barBases, compute, describe, read, services } from "./logic.js";
import { table } from "./table.js";

// No bar takes the ink colour: the 90% range line is drawn in ink over the bars.
const SERVICE_COLOURS = {
  LINE: COLOURS.green, "X (Twitter)": COLOURS.orange, Instagram: COLOURS.purple,
  Facebook: COLOURS.blue, LinkedIn: COLOURS.vermillion,
};
const CYCLE = [COLOURS.blue, COLOURS.orange, COLOURS.green, COLOURS.vermillion, COLOURS.purple];

function createChart(container, spec) {
  const names = services(spec);
  const fig = createFigure(container, {
    height: 44 + 54 * names.length + 44,
    margin: { top: 44, left: 92, right: 14 },
    panels: [{ key: "bars", title: "", xlabel: "Contacts you would find (people)" }],
  });
  const panel = fig.panels.bars;
  const bars = panel.marks.append("g").attr("class", "mw-bars");
  const ranges = panel.marks.append("g").attr("class", "mw-ranges");
  const labels = panel.marks.append("g").attr("class", "mw-values");
  const baseLabels = panel.marks.append("g").attr("class", "mw-bases");

  function update(result, params) {
    const n = result.n_cards;
    const x = scaleLinear([0, n * 1.32], [0, panel.width]);
    const y = scaleBand(result.platforms, [0, panel.height - 18]).paddingInner(0.5).paddingOuter(0.1);
    const shown = params ? barBases(spec, params.shares) : {};
    const baseOf = (name) => shown[name] || "your own setting";
    const data = result.platforms.map((name, i) => ({
      name, i, expected: result.expected[i], low: result.low[i], high: result.high[i],
    }));
    panel.setHeading(`${n} business cards: who can you find tonight?`);
    panel.xAxis(x, { format: (d) => (Number.isInteger(d) ? String(d) : "") });
    panel.yAxis(y, { grid: false });
    bars.selectAll("rect").data(data, (d) => d.name).join("rect")
      .attr("class", "mw-bar")
      .attr("data-service", (d) => d.name)
      .attr("data-value", (d) => d.expected)
      .attr("x", 0)
      .attr("y", (d) => y(d.name))
      .attr("height", y.bandwidth())
      .attr("width", (d) => x(d.expected))
      .style("fill", (d) => SERVICE_COLOURS[d.name] || CYCLE[d.i % CYCLE.length]);
    ranges.selectAll("line").data(data, (d) => d.name).join("line")
      .attr("class", "mw-range")
      .attr("data-service", (d) => d.name)
      .attr("data-low", (d) => d.low)
      .attr("data-high", (d) => d.high)
      .attr("x1", (d) => x(d.low))
      .attr("x2", (d) => x(d.high))
      .attr("y1", (d) => y(d.name) + y.bandwidth() / 2)
      .attr("y2", (d) => y(d.name) + y.bandwidth() / 2);
    labels.selectAll("text").data(data, (d) => d.name).join("text")
      .attr("class", "mw-label")
      .attr("data-service", (d) => d.name)
      .attr("data-value", (d) => d.expected)
      .text((d) => `≈ ${fixed(d.expected, 1)} of ${n}`)
      .each(function place(d) {
        const at = x(Math.max(d.high, d.expected) + 0.02 * n);
        const room = panel.width - at;
        const tooLong = room < 7.2 * this.textContent.length;
        this.setAttribute("x", tooLong ? panel.width : at);
        this.setAttribute("text-anchor", tooLong ? "end" : "start");
        this.setAttribute("y", y(d.name) + y.bandwidth() / 2);
      });
    // What each bar's share measures: the presets mix bases (a usage rate, a member count).
    baseLabels.selectAll("text").data(data, (d) => d.name).join("text")
      .attr("class", "mw-base")
      .attr("data-service", (d) => d.name)
      .attr("x", 0)
      .attr("y", (d) => y(d.name) + y.bandwidth() + 13)
      .text((d) => baseOf(d.name));
  }

  return { ...fig, update, table };
}

export default defineWidget({ read, compute, describe, createChart });
