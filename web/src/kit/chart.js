// Shared chart helpers (d3): one responsive SVG per widget holding one or two
// panels, side by side when the figure is wide and stacked when narrow.  The
// SVG's viewBox follows the figure's measured width, so text keeps its CSS
// pixel size (>= 11 px) on a phone.  Colours come from CSS custom properties
// (widgets.css), so the chart follows the page's light or dark theme.
import { axisBottom, axisLeft } from "d3-axis";
import { select } from "d3-selection";
import "./writes.js"; // d3 writes only what differs
import { narrowScreen } from "./phone.js";
import { fitTexts, watchTextMetrics } from "./fit.js";

/** A setting given as a value or as a function of the screen, read at each layout. */
const now = (v) => (typeof v === "function" ? v() : v);

export { select };

const SVG_NS = "http://www.w3.org/2000/svg";
/** Okabe–Ito colours as CSS values; "ink" is the theme's text colour. */
export const COLOURS = {
  blue: "var(--mw-blue)", orange: "var(--mw-orange)", green: "var(--mw-green)",
  vermillion: "var(--mw-vermillion)", sky: "var(--mw-sky)", purple: "var(--mw-purple)",
  ink: "var(--mw-ink)", muted: "var(--mw-muted)", bg: "var(--mw-bg)",
};
/** Below this figure width (px) two panels are stacked. */
export const NARROW = 560;
const DEFAULT_WIDTH = 680;
/** On a phone a figure of two panels is made low enough for its legend and a control
    to share the screen with it: the sticky page header and a control (CSS px) are kept
    free, and no panel is drawn lower than MIN_PANEL. */
const PHONE_HEADER = 60;
const PHONE_CONTROL = 130;
const MIN_PANEL = 170;

/** A panel's height: ``height``, or lower on a phone (see PHONE_CONTROL; a phone turned
    puts the controls beside the chart, phone.js, so none is kept free under it). */
function panelHeight(container, height, rows, least = MIN_PANEL) {
  if (!narrowScreen() || typeof window === "undefined") return height;
  let legend = 0;
  for (const node of container.querySelectorAll(":scope > .mw-legend")) {
    legend += node.getBoundingClientRect().height;
  }
  const control = container.closest(".mw-beside") ? 0 : PHONE_CONTROL;
  const room = window.innerHeight - PHONE_HEADER - control - legend;
  return Math.max(least, Math.min(height, Math.floor(room / rows)));
}

/** A page-wide unique id.  Each widget's bundle has its own copy of this module,
 * so a module-level counter would give two widgets on one page the same
 * "mw-fig-1-title", and the second chart's aria-labelledby would name the
 * first chart's readout.  The counter lives on globalThis instead. */
function nextFigureId() {
  const g = globalThis;
  g.__meishiFigureCount = (g.__meishiFigureCount || 0) + 1;
  return `mw-fig-${g.__meishiFigureCount}`;
}

/**
 * createFigure(container, {panels: [{key, title, ylabel, xlabel}], height, margin, fit})
 * (fit: a one-panel figure made lower on a phone too, as two-panel figures always are;
 * minPanel: no panel lower than this on a phone, for one whose labels need the room;
 * minPanel and a panel's margin may be functions, read at each layout, so that a phone
 * turned gets its own)
 * -> {svg, panels: {key: panel}, setLabel(text), fit(), width(), onLayout(fn), layout(),
 *     destroy()}
 * panel: {g, plot, marks, width, height (inner size), xAxis(scale, opts), yAxis(scale, opts)}
 */
export function createFigure(container, { panels, height = 270, margin = {}, fit = false,
  minPanel = MIN_PANEL }) {
  const id = nextFigureId();
  const m = { top: 46, right: 14, bottom: 42, left: 46, ...margin };
  const svg = select(container).append("svg")
    .attr("xmlns", SVG_NS)
    .attr("class", "mw-svg")
    .attr("role", "img")
    .attr("aria-labelledby", `${id}-title`)
    .attr("preserveAspectRatio", "xMinYMin meet");
  const title = svg.append("title").attr("id", `${id}-title`);
  const out = { svg, panels: {}, list: [] };
  for (const p of panels) {
    const g = svg.append("g").attr("class", "mw-panel").attr("data-panel", p.key);
    const panel = {
      key: p.key, g, margin: { ...m, ...(now(p.margin) || {}) },
      heading: g.append("text").attr("class", "mw-panel-title").attr("x", 0).attr("y", 15)
        .text(p.title || ""),
      ylabel: g.append("text").attr("class", "mw-axis-label").attr("x", 0).attr("y", 33)
        .text(p.ylabel || ""),
      plot: g.append("g").attr("class", "mw-plot"),
    };
    panel.grid = panel.plot.append("g").attr("class", "mw-grid");
    panel.xg = panel.plot.append("g").attr("class", "mw-axis mw-axis-x");
    panel.yg = panel.plot.append("g").attr("class", "mw-axis mw-axis-y");
    panel.xlabel = panel.plot.append("text").attr("class", "mw-axis-label")
      .attr("text-anchor", "middle").text(p.xlabel || "");
    panel.marks = panel.plot.append("g").attr("class", "mw-marks");
    // Axes are redrawn only when what they show changes: most widgets keep
    // fixed scales, and rebuilding every tick on every input is the largest
    // part of an update on a slow CPU.
    const unchanged = (slot, scale, opts) => {
      const key = JSON.stringify([scale.domain(), scale.range(), opts.ticks ?? null,
        opts.values ?? null, opts.grid ?? null, panel.width, panel.height]);
      const same = panel[slot] && panel[slot].key === key && panel[slot].format === opts.format;
      panel[slot] = { key, format: opts.format };
      return same;
    };
    panel.xAxis = (scale, { ticks, format, values } = {}) => {
      if (unchanged("xLast", scale, { ticks, format, values })) return;
      const axis = axisBottom(scale).tickSizeOuter(0)
        .ticks(ticks ?? Math.max(3, Math.min(10, Math.floor(panel.width / 55))));
      if (format) axis.tickFormat(format);
      if (values) axis.tickValues(values);
      panel.xg.attr("transform", `translate(0,${panel.height})`).call(axis);
      panel.xlabel.attr("x", panel.width / 2).attr("y", panel.height + 36);
    };
    panel.yAxis = (scale, { ticks, format, values, grid = true } = {}) => {
      if (unchanged("yLast", scale, { ticks, format, values, grid })) return;
      const axis = axisLeft(scale).tickSizeOuter(0)
        .ticks(ticks ?? Math.max(3, Math.floor(panel.height / 40)));
      if (format) axis.tickFormat(format);
      if (values) axis.tickValues(values);
      panel.yg.call(axis);
      if (grid) {
        const g = axisLeft(scale).tickSize(-panel.width).tickFormat("")
          .ticks(ticks ?? Math.max(3, Math.floor(panel.height / 40)));
        if (values) g.tickValues(values);
        panel.grid.call(g);
        panel.grid.select(".domain").remove();
      }
    };
    panel.setHeading = (text) => {
      panel.headingText = text;
      const room = (panel.outerWidth || DEFAULT_WIDTH) - 4;
      let lines = [text];
      if (text.length * 8 > room) { // two lines, at ": " or at the middle space
        const colon = text.indexOf(": ");
        let cut = colon >= 0 ? colon + 1 : -1;
        if (cut < 0) {
          const mid = text.length / 2;
          for (let i = 0; i < text.length; i++) {
            if (text[i] === " " && (cut < 0 || Math.abs(i - mid) < Math.abs(cut - mid))) cut = i;
          }
        }
        if (cut > 0) lines = [text.slice(0, cut), text.slice(cut + 1)];
      }
      panel.heading.text(null);
      panel.heading.selectAll("tspan").data(lines).join("tspan")
        .attr("x", 2).attr("dy", (_d, i) => (i ? 17 : 0)).text((d) => d);
    };
    out.panels[p.key] = panel;
    out.list.push(panel);
  }

  let width = 0;
  const listeners = [];
  function layout(force = false) {
    const measured = Math.round(container.clientWidth || 0);
    const w = measured > 0 ? measured : DEFAULT_WIDTH;
    if (w === width && !force) return;
    width = w;
    const side = out.list.length > 1 && w >= NARROW;
    const pw = side ? w / out.list.length : w;
    const ph = out.list.length > 1 || fit || container.closest(".mw-beside")
      ? panelHeight(container, height, side ? 1 : out.list.length, now(minPanel)) : height;
    out.list.forEach((panel, i) => {
      panel.margin = { ...m, ...(now(panels[i].margin) || {}) };
      const x = side ? i * pw : 0;
      const y = side ? 0 : i * ph;
      panel.g.attr("transform", `translate(${x},${y})`);
      panel.heading.attr("x", 2);
      panel.ylabel.attr("x", 2);
      panel.outerWidth = pw;
      if (panel.headingText) panel.setHeading(panel.headingText);
      panel.width = Math.max(60, pw - panel.margin.left - panel.margin.right - (side && i === 0 ? 8 : 0));
      panel.height = ph - panel.margin.top - panel.margin.bottom;
      panel.plot.attr("transform", `translate(${panel.margin.left},${panel.margin.top})`);
    });
    const total = side ? ph : ph * out.list.length;
    svg.attr("viewBox", `0 0 ${w} ${total}`).attr("width", w).attr("height", total);
    svg.classed("mw-side-by-side", side);
    for (const fn of listeners) fn();
    fitTexts(svg.node());
  }
  let observer = null;
  if (typeof ResizeObserver === "function") {
    // any change of size (a taller legend under text spacing too) refits the texts
    observer = new ResizeObserver(() => { layout(); fitTexts(svg.node()); });
    observer.observe(container);
  }
  const unwatch = watchTextMetrics(svg.node());
  out.layout = layout;
  /** The figure's width (CSS px) at its last layout: read without laying the page out. */
  out.width = () => width || DEFAULT_WIDTH;
  out.onLayout = (fn) => listeners.push(fn);
  out.setLabel = (text) => {
    title.text(text);
    svg.attr("aria-label", text);
  };
  /* Fit the texts after an update (widget.js calls it last, once every part of the widget
     is written, so an update costs one layout, not one here and another for the rest). */
  out.fit = () => fitTexts(svg.node());
  out.destroy = () => {
    if (observer) observer.disconnect();
    unwatch();
    svg.remove();
  };
  return out;
}

/** A single text label with a halo in the background colour (readable over lines). */
export function label(parent, cls) {
  return parent.append("text").attr("class", `mw-label ${cls || ""}`.trim());
}

/**
 * A legend swatch: a small decorative SVG, 30 px wide, hidden from screen
 * readers (the legend's text names the mark). ``el(tag, attrs, style)``
 * appends a shape to it and returns the shape.
 */
export function legendSwatch(height = 14) {
  const svg = document.createElementNS(SVG_NS, "svg");
  svg.setAttribute("class", "mw-swatch");
  svg.setAttribute("width", "30");
  svg.setAttribute("height", String(height));
  svg.setAttribute("viewBox", `0 0 30 ${height}`);
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  const el = (tag, attrs, style = {}) => {
    const node = document.createElementNS(SVG_NS, tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
    Object.assign(node.style, style);
    svg.append(node);
    return node;
  };
  return { svg, el };
}

/** "12" -> "12%" style tick formatter. */
export const suffix = (s) => (d) => `${d}${s}`;
