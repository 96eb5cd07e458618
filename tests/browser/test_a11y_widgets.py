"""Every widget as a screen-reader user meets it (issue 22), light and dark, at 1280 and 360 px.

After a move the chart's text alternative is Python's readout for the new values, and the
line read with it says what changed, naming the new value; "Show as a table" opens a real
table (caption, headings with scope) whose numbers are the ones the chart draws (every
number a mark carries is in it, and every number in it is drawn or is the model's own
output); one announcement is made once the input settles, not one per key press; presets,
Reset and a bad typed value say what they did, the error tied to its field; Tab never
lands on something hidden; the chart's text meets AA contrast; axe-core with the WCAG 2.0
and 2.1 A and AA rules finds nothing, at any impact, on the moved widget with its table open.

These checks, and test_widgets' (every control responds as Python computes, bad typed
input, keyboard and names and axe, a phone's layout), are steps of one walk through each
widget per screen and theme (:func:`test_a_walk_through_the_widget`), one page load each:

* the first step meets the page as loaded;
* every later step starts where Reset leaves the widget: Reset is pressed, and the
  values must be the defaults and the readout, label and marks Python's for them;
* a step that fails is reported with the others at the end, and the next step gets a
  freshly loaded page, so one failure neither hides nor causes another.

A chapter page's load costs Chromium 1.5-2 CPU seconds: 13 loads a widget became 4.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Callable, Mapping

import pytest
from conftest import walk
from test_widgets import (
    WIDGETS,
    Widget,
    _choices,
    _clean,
    _open,
    _sliders,
    _texts,
    _typed,
    bad_typed_input_is_explained_as_python_explains_it,
    every_control_responds_as_python_computes,
    keyboard_names_focus_and_axe,
    on_a_phone,
)

from meishi.kit.fmt import fixed

pytestmark = pytest.mark.browser

WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SETTLE_S = 0.5  # kit/describe.js SETTLE_MS
QUICK_PRESSES = 20
MOST_ANNOUNCEMENTS = 3
# data-* attributes of a chart's marks that are labels or flags, not drawn numbers
NOT_NUMBERS = {"rank", "side", "direction", "kind", "stable", "outside", "role", "series",
               "channel", "norm", "measure", "service", "country", "category", "platform",
               "name", "panel"}

DRAWN_JS = """root => {
    const svg = root.querySelector('svg.mw-svg');
    const out = [];
    for (const el of svg.querySelectorAll('*')) {
        if (!el.getClientRects().length) continue;  // not drawn (display: none)
        for (const [k, v] of Object.entries(el.dataset)) out.push([k, v]);
    }
    return out;
}"""

TABLE_JS = """root => [...root.querySelectorAll('.mw-table-box table')].map(t => ({
    caption: t.caption ? t.caption.textContent : null,
    cols: [...t.querySelectorAll('thead th')].map(th => th.getAttribute('scope')),
    rowHeads: [...t.querySelectorAll('tbody th')].map(th => th.getAttribute('scope')),
    values: [...t.querySelectorAll('td[data-value]')].map(td => [td.dataset.value, td.textContent]),
}))"""

LIVE_JS = """root => {
    window.__said = [];
    const regions = [...root.querySelectorAll('[aria-live], [role=status], [role=alert]')];
    const seen = new Map(regions.map(r => [r, r.textContent]));
    const o = new MutationObserver(() => {
        for (const r of regions) {
            if (r.textContent !== seen.get(r)) {
                seen.set(r, r.textContent);
                if (r.textContent.trim()) window.__said.push(r.textContent);
            }
        }
    });
    for (const r of regions) o.observe(r, {childList: true, subtree: true, characterData: true});
    window.__stopSaid = () => o.disconnect();
    return regions.length;
}"""

CONTRAST_JS = """root => {
    const rgb = s => (s.match(/[0-9.]+/g) || []).slice(0, 3).map(Number);
    const lum = c => { const l = c.map(v => { v /= 255;
        return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
        return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2]; };
    let el = root, bg = 'rgba(0, 0, 0, 0)';
    while (el && /rgba\\(.*, 0\\)$/.test(bg)) { bg = getComputedStyle(el).backgroundColor;
                                              el = el.parentElement; }
    const b = lum(rgb(bg));
    return [...root.querySelectorAll('svg.mw-svg text')]
        .filter(t => t.textContent.trim() && t.getClientRects().length)
        .map(t => { const cs = getComputedStyle(t); const f = lum(rgb(cs.fill));
            const ratio = (Math.max(f, b) + 0.05) / (Math.min(f, b) + 0.05);
            return [t.textContent.slice(0, 30), Math.round(ratio * 100) / 100,
                    parseFloat(cs.opacity) * parseFloat(cs.fillOpacity)]; })
        .filter(([, ratio, alpha]) => ratio < 4.5 || alpha < 1);
}"""

HIDDEN_FOCUS_JS = """() => {
    const el = document.activeElement;
    if (!el || !el.closest('.mw-widget')) return null;
    const r = el.getBoundingClientRect();
    const closed = el.closest('details:not([open])');
    const inClosed = closed && !(el.tagName === 'SUMMARY' && el.parentElement === closed);
    const visible = el.checkVisibility({opacityProperty: true, visibilityProperty: true});
    return {widget: el.closest('.mw-widget').id, what: el.outerHTML.slice(0, 80),
            hidden: !visible || inClosed || !!el.closest('[hidden]')
                || r.width < 1 || r.height < 1};
}"""


def _numbers(obj, depth: int = 0) -> list[float]:
    """Every finite number in a model's result (dataclasses, mappings, lists, arrays)."""
    if depth > 6 or isinstance(obj, (str, bytes, bool)) or obj is None:
        return []
    if isinstance(obj, (int, float)):
        return [float(obj)] if math.isfinite(obj) else []
    if hasattr(obj, "tolist"):
        return _numbers(obj.tolist(), depth + 1)
    if dataclasses.is_dataclass(obj):
        return [n for f in dataclasses.fields(obj)
                for n in _numbers(getattr(obj, f.name), depth + 1)]
    if isinstance(obj, Mapping):
        return [n for v in obj.values() for n in _numbers(v, depth + 1)]
    if isinstance(obj, (list, tuple, set, frozenset)):
        return [n for v in obj for n in _numbers(v, depth + 1)]
    if hasattr(obj, "__dict__"):
        return _numbers(vars(obj), depth + 1)
    return []


def _value_text(c: dict, v: float) -> str:
    """kit/dom.js valueText: the value with the control's decimals and its unit."""
    num = fixed(v, c.get("decimals", 1))
    return f"{num}{c['unit']}" if c["unit"].startswith("%") else f"{num} {c['unit']}"


def _in(x: float, pool: list[float]) -> bool:
    return any(math.isclose(x, y, rel_tol=1e-9, abs_tol=1e-9) for y in pool)


def _axe_all(page, axe_source: str, selector: str) -> list[dict]:
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=axe_source)
    return page.evaluate("""async ([sel, tags]) => {
        const r = await axe.run(document.querySelector(sel),
            {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
        return r.violations.map(v => ({id: v.id, impact: v.impact,
            nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ': ' + n.failureSummary)}));
    }""", [selector, WCAG])


def _move(w: Widget, page) -> str:
    """Move the widget's first control by keyboard, far enough to change the chart: its name."""
    spec = w.spec
    if _sliders(spec):
        c = _sliders(spec)[0]
        box = w.input(c["name"])
        box.focus()
        page.keyboard.press("Home" if spec["defaults"][c["name"]] > c["min"] else "End")
        return c["name"]
    if _choices(spec):
        c = _choices(spec)[0]
        w.root.locator(f'.mw-control[data-control="{c["name"]}"] input:checked').focus()
        page.keyboard.press("ArrowDown")
        return c["name"]
    c = _texts(spec)[0]
    w.input(c["name"]).fill(_typed(c))
    return c["name"]


def _table(w: Widget) -> list[dict]:
    toggle = w.root.get_by_role("button", name="Show as a table", exact=True)
    assert toggle.count() == 1, "no 'Show as a table' toggle"
    assert toggle.get_attribute("aria-expanded") == "false"
    toggle.click()
    assert w.root.locator("[data-action=table]").get_attribute("aria-expanded") == "true"
    tables = w.evaluate(TABLE_JS)
    assert tables, "the toggle opened no table"
    for t in tables:
        assert t["caption"] and t["caption"].strip(), t
        assert t["cols"] and set(t["cols"]) == {"col"}, t
        assert set(t["rowHeads"]) <= {"row"}, t
    return tables


def _table_is_the_drawing(w: Widget, tables: list[dict]) -> None:
    drawn = []
    for key, value in w.evaluate(DRAWN_JS):
        if key in NOT_NUMBERS:
            continue
        try:
            x = float(value)
        except ValueError:
            continue
        if math.isfinite(x):
            drawn.append((key, x))
    shown = [float(v) for t in tables for v, _text in t["values"]]
    assert shown, "the table holds no numbers"
    missing = [(k, x) for k, x in drawn if not _in(x, shown)]
    assert missing == [], f"numbers the chart draws that the table leaves out: {missing[:5]}"
    ev = w.py.evaluate(w.values())
    pool = [x for _k, x in drawn] + [m * n for n in _numbers(ev.result) for m in (1, 100)]
    extra = [x for x in shown if not _in(x, pool)]
    assert extra == [], f"numbers in the table that are neither drawn nor computed: {extra[:5]}"


def a_screen_reader_can_learn_from_the_widget(w: Widget, page, log, axe_source: str) -> None:
    """A step of a widget's walk, at every width and in both themes (the last: it leaves the
    table open)."""
    sel = f"#widget-{w.id}"
    svg = w.root.locator("svg.mw-svg")
    w.root.scroll_into_view_if_needed()

    # names carry the unit; a slider's value is read with its unit, as are its − and +
    for c in w.spec["controls"]:
        assert c["unit"], c
        if c["kind"] == "slider":
            box = w.input(c["name"])
            assert box.evaluate("el => el.labels[0].textContent") == f"{c['label']} ({c['unit']})"
            value = w.values()[c["name"]]
            assert box.get_attribute("aria-valuetext") == _value_text(c, value)
            for step in w.root.locator(f'[aria-controls="{box.get_attribute("id")}"]').all():
                words = step.get_attribute("aria-label")
                assert words.endswith(f"{c['label']} by {_value_text(c, c['step'])}"), words

    # the readout is not a live region any more: one settled announcement instead
    assert w.root.locator(".mw-summary").get_attribute("aria-live") is None
    announce = w.root.locator(".mw-announce")
    assert announce.get_attribute("role") == "status"

    # a move: the text alternative becomes Python's readout for the new values, and the
    # line read with it names what changed, with the new value
    before = svg.get_attribute("aria-label")
    name = _move(w, page)
    w.check("moved")
    assert svg.get_attribute("aria-label") != before, "the text alternative did not change"
    page.wait_for_timeout(SETTLE_S * 1000 + 300)
    change_id = svg.get_attribute("aria-describedby")
    change = w.root.locator(f"#{change_id}").text_content()
    c = next(c for c in w.spec["controls"] if c["name"] == name)
    assert c["label"] in change, change
    if c["kind"] == "slider":
        assert w.input(name).get_attribute("aria-valuetext") in change, change
    assert c["label"] in announce.text_content(), announce.text_content()

    # the table: the chart's numbers, readable, fitting the screen
    tables = _table(w)
    _table_is_the_drawing(w, tables)
    box = w.root.locator(".mw-table-box")
    assert box.is_visible()
    fits = w.evaluate("""root => { const b = root.querySelector('.mw-table-box')
        .getBoundingClientRect(); const r = root.getBoundingClientRect();
        return [b.left >= r.left - 0.5 && b.right <= r.right + 0.5,
                document.documentElement.scrollWidth <= innerWidth]; }""")
    assert fits == [True, True], "the table spills out of the widget or the page"

    # the table follows the next move
    if _sliders(w.spec):
        c = _sliders(w.spec)[0]
        w.set_slider(c["name"], c["max"] if w.values()[c["name"]] != c["max"] else c["min"])
        _table_is_the_drawing(w, w.evaluate(TABLE_JS))

    # axe: WCAG 2.0/2.1 A and AA, every impact, the widget moved and its table open
    assert _axe_all(page, axe_source, sel) == []

    # chart text: AA contrast on the widget's background, nothing faded
    assert w.evaluate(CONTRAST_JS) == [], "chart text below AA contrast"

    # presets and Reset say what they set
    if w.spec["presets"]:
        p = w.spec["presets"][0]
        w.root.get_by_role("button", name=p["name"], exact=True).click()
        said = announce.text_content()
        assert said.startswith(f"Preset {p['name']}: sets"), said
        for key in p["values"]:
            label = next(c["label"] for c in w.spec["controls"] if c["name"] == key)
            assert label in said, (label, said)
    w.root.locator("[data-action=reset]").click()
    said = announce.text_content()
    assert said.startswith("Reset to the default settings"), said
    _clean(log)


def announcements_settle_and_errors_are_tied_to_their_field(w: Widget, page, log) -> None:
    """A step of a widget's walk at 1280 px, light: quick moves make at most a few
    announcements; a bad number is tied to its field and said once settled."""
    page.wait_for_timeout(SETTLE_S * 1000 + 300)  # nothing the last step did still to say
    w.root.scroll_into_view_if_needed()
    assert w.evaluate(LIVE_JS) >= 1
    if _sliders(w.spec):
        c = _sliders(w.spec)[0]
        w.input(c["name"]).focus()
        page.keyboard.press("Home")
        for _ in range(QUICK_PRESSES):
            page.keyboard.press("ArrowRight")
            page.wait_for_timeout(40)
    elif _choices(w.spec):
        c = _choices(w.spec)[0]
        w.root.locator(f'.mw-control[data-control="{c["name"]}"] input:checked').focus()
        # one more than a whole number of rounds of the options: the choice ends elsewhere
        for _ in range(QUICK_PRESSES + 1):
            page.keyboard.press("ArrowDown")
            page.wait_for_timeout(40)
    else:
        c = _texts(w.spec)[0]
        w.input(c["name"]).fill("")
        w.input(c["name"]).press_sequentially("I led the launch and sales", delay=40)
    page.wait_for_timeout(SETTLE_S * 1000 + 400)
    said = page.evaluate("window.__said")
    assert 1 <= len(said) <= MOST_ANNOUNCEMENTS, said
    w.check("after quick moves")

    # a bad typed value: invalid, described by the message, and said once settled
    number_boxes = [c for c in _texts(w.spec) if c["kind"] != "text"]
    for c in number_boxes[:1]:
        box = w.input(c["name"])
        box.fill("")
        box.press_sequentially("abc", delay=30)
        assert box.get_attribute("aria-invalid") == "true"
        described = box.get_attribute("aria-describedby").split()
        message = w.root.locator(".mw-message")
        assert message.get_attribute("id") in described
        assert "Check the input" in message.text_content()
        page.wait_for_timeout(SETTLE_S * 1000 + 300)
        assert w.root.locator(".mw-announce").text_content().strip() == \
            message.text_content().strip()
    page.evaluate("window.__stopSaid()")
    _clean(log)


def _focus_never_lands_on_something_hidden(w: Widget, page) -> None:
    """Tab from the widget's title to past its end: every stop is on screen and shown."""
    w.root.locator(".mw-title").evaluate("t => { t.tabIndex = -1; t.focus(); }")
    reached = []
    for _ in range(80):
        page.keyboard.press("Tab")
        info = page.evaluate(HIDDEN_FOCUS_JS)
        if info is None or info["widget"] != f"widget-{w.id}":
            break
        reached.append(info)
    assert reached, "Tab reached nothing in the widget"
    assert [r["what"] for r in reached if r["hidden"]] == []
    assert any("data-action=\"table\"" in r["what"] for r in reached), "the table toggle"
    w.root.locator(".mw-title").evaluate("t => t.removeAttribute('tabindex')")  # as loaded


#: Pairs told apart by colour alone: two legend entries whose swatches differ only in
#: colour (not in dash pattern, shape, fill or size) with neither named by a text drawn on
#: the plot; or, in one panel of a chart without a legend, one shape drawn in more colours
#: than there are texts on the plot to name them.
COLOUR_ONLY_JS = """root => {
  const chart = root.querySelector('svg.mw-svg');
  const shown = el => el.getClientRects().length && getComputedStyle(el).visibility !== 'hidden';
  // direct labels: texts drawn on the plot itself (not axes, titles or axis names)
  const labels = [...chart.querySelectorAll('.mw-marks text')].filter(shown)
      .map(t => t.textContent.trim().toLowerCase()).filter(Boolean);
  const words = s => (s.toLowerCase().match(/[\\p{L}]{5,}/gu) || []);
  const labelled = text => words(text).some(w => labels.some(l => l.includes(w)));
  const probe = document.createElement('span');
  probe.style.color = 'var(--mw-surface)';
  root.append(probe);
  const surface = getComputedStyle(probe).color;
  probe.remove();
  // a shape filled with the background is drawn open (a ring), as one with no fill
  const looks = el => { const cs = getComputedStyle(el);
      const open = cs.fill === 'none' || +cs.fillOpacity === 0 || el.tagName === 'line'
          || cs.fill === surface;
      return {colour: open ? cs.stroke : cs.fill,
              rest: [el.tagName, cs.strokeDasharray, open ? 'open' : 'filled',
                     el.tagName === 'path' && !open ? el.getAttribute('d') : '',
                     el.tagName === 'circle' ? el.getAttribute('r') : '',
                     (+cs.fillOpacity).toFixed(2)].join(' ')}; };
  const out = [];
  const entries = [...root.querySelectorAll('.mw-legend li')].filter(shown).map(li => {
      const parts = [...li.querySelectorAll('svg.mw-swatch *')].map(looks);
      return {text: li.textContent.trim(), colour: parts.map(p => p.colour).sort().join(','),
              rest: parts.map(p => p.rest).join(' / ')}; });
  entries.forEach((a, i) => entries.slice(i + 1).forEach(b => {
      if (a.colour !== b.colour && a.rest === b.rest && !labelled(a.text) && !labelled(b.text))
          out.push(`legend: "${a.text}" and "${b.text}" differ only in colour`); }));
  // marks drawn in one panel: the same shape in different colours needs direct labels
  // (a legend, checked above, or texts on the plot); panels are told apart by place
  for (const panel of chart.querySelectorAll('.mw-panel')) {
      const marks = [...panel.querySelectorAll('.mw-marks :is(rect, circle, path, line, polygon)')]
          .filter(shown).map(looks);
      const texts = [...panel.querySelectorAll('.mw-marks text')].filter(shown)
          .filter(t => t.textContent.trim()).length;
      const byShape = new Map();
      for (const m of marks) { if (!byShape.has(m.rest)) byShape.set(m.rest, new Set());
                               byShape.get(m.rest).add(m.colour); }
      for (const [rest, colours] of byShape) {
          if (colours.size > 1 && !entries.length && texts < colours.size)
              out.push(`${panel.dataset.panel}: marks "${rest}" in ${colours.size} colours`
                       + ` with ${texts} direct labels and no legend`);
      }
  }
  return out;
}"""


def _colour_is_never_the_only_carrier(w: Widget, page) -> str:
    """Series and marks that stand for different things and are drawn in different colours
    also differ in dash pattern, marker shape or fill, or carry a direct text label: read
    from the legend's swatches and the marks drawn, before and after a move (the name of
    the control moved)."""
    assert w.evaluate(COLOUR_ONLY_JS) == []
    name = _move(w, page)
    w.check("moved")
    assert w.evaluate(COLOUR_ONLY_JS) == []
    return name


def _plain(line: str) -> str:
    """A line of an aria snapshot without its YAML quoting: 'img "it''s"': -> img "it's"."""
    x = line.strip().removeprefix("- ")
    if not x.startswith("'"):
        return x
    i = 1
    while i < len(x) and (x[i] != "'" or x[i + 1:i + 2] == "'"):
        i += 2 if x[i] == "'" else 1
    return x[1:i].replace("''", "'") + x[i + 1:]


def _at(lines: list[str], start: int, pred, what: str) -> int:
    """The index of the first line from ``start`` on that ``pred`` holds for."""
    for i in range(start, len(lines)):
        if pred(lines[i]):
            return i
    raise AssertionError(f"{what}: not found after line {start} of\n" + "\n".join(lines))


def _the_accessibility_tree_reads_in_order(w: Widget, page, name: str) -> None:
    """What a screen reader walks through, in order: the group named by the title; the
    controls, each named with its unit; the presets; the chart image named by Python's
    readout; the table toggle; after a move (of control ``name``, just made), the line
    saying what changed.  No unnamed button or image, no empty heading."""
    spec = w.spec
    page.wait_for_timeout(SETTLE_S * 1000 + 300)
    tree = w.root.aria_snapshot()
    lines = [_plain(x) for x in tree.splitlines()]
    assert lines[0].startswith(f'group "{spec["title"]}"'), lines[0]
    at = 1
    for c in spec["controls"]:
        words = f"{c['label']} ({c['unit']})"
        at = _at(lines, at, lambda x, w_=words: f'"{w_}' in x and ("slider" in x or "group" in x
                 or "textbox" in x or "spinbutton" in x), f"control {words}")
    if spec["presets"]:
        at = _at(lines, at, lambda x: 'group "Presets:"' in x, "the presets")
        for p in spec["presets"]:
            at = _at(lines, at, lambda x, n=p["name"]: f'button "{n}"' in x, p["name"])
    at = _at(lines, at, lambda x: x.startswith("img "), "the chart image")
    ev = w.py.evaluate(w.values())
    assert w.root.locator("svg.mw-svg").get_attribute("aria-label") == ev.summary
    assert f'img "{ev.summary}"' in lines[at], lines[at]
    _at(lines, at, lambda x: 'button "Show as a table"' in x, "the table toggle")
    change_id = w.root.locator("svg.mw-svg").get_attribute("aria-describedby")
    change = w.root.locator(f"#{change_id}").text_content().strip()
    c = next(c for c in spec["controls"] if c["name"] == name)
    assert c["label"] in change, change
    _at(lines, at, lambda x: change[:40] in x, "the line saying what changed")
    for x in lines:
        assert x.rstrip(":") not in ("button", "img", "heading"), f"unnamed: {x}"
        assert not re.match(r'(button|img|heading) "\s*"', x), f"unnamed: {x}"


def focus_colour_and_reading_order(w: Widget, page, log, width: int) -> None:
    """A step of a widget's walk, light, at each width: three checks in turn, each on the
    state it needs: Tab reaches nothing hidden (at the defaults: the page as loaded at 360
    px, as Reset leaves it at 1280 px; a Tab moves no value);
    colour is never the only carrier (at the defaults, then moved); and, at 1280 px, the
    accessibility tree reads in order after that move."""
    assert w.values() == w.spec["defaults"]
    _focus_never_lands_on_something_hidden(w, page)
    assert w.values() == w.spec["defaults"], "tabbing through the widget moved a value"
    name = _colour_is_never_the_only_carrier(w, page)
    if width > 400:
        _the_accessibility_tree_reads_in_order(w, page, name)
    _clean(log)


# -- a walk through each widget: one page load per screen and theme ------------------

SCREENS = {"1280": (1280, 800), "360": (360, 740)}

Step = Callable[[Widget, object, object], None]


def steps(screen: str, theme: str, axe_source: str) -> list[tuple[str, Step]]:
    """A walk's steps in order: the first meets the page as loaded, each later one the page
    as :func:`reset` leaves it; the screen-reader step, which leaves the table open, comes
    last. At 1280 px the window is 800 px high (test_widgets' checks had 900: at 1280 px
    the widgets' layout does not depend on the height; kit/chart.js reads it only on narrow
    screens)."""
    dark = theme == "dark"
    reader = ("a screen reader can learn from the widget",
              lambda w, page, log: a_screen_reader_can_learn_from_the_widget(
                  w, page, log, axe_source))
    if screen == "1280" and not dark:
        return [
            ("every control responds as Python computes",
             every_control_responds_as_python_computes),
            ("keyboard, names, focus and axe",
             lambda w, page, log: keyboard_names_focus_and_axe(w, page, log, axe_source, False)),
            ("bad typed input is explained as Python explains it",
             bad_typed_input_is_explained_as_python_explains_it),
            ("focus, colour and reading order",
             lambda w, page, log: focus_colour_and_reading_order(w, page, log, 1280)),
            ("announcements settle and errors are tied to their field",
             announcements_settle_and_errors_are_tied_to_their_field),
            reader,
        ]
    if screen == "1280":
        return [("keyboard, names, focus and axe",
                 lambda w, page, log: keyboard_names_focus_and_axe(w, page, log, axe_source, True)),
                reader]
    if not dark:
        return [("focus, colour and reading order",
                 lambda w, page, log: focus_colour_and_reading_order(w, page, log, 360)),
                ("on a phone", lambda w, page, log: on_a_phone(w, page, log, False)),
                reader]
    return [("on a phone", lambda w, page, log: on_a_phone(w, page, log, True)), reader]


def reset(w: Widget, page=None, log=None) -> None:
    """Between a walk's steps: what the page logged since the last step's own checks is
    checked; then Reset, every value back to its default and the readout Python's for them;
    then the focus taken off, the page scrolled to its top, and no dock left showing, as on
    a page just loaded."""
    if log is not None:
        _clean(log)
    w.root.locator("button[data-action=reset]").click()
    assert w.values() == w.spec["defaults"], "Reset left a value off its default"
    w.check("Reset")
    if page is None:
        return
    page.evaluate("""() => new Promise(r => { document.activeElement?.blur();
        scrollTo({top: 0, behavior: 'instant'});
        setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(r)), 100); })""")
    shown = page.evaluate("""() => ({docked: document.body.classList.contains('mw-docked'),
        docks: [...document.querySelectorAll('.mw-dock:not([hidden])')].length,
        focus: document.activeElement === document.body, top: scrollY === 0})""")
    assert shown == {"docked": False, "docks": 0, "focus": True, "top": True}, shown


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("screen", list(SCREENS))
@pytest.mark.parametrize("cls, path", WIDGETS)
def test_a_walk_through_the_widget(open_page, axe_source, cls, path, screen, theme):
    walk(lambda: _open(open_page, cls, path, dark=theme == "dark", viewport=SCREENS[screen]),
         steps(screen, theme, axe_source), between=reset)
