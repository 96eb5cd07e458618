// Front end of chapter 2's impression widget: explicit or implied.
// Panel 1: impression, competence and likeability against explicitness, with the best
// explicitness and the two channels' ends.  Panel 2: the impression each channel leaves
// for every audience norm, with the current norm and the crossover.
import { COLOURS, createFigure, legendSwatch } from "../../kit/chart.js";
import { fixed } from "../../kit/format.js";
import { defineWidget } from "../../kit/widget.js";
import { impression, impressionCurve } from "../../models/impression.js";
import { linspace } from "../../models/numeric.js";
import { scaleLinear } from "d3-scale";
import { line } from "d3-shape";
import { compute, describe, read } from "./logic.js";
import { table } from "./table.js";

const TICKS = [0, 20, 40, 60, 80, 100];
// Marker labels sit in two rows above the plot (never over a curve): y in plot px.
const ROW_HIGH = -26;
const ROW_LOW = -10;
const CHAR_PX = 7.2; // a 13 px label's average character width, for keeping it in the panel
const SIZE = 10; // square and diamond side (px)

const STYLE = {
  impression: { colour: COLOURS.ink, dash: null, width: 2.8 },
  competence: { colour: COLOURS.orange, dash: "8 4", width: 2.2 },
  likeability: { colour: COLOURS.green, dash: "1.5 4", width: 2.8 },
  explicit: { colour: COLOURS.vermillion, dash: null, width: 2.4 },
  implied: { colour: COLOURS.blue, dash: "7 4", width: 2.4 },
};

/** x (px) of a label of `text` anchored at `x` in a plot `width` wide: [x, anchor]. */
export function placeLabel(x, text, width) {
  const half = (CHAR_PX * text.length) / 2;
  if (x - half < 0) return [0, "start"];
  if (x + half > width) return [width, "end"];
  return [x, "middle"];
}

const diamond = (s) => `M0,${-s}L${s},0L0,${s}L${-s},0Z`;

function swatch(kind) {
  const { svg } = legendSwatch(14);
  const ns = svg.namespaceURI;
  const st = STYLE[{ end_explicit: "explicit", end_implied: "implied" }[kind] || kind];
  if (st) {
    const l = document.createElementNS(ns, "line");
    l.setAttribute("x1", "1");
    l.setAttribute("x2", "29");
    l.setAttribute("y1", "7");
    l.setAttribute("y2", "7");
    l.setAttribute("class", "mw-line");
    l.style.stroke = st.colour;
    l.style.strokeWidth = `${st.width}px`;
    if (st.dash) l.style.strokeDasharray = st.dash;
    if (st === STYLE.likeability) l.style.strokeLinecap = "round";
    svg.append(l);
  }
  const marker = { best: "circle", end_implied: "rect", end_explicit: "path" }[kind];
  if (marker) {
    const m = document.createElementNS(ns, marker);
    m.setAttribute("class", "mw-point");
    if (marker === "circle") {
      m.setAttribute("cx", "15"); m.setAttribute("cy", "7"); m.setAttribute("r", "5");
      m.style.fill = COLOURS.ink;
    } else if (marker === "rect") {
      m.setAttribute("x", "10"); m.setAttribute("y", "2");
      m.setAttribute("width", "10"); m.setAttribute("height", "10");
      m.style.fill = STYLE.implied.colour;
    } else {
      m.setAttribute("d", diamond(6));
      m.setAttribute("transform", "translate(15,7)");
      m.style.fill = STYLE.explicit.colour;
    }
    svg.append(m);
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
  if (kind === "likeability") sel.style("stroke-linecap", "round");
  return sel;
}

function createChart(container, _spec) {
  const fig = createFigure(container, {
    height: 300,
    margin: { top: 80, bottom: 44 },
    panels: [
      { key: "explicitness", title: "Impression by explicitness", ylabel: "Score (0–100)",
        xlabel: "Explicitness (% said outright)" },
      { key: "norm", title: "Which channel wins, by audience norm",
        ylabel: "Impression (0–100)", xlabel: "Audience's modesty norm (%)" },
    ],
  });
  container.append(legend([
    ["impression", "Impression (0–100)"],
    ["competence", "Seems competent"],
    ["likeability", "Seems likeable"],
    ["best", "Best explicitness"],
    ["end_explicit", "Explicit résumé line"],
    ["end_implied", "Implied cue"],
  ]));
  const { explicitness: p1, norm: p2 } = fig.panels;

  // panel 1
  const bestLine = p1.marks.append("line").attr("class", "mw-ref mw-dashed mw-guide");
  const curves = {};
  for (const k of ["likeability", "competence", "impression"]) {
    curves[k] = styled(p1.marks.append("path"), k);
  }
  const endImplied = p1.marks.append("rect").attr("class", "mw-point mw-end")
    .attr("data-channel", "implied").attr("width", SIZE).attr("height", SIZE)
    .style("fill", STYLE.implied.colour);
  const endExplicit = p1.marks.append("path").attr("class", "mw-point mw-end")
    .attr("data-channel", "explicit").attr("d", diamond(SIZE * 0.62))
    .style("fill", STYLE.explicit.colour);
  const best = p1.marks.append("circle").attr("class", "mw-point mw-best").attr("r", 5.5)
    .style("fill", COLOURS.ink);
  const bestLabel = p1.marks.append("text").attr("class", "mw-label mw-best-label");

  // panel 2
  const crossLine = p2.marks.append("line").attr("class", "mw-ref mw-dashed mw-cross");
  const nowLine = p2.marks.append("line").attr("class", "mw-ref mw-now");
  const explicitLine = styled(p2.marks.append("path"), "explicit");
  const impliedLine = styled(p2.marks.append("path"), "implied");
  const nowImplied = p2.marks.append("rect").attr("class", "mw-point mw-now-point")
    .attr("data-channel", "implied").attr("width", SIZE).attr("height", SIZE)
    .style("fill", STYLE.implied.colour);
  const nowExplicit = p2.marks.append("path").attr("class", "mw-point mw-now-point")
    .attr("data-channel", "explicit").attr("d", diamond(SIZE * 0.62))
    .style("fill", STYLE.explicit.colour);
  const crossLabel = p2.marks.append("text").attr("class", "mw-label mw-cross-label");
  const nowLabel = p2.marks.append("text").attr("class", "mw-label mw-now-label");

  function label(sel, x, text, row, width) {
    const [at, anchor] = placeLabel(x, text, width);
    sel.attr("x", at).attr("y", row).attr("text-anchor", anchor).text(text);
  }

  // the second panel's title, shortened when the panel is too narrow for it (a phone)
  function fitHeading(panel, long, short) {
    panel.heading.text(long);
    const node = panel.heading.node();
    const width = node.getComputedTextLength ? node.getComputedTextLength() : 0;
    if (width > (panel.outerWidth || Infinity) - 8) panel.heading.text(short);
  }

  function update(result) {
    const { m, s, q } = result;
    fitHeading(p2, "Which channel wins, by audience norm", "Which channel wins, by norm");
    // panel 1: over explicitness
    const x1 = scaleLinear([0, 100], [0, p1.width]);
    const y1 = scaleLinear([0, 100], [p1.height, 0]);
    p1.xAxis(x1, { values: TICKS });
    p1.yAxis(y1, { values: TICKS });
    const c = impressionCurve(m, s, q, 101);
    for (const k of ["likeability", "competence", "impression"]) {
      const pts = c.e.map((e, i) => [100 * e, 100 * c[k][i]]);
      curves[k].attr("d", line().x((d) => x1(d[0])).y((d) => y1(d[1]))(pts));
    }
    const eStar = 100 * result.e_star;
    const iStar = 100 * result.impression_star;
    const i0 = 100 * result.impression_implied;
    const i1 = 100 * result.impression_explicit;
    bestLine.attr("data-value", eStar).attr("x1", x1(eStar)).attr("x2", x1(eStar))
      .attr("y1", ROW_LOW + 7).attr("y2", p1.height);
    best.attr("cx", x1(eStar)).attr("cy", y1(iStar)).attr("data-value", eStar)
      .attr("data-impression", iStar);
    endImplied.attr("x", x1(0) - SIZE / 2).attr("y", y1(i0) - SIZE / 2).attr("data-value", i0);
    endExplicit.attr("transform", `translate(${x1(100)},${y1(i1)})`).attr("data-value", i1);
    label(bestLabel.attr("data-value", eStar), x1(eStar), `best ${fixed(eStar, 0)}%`, ROW_LOW,
      p1.width);

    // panel 2: over the audience's norm
    const x2 = scaleLinear([0, 100], [0, p2.width]);
    const y2 = scaleLinear([0, 100], [p2.height, 0]);
    p2.xAxis(x2, { values: TICKS });
    p2.yAxis(y2, { values: TICKS });
    const ms = linspace(0, 1, 101);
    const rows = ms.map((mm) => impression(mm, s, q));
    const path = (key) => line().x((_d, i) => x2(100 * ms[i])).y((d) => y2(100 * d[key]))(rows);
    explicitLine.attr("d", path("impression_explicit"));
    impliedLine.attr("d", path("impression_implied"));
    const now = 100 * m;
    nowLine.attr("data-value", now).attr("x1", x2(now)).attr("x2", x2(now))
      .attr("y1", ROW_LOW + 7).attr("y2", p2.height);
    label(nowLabel.attr("data-value", now), x2(now), `now ${fixed(now, 0)}%`, ROW_LOW, p2.width);
    nowImplied.attr("x", x2(now) - SIZE / 2).attr("y", y2(i0) - SIZE / 2).attr("data-value", i0);
    nowExplicit.attr("transform", `translate(${x2(now)},${y2(i1)})`).attr("data-value", i1);
    const inRange = result.crossover_in_range;
    const mStar = 100 * result.crossover_norm;
    crossLine.style("display", inRange ? null : "none")
      .attr("data-value", inRange ? mStar : null)
      .attr("x1", x2(Math.min(mStar, 100))).attr("x2", x2(Math.min(mStar, 100)))
      .attr("y1", ROW_HIGH + 7).attr("y2", p2.height);
    if (inRange) {
      label(crossLabel.attr("data-value", mStar).style("display", null), x2(mStar),
        `tie at ${fixed(mStar, 1)}%`, ROW_HIGH, p2.width);
    } else {
      label(crossLabel.attr("data-value", null).style("display", null), p2.width,
        "explicit wins at every norm", ROW_HIGH, p2.width);
    }
  }

  return { ...fig, update, table };
}

export default defineWidget({ read, compute, describe, createChart });
