"""The axe-core audit's report (meishi_build.axe_audit): counts by impact and rule."""

from __future__ import annotations

from meishi_build.axe_audit import IMPACTS, TAGS, markdown, pages


def _v(page, theme, rule, impact, target):
    return {"page": page, "theme": theme, "rule": rule, "impact": impact, "help": rule + " help",
            "kind": "violation", "target": target, "summary": ""}


def test_the_audit_uses_the_wcag_21_a_and_aa_rules_at_every_impact():
    assert TAGS == ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
    assert IMPACTS == ["critical", "serious", "moderate", "minor"]


def test_the_report_counts_elements_by_impact_and_rule():
    report = {"tags": TAGS, "pages": ["a.html", "b.html"], "widget_controls_moved": 3,
              "violations": [_v("a.html", "light", "region", "moderate", "#x"),
                             _v("a.html", "dark", "region", "moderate", "#x"),
                             _v("b.html", "light", "color-contrast", "serious", "p")],
              "needs_review": [dict(_v("b.html", "dark", "color-contrast", "serious", "h1"),
                                    kind="review")]}
    text = markdown(report)
    assert "| serious | 1 | 1 |" in text and "| moderate | 2 | 1 |" in text
    assert "| critical | 0 | 0 |" in text and "| **total** | 3 | 2 |" in text
    assert "| region | moderate | 2 | 1 |" in text
    assert "- `a.html`: region 1/1" in text
    assert "Needs review" in text and "color-contrast (serious) 1 elements on 1 pages" in text


def test_pages_skip_sphinx_own_files(tmp_path):
    for name in ("index.html", "chapters/a.html", "_static/x.html", "_sources/y.html"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("<html></html>")
    assert pages(tmp_path) == ["chapters/a.html", "index.html"]
