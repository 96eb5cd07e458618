// Front end of chapter 2's profile-line reader: points per kind of marker (an SVG bar
// chart), then, as HTML under it, the line as read with each marker highlighted, the rules
// behind the score and understated alternatives.  Every piece of the learner's text goes
// into the page through textContent / text nodes only, never as markup.
import { COLOURS, createFigure } from "../../kit/chart.js";
import { defineWidget } from "../../kit/widget.js";
import { MAX_SCORE, RULES } from "../../models/profile_reader.js";
import { scaleBand, scaleLinear } from "d3-scale";
import { byCategory, compute, describe, points, read } from "./logic.js";
import { table } from "./table.js";

/** Short names of the kinds of marker (bar labels, table, alternatives). */
export const NAMES = {
  first_person_achievement: "First person + achievement verb",
  superlative: "Superlatives",
  growth_number: "Growth numbers",
  achievement_word_ja: "Japanese achievement words",
  modesty_marker: "Modesty markers",
};
const CATEGORY_COLOURS = {
  first_person_achievement: COLOURS.vermillion, superlative: COLOURS.orange,
  growth_number: COLOURS.blue, achievement_word_ja: COLOURS.purple,
  modesty_marker: COLOURS.green,
};
const ROW = 46; // px per kind of marker
const LIMIT = 3.6; // points shown either side of zero (no kind scores more than 3)

/**
 * The cleaned line cut into plain pieces and marked pieces, by code points (the model's
 * offsets): [{text, marker?}].  A marker overlapping an earlier one is skipped.
 */
export function pieces(text, markers) {
  const cps = Array.from(text);
  const out = [];
  let at = 0;
  for (const k of [...markers].sort((a, b) => a.start - b.start)) {
    if (k.start < at || k.end > cps.length || k.end <= k.start) continue;
    if (k.start > at) out.push({ text: cps.slice(at, k.start).join("") });
    out.push({ text: cps.slice(k.start, k.end).join(""), marker: k });
    at = k.end;
  }
  if (at < cps.length) out.push({ text: cps.slice(at).join("") });
  return out;
}

function el(tag, cls, text) {
  const node = document.createElement(tag);
  if (cls) node.className = cls;
  if (text != null) node.textContent = text;
  return node;
}

function renderReading(box, result) {
  const parts = [];
  const n = result.removed;
  parts.push(el("p", "mw-reading-head", n
    ? `The line as read (${n} invisible character${n === 1 ? "" : "s"} removed):`
    : "The line as read:"));
  const lineBox = el("p", "mw-read-line");
  lineBox.setAttribute("dir", "auto");
  lineBox.dataset.removed = String(n);
  for (const piece of pieces(result.text, result.markers)) {
    if (!piece.marker) {
      lineBox.append(document.createTextNode(piece.text));
      continue;
    }
    const mark = el("mark", "mw-marker", piece.text);
    mark.dataset.category = piece.marker.category;
    mark.dataset.points = String(piece.marker.points);
    mark.style.setProperty("--mw-cat", CATEGORY_COLOURS[piece.marker.category]);
    lineBox.append(mark);
  }
  parts.push(lineBox);

  const table = el("table", "mw-rules");
  table.append(el("caption", null, "Rule → points"));
  const head = el("thead");
  const hr = el("tr");
  for (const [cls, text] of [["", "Rule (words marked)"], ["mw-points", "Points"]]) {
    const th = el("th", cls || null, text);
    th.setAttribute("scope", "col");
    hr.append(th);
  }
  head.append(hr);
  const body = el("tbody");
  const found = byCategory(result).filter((c) => c.count);
  for (const c of found) {
    const tr = el("tr");
    tr.dataset.category = c.category;
    tr.style.setProperty("--mw-cat", CATEGORY_COLOURS[c.category]);
    const rule = el("td", "mw-rule");
    rule.append(el("strong", null, `${NAMES[c.category]}: `),
      el("span", "mw-rule-words", c.markers.map((k) => `“${k.match}”`).join(", ")),
      el("span", "mw-rule-text", ` ${c.rule}`));
    const pts = el("td", "mw-points", points(c.points));
    pts.dataset.value = String(c.points);
    tr.append(rule, pts);
    body.append(tr);
  }
  if (!found.length) {
    const tr = el("tr");
    tr.append(el("td", "mw-rule", "No markers found."), el("td", "mw-points", "0"));
    body.append(tr);
  }
  const foot = el("tfoot");
  const fr = el("tr");
  const th = el("th", null, `Score (kept within 0 to ${MAX_SCORE}; ${result.register})`);
  th.setAttribute("scope", "row");
  const score = el("td", "mw-points", String(result.score));
  score.dataset.value = String(result.score);
  fr.append(th, score);
  foot.append(fr);
  table.append(head, body, foot);
  parts.push(table);

  const alt = el("div", "mw-alternatives");
  const altHead = el("p", "mw-alt-head");
  altHead.append(el("strong", null, "Understated alternatives"),
    " (a teaching device, not a measurement):");
  alt.append(altHead);
  if (result.alternatives.length) {
    const list = el("ul");
    for (const a of result.alternatives) {
      const li = el("li");
      li.dataset.category = a.category;
      li.style.setProperty("--mw-cat", CATEGORY_COLOURS[a.category]);
      const en = el("span", "mw-alt-en", a.english);
      en.setAttribute("lang", "en");
      const ja = el("span", "mw-alt-ja", a.japanese);
      ja.setAttribute("lang", "ja");
      li.append(el("strong", null, `${NAMES[a.category]}: `), en, " ", ja);
      list.append(li);
    }
    alt.append(list);
  } else {
    alt.append(el("p", "mw-alt-none", "Nothing to tone down: the line has no explicit markers."));
  }
  parts.push(alt);
  box.replaceChildren(...parts);
}

function createChart(container, spec) {
  const categories = RULES.map((r) => r.category);
  const fig = createFigure(container, {
    height: 50 + ROW * categories.length + 44,
    margin: { top: 50, left: 16, right: 16, bottom: 44 },
    panels: [{ key: "points", title: "", xlabel: "Points (right: explicit; left: modest)" }],
  });
  const panel = fig.panels.points;
  const zero = panel.marks.append("line").attr("class", "mw-ref");
  const bars = panel.marks.append("g").attr("class", "mw-bars");
  const names = panel.marks.append("g").attr("class", "mw-bar-names");
  const values = panel.marks.append("g").attr("class", "mw-values");
  const reading = el("div", "mw-reading");
  container.append(reading);

  function update(result) {
    panel.setHeading(`Score ${result.score} of ${MAX_SCORE} (${result.register})`);
    const x = scaleLinear([-LIMIT, LIMIT], [0, panel.width]);
    const y = scaleBand(categories, [0, panel.height]);
    panel.xAxis(x, { values: [-3, -2, -1, 0, 1, 2, 3], format: points });
    zero.attr("x1", x(0)).attr("x2", x(0)).attr("y1", 0).attr("y2", panel.height);
    const data = byCategory(result);
    bars.selectAll("rect").data(data, (d) => d.category).join("rect")
      .attr("class", "mw-bar")
      .attr("data-category", (d) => d.category)
      .attr("data-value", (d) => d.points)
      .attr("data-count", (d) => d.count)
      .attr("x", (d) => x(Math.min(0, d.points)))
      .attr("width", (d) => Math.abs(x(d.points) - x(0)))
      .attr("y", (d) => y(d.category) + 20)
      .attr("height", 16)
      .style("fill", (d) => CATEGORY_COLOURS[d.category]);
    names.selectAll("text").data(data, (d) => d.category).join("text")
      .attr("class", "mw-bar-name")
      .attr("x", 0)
      .attr("y", (d) => y(d.category) + 10)
      .text((d) => (d.count ? `${NAMES[d.category]} (${d.count} found)` : NAMES[d.category]));
    values.selectAll("text").data(data, (d) => d.category).join("text")
      .attr("class", "mw-label")
      .attr("data-category", (d) => d.category)
      .attr("x", (d) => (d.points < 0 ? x(d.points) - 5 : x(d.points) + 5))
      .attr("y", (d) => y(d.category) + 28)
      .attr("text-anchor", (d) => (d.points < 0 ? "end" : "start"))
      .text((d) => points(d.points));
    renderReading(reading, result);
  }

  return { ...fig, update, table: (result, params) => table(result, params, spec, NAMES) };
}

export default defineWidget({ read, compute, describe, createChart });
