"""Every static chart in the built book has its data as a table a reader can open.

For each chapter page: every chart image (a :class:`meishi.kit.charts.Chart`
output) is followed by "The data in this chart", a fold holding a table per
panel with a caption, column and row headers (``th scope``); the table's text
is exactly what :func:`meishi.kit.charttable.tables` reads from the chart the
chapter draws (matched by its alt text), and so the numbers the chart draws;
the fold opens by keyboard; and the open tables read in the dark theme (text
contrast AA against the table's own background; axe-core, all impacts).
"""

from __future__ import annotations

import re

import pytest

from helpers import HTML
from meishi.chapters import discover
from meishi.kit.charttable import SUMMARY, fmt

pytestmark = pytest.mark.browser

CHAPTERS = sorted(str(p.relative_to(HTML)) for p in (HTML / "chapters").glob("0*.html")) \
    if (HTML / "chapters").is_dir() else []


@pytest.fixture(scope="module")
def expected() -> dict[str, list[dict]]:
    """Alt text -> the tables, from the same chart functions the chapters call."""
    out = {}
    for chapter in discover():
        for make in chapter.charts:
            chart = make()
            out[chart.alt] = chart.table()
    return out


READ = """() => [...document.querySelectorAll('.cell_output img[alt]')].map(img => {
    const out = img.closest('.cell_output');
    const folds = out ? [...out.querySelectorAll('details.meishi-chart-data')] : [];
    return {alt: img.getAttribute('alt'), folds: folds.length,
            summary: folds.length ? folds[0].querySelector('summary').textContent.trim() : null,
            tables: folds.length ? [...folds[0].querySelectorAll('table')].map(t => ({
                caption: t.caption ? t.caption.textContent : null,
                columns: [...t.tHead.rows[0].cells].map(c => [c.tagName, c.scope, c.textContent]),
                rows: [...t.tBodies[0].rows].map(r => [...r.cells].map(
                    c => [c.tagName, c.scope, c.textContent]))})) : []};
})"""


def _text(value) -> str:
    return value if isinstance(value, str) else fmt(value)


def test_chapters_are_built():
    assert len(CHAPTERS) == 6


@pytest.mark.parametrize("path", CHAPTERS)
def test_every_chart_has_its_data_as_a_table_equal_to_what_it_draws(open_page, path,
                                                                    expected):
    page, log = open_page(path, wait_until="load")
    charts = page.evaluate(READ)
    assert charts, f"{path} has no chart"
    for chart in charts:
        assert chart["folds"] == 1, f"{path}: no data table under {chart['alt'][:60]!r}"
        assert chart["summary"] == SUMMARY
        want = expected[chart["alt"]]  # a chart the chapter draws, found by its alt text
        assert len(chart["tables"]) == len(want)
        for got, table in zip(chart["tables"], want, strict=True):
            assert got["caption"] == table["caption"]
            assert got["columns"] == [["TH", "col", c] for c in table["columns"]]
            assert len(got["rows"]) == len(table["rows"])
            for cells, row in zip(got["rows"], table["rows"], strict=True):
                assert cells[0] == ["TH", "row", _text(row[0])]
                assert [c[2] for c in cells[1:]] == [_text(v) for v in row[1:]]
                assert all(c[0] == "TD" for c in cells[1:])
    assert log.page_errors == [] and log.console_errors == []


def _luminance(rgb: str) -> float:
    r, g, b = (int(float(x)) / 255 for x in re.findall(r"[0-9.]+", rgb)[:3])
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b)]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


COLOURS = """fold => [...fold.querySelectorAll('summary, caption, th, td')].map(el => {
    let e = el, bg = 'rgba(0, 0, 0, 0)';
    while (e && /rgba\\(.*, 0\\)$/.test(bg)) { bg = getComputedStyle(e).backgroundColor;
                                              e = e.parentElement; }
    return {text: el.textContent.slice(0, 30), ink: getComputedStyle(el).color, bg};
})"""


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_the_tables_open_by_keyboard_and_read_in_both_themes(open_page, axe_source, dark):
    page, _log = open_page("chapters/02_modesty.html", dark=dark, wait_until="load")
    fold = page.locator("details.meishi-chart-data").first
    fold.locator("summary").focus()
    page.keyboard.press("Enter")
    assert fold.evaluate("d => d.open")
    assert fold.locator("table").first.is_visible()
    for c in fold.evaluate(COLOURS):
        hi, lo = sorted((_luminance(c["ink"]), _luminance(c["bg"])), reverse=True)
        assert (hi + 0.05) / (lo + 0.05) >= 4.5, c
    if dark:
        assert _luminance(fold.evaluate(COLOURS)[1]["bg"]) < 0.1, "a light panel in the dark"
    page.evaluate("document.querySelectorAll('details.meishi-chart-data')"
                  ".forEach(d => d.open = true)")
    page.add_script_tag(content=axe_source)
    found = page.evaluate("""async () => {
        const r = await axe.run('details.meishi-chart-data',
            {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}});
        return r.violations.map(v => v.id + ': ' + v.nodes.length);
    }""")
    assert found == []
