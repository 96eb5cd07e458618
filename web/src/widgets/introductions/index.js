// Front end of chapter 3's introductions widget (紹介 shōkai).
// Panel 1: the network (people on fixed positions, ties as lines, bridges dashed), you
// highlighted, your direct contacts as squares, the people two steps away as triangles (or,
// under an open profile, everyone you do not know as a stranger's ring).  Panel 2: reach and
// strangers to vet under both norms, as bars.
import { COLOURS, createFigure, legendSwatch } from "../../kit/chart.js";
import { fixed } from "../../kit/format.js";
import { shortScreen } from "../../kit/phone.js";
import { defineWidget } from "../../kit/widget.js";
import { scaleBand, scaleLinear } from "d3-scale";
import { compute, describe, network, NORMS, read } from "./logic.js";
import { table } from "./table.js";

/** The chart's height on a phone turned (px): the slider fits under it and its legend. */
const SHORT_PANEL = 210;
const NORM_NAMES = { introductions: "Introductions", open: "Open profile" };
const NORM_COLOURS = { introductions: COLOURS.green, open: COLOURS.vermillion };
const MEASURES = [["reach", "reach"], ["to_vet", "strangers to vet"]];
const ROLE = {
  focal: { colour: COLOURS.ink },
  direct: { colour: COLOURS.blue },
  two_step: { colour: COLOURS.orange },
  stranger: { colour: COLOURS.vermillion },
  other: { colour: COLOURS.muted },
};
const triangle = (s) => `M0,${-s}L${s * 0.95},${s * 0.65}L${-s * 0.95},${s * 0.65}Z`;
const square = (s) => `M${-s},${-s}H${s}V${s}H${-s}Z`;

function swatch(kind) {
  const { svg, el } = legendSwatch(16);
  if (kind === "tie" || kind === "bridge") {
    el("line", { x1: 1, x2: 29, y1: 8, y2: 8 }, { stroke: COLOURS.muted, strokeWidth: "1.6px",
      strokeDasharray: kind === "bridge" ? "4 3" : "" });
  } else if (kind === "focal") {
    el("circle", { cx: 15, cy: 8, r: 7 }, { fill: "none", stroke: COLOURS.ink,
      strokeWidth: "2px" });
    el("circle", { cx: 15, cy: 8, r: 4 }, { fill: COLOURS.ink });
  } else if (kind === "direct") {
    el("path", { d: square(5), transform: "translate(15,8)", class: "mw-point" },
      { fill: ROLE.direct.colour });
  } else if (kind === "two_step") {
    el("path", { d: triangle(6.5), transform: "translate(15,9)", class: "mw-point" },
      { fill: ROLE.two_step.colour });
  } else if (kind === "stranger") {
    el("circle", { cx: 15, cy: 8, r: 4.5 }, { fill: "none", stroke: ROLE.stranger.colour,
      strokeWidth: "2px" });
  } else {
    el("circle", { cx: 15, cy: 8, r: 3 }, { fill: ROLE.other.colour });
  }
  return svg;
}

function legendBox() {
  const box = document.createElement("ul");
  box.className = "mw-legend";
  const items = {};
  for (const [kind, text] of [
    ["focal", "You"], ["direct", "Your direct contacts"],
    ["two_step", "Two steps away: can be introduced"],
    ["stranger", "Strangers who can reach you (open profile)"],
    ["other", "Everyone else"], ["tie", "Tie"], ["bridge", "Bridge between clusters"],
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

function createChart(container, spec) {
  const { grid, clusters, positions } = network(spec);
  // On a phone, no lower than 300 px: the bars' labels need the room.  Turned (a short
  // screen), the panels sit side by side and are drawn lower, so that the slider under
  // them shares the screen: the headings closer to the marks, the network a little smaller.
  const fig = createFigure(container, {
    height: 380,
    minPanel: () => (shortScreen() ? SHORT_PANEL : 300),
    margin: { top: 54, bottom: 14 },
    panels: [
      { key: "network", margin: () => ({ left: 8, right: 8,
        ...(shortScreen() ? { top: 30, bottom: 2 } : { top: 40, bottom: 8 }) }) },
      { key: "bars", margin: () => ({ left: 14, right: 40,
        ...(shortScreen() ? { top: 42, bottom: 40 } : { top: 58, bottom: 44 }) }),
        xlabel: "People" },
    ],
  });
  const legend = legendBox();
  container.append(legend.box);
  const { network: p1, bars: p2 } = fig.panels;
  p1.setHeading("Who you can reach");
  p2.setHeading("Reach and strangers to vet, by norm");

  const ties = p1.marks.append("g").attr("class", "mw-ties");
  const others = p1.marks.append("g").attr("class", "mw-people mw-others");
  const twoStep = p1.marks.append("g").attr("class", "mw-people mw-two-step");
  const direct = p1.marks.append("g").attr("class", "mw-people mw-direct");
  const focal = p1.marks.append("g").attr("class", "mw-focal");
  const ring = focal.append("circle").attr("r", 10).style("fill", "none")
    .style("stroke", COLOURS.ink).style("stroke-width", "2.5px");
  const dot = focal.append("circle").attr("r", 5.5).style("fill", COLOURS.ink);
  const you = p1.marks.append("text").attr("class", "mw-label mw-you").text("you");

  const bars = p2.marks.append("g").attr("class", "mw-bars");
  const names = p2.marks.append("g").attr("class", "mw-bar-names");
  const values = p2.marks.append("g").attr("class", "mw-values");

  function update(result) {
    const entry = grid[result.index];
    const focalId = entry.focal;
    const own = clusters[focalId];
    const contacts = new Set(entry.contacts);
    const reachable = new Set(entry.two_step_people);
    const open = result.norm === "open";
    p1.setHeading(`Who you can reach: ${fixed(result.result.bridges, 0)} bridges`);

    // panel 1: the network, square, centred in the panel
    const side = Math.max(60, Math.min(p1.width, p1.height));
    const scale = side / 2 / 1.26;
    const cx = p1.width / 2, cy = p1.height / 2 + 6;
    const px = (i) => cx + scale * positions[i][0];
    const py = (i) => cy - scale * positions[i][1];
    const mine = (u, v) => u === focalId || v === focalId;
    ties.attr("data-value", entry.edges.length)
      .attr("data-bridges", entry.edges.filter(([u, v]) => clusters[u] !== clusters[v]).length);
    // Ties as three paths (plain, bridges dashed, your own ties in ink): one element each
    // rather than hundreds of lines keeps a slider move well under a frame on slow phones.
    const segment = ([u, v]) => `M${px(u).toFixed(1)},${py(u).toFixed(1)}L${px(v).toFixed(1)},${py(v).toFixed(1)}`;
    const groups = { plain: [], bridge: [], own: [] };
    for (const e of entry.edges) {
      if (mine(...e)) groups.own.push(segment(e));
      else if (clusters[e[0]] !== clusters[e[1]]) groups.bridge.push(segment(e));
      else groups.plain.push(segment(e));
    }
    const tieStyle = {
      plain: { stroke: COLOURS.muted, opacity: 0.45, width: "1px", dash: null },
      bridge: { stroke: COLOURS.muted, opacity: 0.45, width: "1px", dash: "4 3" },
      own: { stroke: COLOURS.ink, opacity: 0.9, width: "1.8px", dash: null },
    };
    ties.selectAll("path").data(Object.keys(groups), (d) => d).join("path")
      .attr("class", (d) => (d === "bridge" ? "mw-tie mw-bridge" : "mw-tie"))
      .attr("data-kind", (d) => d)
      .attr("d", (d) => groups[d].join("") || "M0,0")
      .style("fill", "none")
      .style("stroke", (d) => tieStyle[d].stroke)
      .style("stroke-opacity", (d) => tieStyle[d].opacity)
      .style("stroke-width", (d) => tieStyle[d].width)
      .style("stroke-dasharray", (d) => tieStyle[d].dash);

    const people = positions.map((_p, i) => i);
    const rest = people.filter((i) => i !== focalId && !contacts.has(i)
      && (open || !reachable.has(i)));
    others.attr("data-role", open ? "stranger" : "other")
      .selectAll("circle").data(rest, (d) => d).join("circle")
      .attr("cx", px).attr("cy", py)
      .attr("r", open ? 3.6 : 2.8)
      .style("fill", open ? "none" : ROLE.other.colour)
      .style("stroke", open ? ROLE.stranger.colour : "none")
      .style("stroke-width", open ? "1.6px" : null);
    const steps = open ? [] : entry.two_step_people;
    twoStep.attr("data-value", steps.length)
      .selectAll("path").data(steps, (d) => d).join("path")
      .attr("class", "mw-point")
      .attr("d", triangle(6.5))
      .attr("transform", (d) => `translate(${px(d)},${py(d) + 1})`)
      .style("fill", ROLE.two_step.colour)
      .attr("data-outside", (d) => String(clusters[d] !== own));
    direct.attr("data-value", entry.contacts.length)
      .selectAll("path").data(entry.contacts, (d) => d).join("path")
      .attr("class", "mw-point")
      .attr("d", square(4.8))
      .attr("transform", (d) => `translate(${px(d)},${py(d)})`)
      .style("fill", ROLE.direct.colour)
      .attr("data-outside", (d) => String(clusters[d] !== own));
    ring.attr("cx", px(focalId)).attr("cy", py(focalId));
    dot.attr("cx", px(focalId)).attr("cy", py(focalId));
    you.attr("x", px(focalId) + 14).attr("y", py(focalId) - 12).attr("text-anchor", "start");
    legend.items.two_step.style.display = open ? "none" : "";
    legend.items.stranger.style.display = open ? "" : "none";
    legend.items.other.style.display = open ? "none" : "";

    // panel 2: reach and strangers to vet, both norms
    const rows = [];
    for (const norm of NORMS) {
      for (const [key, what] of MEASURES) {
        rows.push({ norm, key, value: result.outcomes[norm][key], chosen: norm === result.norm,
          name: `${NORM_NAMES[norm]}: ${what}${norm === result.norm ? " (chosen)" : ""}` });
      }
    }
    const top = result.result.people - 1;
    const x = scaleLinear([0, top], [0, p2.width]);
    const short = shortScreen(); // lower: thinner gaps at the ends, wider ones for the names
    const y = scaleBand(rows.map((d) => `${d.norm}-${d.key}`), [0, p2.height])
      .paddingInner(short ? 0.7 : 0.62).paddingOuter(short ? 0.15 : 0.35);
    p2.xAxis(x, { values: [0, 40, 80, top].filter((v, i, a) => a.indexOf(v) === i
      && (v === top || top - v >= 20)) });
    p2.grid.selectAll("*").remove();
    bars.selectAll("rect").data(rows, (d) => `${d.norm}-${d.key}`).join("rect")
      .attr("class", "mw-bar")
      .attr("data-norm", (d) => d.norm).attr("data-measure", (d) => d.key)
      .attr("data-value", (d) => d.value)
      .attr("x", 0).attr("y", (d) => y(`${d.norm}-${d.key}`))
      .attr("height", y.bandwidth())
      .attr("width", (d) => Math.max(d.value > 0 ? 2 : 0, x(d.value)))
      .style("fill", (d) => NORM_COLOURS[d.norm])
      .style("fill-opacity", (d) => (d.chosen ? 1 : 0.45))
      .style("stroke", (d) => (d.chosen ? COLOURS.ink : "none"))
      .style("stroke-width", "1.5px");
    names.selectAll("text").data(rows, (d) => `${d.norm}-${d.key}`).join("text")
      .attr("class", "mw-bar-name")
      .attr("x", 0).attr("y", (d) => y(`${d.norm}-${d.key}`) - 7)
      .style("font-weight", (d) => (d.chosen ? 700 : null))
      .text((d) => d.name);
    values.selectAll("text").data(rows, (d) => `${d.norm}-${d.key}`).join("text")
      .attr("class", "mw-label mw-bar-value")
      .attr("x", (d) => x(d.value) + 5)
      .attr("y", (d) => y(`${d.norm}-${d.key}`) + y.bandwidth() / 2)
      .text((d) => fixed(d.value, 0));
  }

  function tableOf(result) {
    const entry = grid[result.index];
    const bridges = entry.edges.filter(([u, v]) => clusters[u] !== clusters[v]).length;
    return table(result, { entry, bridges, names: NORM_NAMES, measures: MEASURES, norms: NORMS });
  }

  return { ...fig, update, table: tableOf };
}

export default defineWidget({ read, compute, describe, createChart });
