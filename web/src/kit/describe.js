// What a screen-reader user gets from a widget besides its controls (issue 22):
// - the chart's numbers as a real table, behind a "Show as a table" toggle, filled by the
//   widget's own table(result, params) from the numbers its chart draws;
// - what changed since the last setting (the controls moved, and the table's numbers that
//   moved most), read with the chart;
// - one polite announcement that settles: said once the input pauses, not per keystroke.
import { h, valueWords, visuallyHidden } from "./dom.js";
import { fixed } from "./format.js";

/** Announce this long (ms) after the last input, so a slider dragged or held is said once. */
export const SETTLE_MS = 500;
/** At most this many of the table's numbers are named as "what changed". */
const CHANGED_CELLS = 2;

/** A number cell: ``value`` (the drawn number, kept in data-value) shown as ``text``. */
export const num = (value, text) => ({ value: Number(value), text });

/** A percentage cell: 42.25 -> {value: 42.25, text: "42.3%"}. */
export const pct = (value, d = 1) => num(value, `${fixed(value, d)}%`);

/** Which rounds of a path of ``n`` points a table lists: all when few, else every k-th
    and the last (so a long path stays a table one can read through). */
export function sampleRounds(n, most = 31) {
  const every = Math.max(1, Math.ceil((n - 1) / (most - 1)));
  const out = [];
  for (let t = 0; t < n; t += every) out.push(t);
  if (out[out.length - 1] !== n - 1) out.push(n - 1);
  return out;
}

const isNum = (cell) => cell !== null && typeof cell === "object" && "value" in cell;
const cellText = (cell) => (isNum(cell) ? cell.text : String(cell ?? ""));

/**
 * A <table> for ``model`` = {caption, columns: [heading...], rows: [[row heading, cell...]]}:
 * a caption, column headings (th scope=col), each row's first cell a heading (th scope=row),
 * a number cell {value, text} a <td data-value>.
 */
export function buildTable(model) {
  const table = h("table", { class: "mw-table" });
  Object.assign(table.style, { borderCollapse: "collapse", fontSize: "0.9rem", margin: "0.4rem 0" });
  table.append(h("caption", { style: "text-align: left; font-weight: 600; padding: 0.2rem 0" },
    model.caption));
  const pad = "padding: 0.15rem 0.5rem; border-bottom: 1px solid currentColor;";
  const head = h("tr");
  for (const col of model.columns) head.append(h("th", { scope: "col", style: pad }, col));
  const thead = h("thead");
  thead.append(head);
  table.append(thead);
  const body = h("tbody");
  const rows = model.rows.length ? model.rows
    : [["None", ...model.columns.slice(1).map(() => "—")]];
  for (const row of rows) {
    const tr = h("tr");
    row.forEach((cell, i) => {
      if (i === 0) {
        tr.append(h("th", { scope: "row", style: `${pad} text-align: left; font-weight: 400` },
          cellText(cell)));
      } else {
        tr.append(h("td", { style: `${pad} text-align: right`,
          "data-value": isNum(cell) ? String(cell.value) : false }, cellText(cell)));
      }
    });
    body.append(tr);
  }
  table.append(body);
  return table;
}

/**
 * The toggle and the box the table opens in.  -> {node, button, box, update(models)}
 * (a table model, or a list of them: one per panel, say)
 * The box scrolls sideways on a narrow screen (a focusable, named region, so a keyboard
 * can scroll it too); closed, it is hidden, so nothing in it takes focus.
 */
export function tableView(uid, title) {
  const node = h("div", { class: "mw-table-view" });
  const boxId = `${uid}-table`;
  const button = h("button", { type: "button", class: "mw-button mw-table-toggle",
    "data-action": "table", "aria-expanded": "false", "aria-controls": boxId },
  "Show as a table");
  const box = h("div", { class: "mw-table-box", id: boxId, hidden: true, role: "region",
    tabindex: "0", "aria-label": `${title ? `${title}: ` : ""}the chart's numbers as a table`,
    style: "overflow-x: auto; max-width: 100%" });
  node.append(button, box);
  let model = null;
  const draw = () => { if (model) box.replaceChildren(...[].concat(model).map(buildTable)); };
  button.addEventListener("click", () => {
    const open = box.hidden;
    box.hidden = !open;
    button.setAttribute("aria-expanded", String(open));
    button.textContent = open ? "Hide the table" : "Show as a table";
    if (open) draw();
  });
  return {
    node, button, box,
    update(next) {
      model = next;
      if (!box.hidden) draw();
    },
  };
}

/** "Mean threshold 40% → 45%" for each control whose value differs (in spec order). */
export function controlChanges(spec, before, after) {
  if (!before) return [];
  const out = [];
  for (const c of spec.controls || []) {
    if (before[c.name] === after[c.name]) continue;
    if (c.kind === "text") out.push(`${c.label} edited`);
    else out.push(`${c.label} ${valueWords(c, before[c.name])} → ${valueWords(c, after[c.name])}`);
  }
  return out;
}

/** A row's name: its heading, after the first column's when it is a bare number ("Round 18"). */
const rowName = (t, row) => (/^\d+$/.test(cellText(row[0])) ? `${t.columns[0]} ${cellText(row[0])}`
  : cellText(row[0]));

/** The table's number cells by "row heading, column heading". */
function cells(model) {
  const out = new Map();
  for (const t of [].concat(model || [])) {
    for (const row of t.rows) {
      row.forEach((cell, i) => {
        if (i > 0 && isNum(cell)) out.set(`${rowName(t, row)}, ${t.columns[i]}`, cell);
      });
    }
  }
  return out;
}

/** The numbers that moved most between two tables: ["Round 25, share 58% → 62%", ...]. */
export function cellChanges(before, after, limit = CHANGED_CELLS) {
  const was = cells(before);
  const moved = [];
  for (const [key, cell] of cells(after)) {
    const old = was.get(key);
    if (!old || old.text === cell.text) continue;
    const scale = Math.max(Math.abs(old.value), Math.abs(cell.value), 1e-12);
    moved.push({ key, size: Math.abs(cell.value - old.value) / scale,
      text: `${key}: ${old.text} → ${cell.text}` });
  }
  moved.sort((a, b) => b.size - a.size);
  return moved.slice(0, limit).map((m) => m.text);
}

/** The first sentence of a readout (the short part an announcement carries): a full stop
    after a bare number at the start ("1. Lifetime employment …") does not end it. */
export function firstSentence(text) {
  const m = /^(?:\d+\.\s)?.*?[.!?](?=\s|$)/s.exec(text || "");
  return m ? m[0] : text || "";
}

/** "Preset “Japan”: sets Mean threshold to 45%, Spread to 10%." */
export function presetWords(spec, name, values) {
  const set = (spec.controls || []).filter((c) => values && c.name in values)
    .map((c) => `${c.label} to ${valueWords(c, values[c.name])}`);
  return `${name}: sets ${set.length ? set.join(", ") : "nothing"}.`;
}

/**
 * A polite status region said once the input settles.  -> {node, say(text, {now}), flush()}
 * ``say`` replaces what is waiting (words, or a function giving them then, or null); it is read SETTLE_MS after the last call, or at once
 * with now=true (a button pressed, an input finished).
 */
export function announcer(delay = SETTLE_MS) {
  const node = visuallyHidden(h("p", { class: "mw-announce", role: "status",
    "aria-live": "polite", "aria-atomic": "true" }));
  let timer = null;
  let pending = null;
  function flush() {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (pending === null) return;
    const words = typeof pending === "function" ? pending() : pending;
    pending = null;
    if (!words) return;
    // the same words twice are still said: a no-break space makes them new content
    node.textContent = node.textContent === words ? `${words}\u00a0` : words;
  }
  function say(text, { now = false } = {}) {
    pending = text;
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (now) flush();
    else timer = setTimeout(flush, delay);
  }
  const stop = () => { if (timer !== null) clearTimeout(timer); timer = null; pending = null; };
  return { node, say, flush, stop };
}
