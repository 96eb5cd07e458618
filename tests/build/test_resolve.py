"""Chapter notebooks as JupyterLab shows them (meishi_build.resolve, `make notebooks`, `make lab`).

Every chapter that :func:`meishi.chapters.discover` finds is resolved in both
classroom versions: no raw MyST role, directive or label may be left, every
glue must be filled from the chapter's facts, and, where the book is built,
the numbers, citations and exercise titles must be the ones the book shows,
in the same order.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup

from helpers import HTML, ROOT
from meishi.chapters import discover
from meishi_build.labsettings import OVERRIDES, write_overrides
from meishi_build.resolve import (
    BIB,
    GLOSSARY,
    Resolver,
    Target,
    cite_text,
    glue_text,
    raw_myst,
    resolve_notebook,
    resolver_for,
)
from meishi_build.versions import instructor_version, student_version

CHAPTERS = discover()


def _nb(*cells: tuple[str, str]) -> dict:
    return {"cells": [{"cell_type": kind, "metadata": {}, "source": src,
                       **({"outputs": [], "execution_count": None} if kind == "code" else {})}
                      for kind, src in cells],
            "metadata": {}, "nbformat": 4, "nbformat_minor": 5}


def _md(nb: dict) -> str:
    return "\n\n".join(c["source"] for c in nb["cells"] if c["cell_type"] == "markdown")


def _resolver(**facts) -> Resolver:
    return Resolver(facts=facts, notebook="02_x.ipynb", prefix="2.",
                    terms={"kenson 謙遜": 'Modesty "about oneself".'},
                    labels={"ch2-model": Target("Model 1: a cue", "02_x.ipynb", "Model-1:-a-cue"),
                            "ch1-data": Target("The data", "01_y.ipynb", "The-data"),
                            "glossary-x": Target("Glossary", None, None)})


def test_glue_is_formatted_as_myst_nb_formats_it():
    assert glue_text(4.86, ".1f") == "4.9"
    assert glue_text(12, "") == "12"
    assert glue_text(1234.5, ",.0f") == "1,234"
    assert glue_text("Japan", "") == "Japan"  # the quotes of the repr are dropped
    assert glue_text(0.375, ".0%") == "38%"


@pytest.mark.parametrize("value", [4.86, 12, -0.004, 1234.5, 0.375, 1e21, float("inf"), True,
                                   "Japan", "1.5", "it's", "名刺", [1, 2], None],
                         ids=repr)
def test_glued_text_is_formatted_as_myst_nb_formats_it(value):
    """resolve_lookup.format_plain_text is myst-nb's own, without importing its module
    (which imports nbformat and jsonschema): the same text, or the same error."""
    from IPython.core.formatters import PlainTextFormatter
    from myst_nb.core.variables import format_plain_text as theirs

    from meishi_build.resolve_lookup import format_plain_text as ours

    text = PlainTextFormatter()(value)
    for fmt in ["", "s", ".1f", ",.0f", ".0%", "d", "x", ".3e", "g", ">8", ".2", "n", "c"]:
        try:
            want = theirs(text, fmt)
        except Exception as exc:  # the same kind of error is the point
            with pytest.raises(type(exc)):
                ours(text, fmt)
        else:
            assert ours(text, fmt) == want, (value, fmt)


def test_resolving_a_glued_number_imports_no_json_schema():
    code = ("import sys\nfrom meishi_build.resolve_lookup import glue_text\n"
            "glue_text(0.375, '.0%')\nprint('LOADED', [m for m in ('nbformat', 'jsonschema', "
            "'myst_nb.core.variables') if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert "LOADED []" in out.splitlines(), out


def test_citations_read_as_in_the_book():
    assert cite_text(["heine2007search"]) == "[Heine and Hamamura, 2007]"
    # several keys: in the bibliography's order, as the book prints them
    assert (cite_text(["yamagishi1994trust", "yamagishi1998uncertainty"])
            == cite_text(["yamagishi1998uncertainty", "yamagishi1994trust"]))
    with pytest.raises(KeyError, match="nosuchkey"):
        cite_text(["nosuchkey"])


def test_resolver_turns_every_myst_form_into_markdown_or_html():
    nb = _nb(
        ("markdown", "# Title\n\n:::{admonition} At a glance\n:class: tip\nWorth "
                     "{glue:text}`best:.0f` on average {cite:p}`heine2007search`.\n:::"),
        ("code", "x = '{glue:text}`best:.0f`'"),
        ("markdown", "(ch2-model)=\n## Model 1: a cue\n\nA {term}`kenson 謙遜` and "
                     "{term}`the norm <kenson 謙遜>`; see {ref}`ch2-model`, "
                     "{ref}`the data <ch1-data>` and {doc}`the guide <teachers/guide_02_x>`. "
                     "Code `{glue:text}` stays.\n\n1. Try it.\n\n   ```{admonition} Answer\n"
                     "   :class: dropdown\n   It is {glue:text}`share:.1f`%.\n   ```\n\n"
                     "```python\n{term}`inside code`\n```"),
        ("markdown", "```{exercise} A {glue:text}`best:.0f` question\n:label: ch2-ex-a\n\n"
                     "Do it.\n```\n\n```{solution} ch2-ex-a\n:class: dropdown\n\nDone.\n```\n\n"
                     ":::{exercise} Second\n:label: ch2-ex-b\nMore.\n:::\n\n"
                     "```{solution-start} ch2-ex-b\n:class: dropdown\n```\nText."),
        ("code", "y = 2"),
        ("markdown", "```{solution-end}\n```"),
    )
    resolver = _resolver(best=41.6, share=0.375)
    out = resolve_notebook(nb, resolver)
    text = _md(out)
    assert raw_myst(out) == []
    assert "Worth 42 on average \\[Heine and Hamamura, 2007\\]." in text
    assert '<p style="font-weight: bold; margin-bottom: 0.3em">At a glance</p>' in text
    assert 'title="Modesty &quot;about oneself&quot;."' in text and ">the norm</span>" in text
    assert "see [Model 1: a cue](#Model-1:-a-cue)" in text
    assert "[the data](01_y.ipynb#The-data)" in text and "and the guide." in text
    assert "Code `{glue:text}` stays." in text
    assert "   <details" in text and "   <summary><strong>Answer</strong></summary>" in text
    assert "   It is 0.4%." in text
    assert "```python\n{term}`inside code`\n```" in text
    assert "Exercise 2.1 (A 42 question)" in text and "Exercise 2.2 (Second)" in text
    assert "<summary><strong>Solution to Exercise 2.1 (A 42 question)</strong>" in text
    assert "**Solution to Exercise 2.2 (Second)**" in text and "*End of the solution.*" in text
    assert "(ch2-model)=" not in text and ":label:" not in text and ":class:" not in text
    assert out["cells"][1]["source"] == nb["cells"][1]["source"], "code is left alone"
    assert [k for k, _, _ in resolver.glued] == ["best", "share", "best", "best"]


def test_maths_code_and_small_roles_keep_their_meaning():
    out = resolve_notebook(_nb(("markdown", "H{sub}`2`O, {math}`x^2`, {kbd}`Ctrl`\n\n"
                                             "```{math}\na = b\n```\n\n```{code-block} python\n"
                                             "x = 1\n```\n\n:::{dropdown} More\nHidden.\n:::")),
                           _resolver())
    text = _md(out)
    assert "H<sub>2</sub>O, $x^2$, <kbd>Ctrl</kbd>" in text
    assert "$$\na = b\n$$" in text and "```python\nx = 1\n```" in text
    assert "<summary><strong>More</strong></summary>" in text and raw_myst(out) == []


def test_unknown_forms_and_missing_facts_are_errors():
    with pytest.raises(KeyError, match="no fact 'gone'"):
        resolve_notebook(_nb(("markdown", "{glue:text}`gone:.1f`")), _resolver())
    with pytest.raises(ValueError, match="role"):
        resolve_notebook(_nb(("markdown", "{eq}`x`")), _resolver())
    with pytest.raises(ValueError, match="directive"):
        resolve_notebook(_nb(("markdown", "```{figure} x.png\n```")), _resolver())


def test_raw_myst_finds_what_jupyterlab_would_show():
    hits = raw_myst(_nb(("markdown", "a {cite:p}`k`\n:::{admonition} T\n:::\n(lab)=\n"
                                     "```{note}\n```\n`{term}` in code")))
    assert hits == ["{cite:p}`", ":::{admonition}", "(lab)=", "```{note}"]


def test_lab_settings_turn_the_news_off_and_keep_other_settings(tmp_path):
    path = write_overrides(tmp_path)
    assert path == tmp_path / "share/jupyter/lab/settings/overrides.json"
    path.write_text(json.dumps({"@jupyterlab/apputils-extension:themes": {"theme": "x"}}))
    write_overrides(tmp_path)
    settings = json.loads(path.read_text())
    assert settings["@jupyterlab/apputils-extension:themes"] == {"theme": "x"}
    assert settings["@jupyterlab/apputils-extension:notification"] == {
        "fetchNews": "false", "checkForUpdates": False}
    assert OVERRIDES["@jupyterlab/apputils-extension:notification"]["fetchNews"] == "false"


# -- the real chapters ------------------------------------------------------------------

@pytest.fixture(scope="module", params=CHAPTERS, ids=lambda c: c.stem)
def resolved(request):
    chapter = request.param
    source = json.loads(chapter.notebook.read_text(encoding="utf-8"))
    facts = chapter.facts()
    versions = {}
    for name, make in (("instructor", instructor_version), ("student", student_version)):
        resolver = resolver_for(chapter.notebook.name, facts)
        versions[name] = (resolve_notebook(make(source), resolver), resolver)
    return chapter, source, facts, versions


def test_every_chapter_reads_in_jupyterlab_with_no_raw_myst(resolved):
    chapter, source, facts, versions = resolved
    for name, (nb, resolver) in versions.items():
        assert raw_myst(nb) == [], f"{name} {chapter.stem}"
        text = _md(nb)
        assert "{glue" not in text and "{term}" not in text and "{cite" not in text
        assert resolver.glued, f"{chapter.stem}: no number was filled in"
        for key, fmt, shown in resolver.glued:
            assert shown == glue_text(facts[key], fmt)
            assert shown in text
    # the code cells are the chapter's, unchanged (the instructor version runs as it is)
    code = [c["source"] for c in source["cells"] if c["cell_type"] == "code"]
    nb, _ = versions["instructor"]
    assert [c["source"] for c in nb["cells"] if c["cell_type"] == "code"] == code


def test_resolved_numbers_and_citations_are_the_books(resolved):
    """The book's glued numbers, citations and exercise titles, in order."""
    chapter, _source, _facts, versions = resolved
    page = HTML / "chapters" / f"{chapter.stem}.html"
    required = os.environ.get("MEISHI_REQUIRE_BUILD") or os.environ.get("CI")
    if not page.is_file():
        if required:
            pytest.fail(f"{page} is not built")
        pytest.skip("the book is not built: run `make book`")
    inputs = [chapter.notebook, GLOSSARY, BIB,
              *(p for d in (ROOT / "src" / "meishi", ROOT / "assets") for p in d.rglob("*")
                if p.is_file())]
    if page.stat().st_mtime < max(p.stat().st_mtime for p in inputs) and not required:
        pytest.skip(f"{page.name} is older than the chapter or its data: run `make book`")
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    nb, resolver = versions["instructor"]

    def prose(selector: str) -> list[str]:  # not what a code cell printed (the ledger)
        return [s.get_text() for s in soup.select(selector)
                if not s.find_parent(class_="cell_output")]

    assert [t for _, _, t in resolver.glued] == prose("span.pasted-text")
    assert resolver.cited == prose("span.bibtex-citation")
    plain = str.maketrans("‘’“”", "''\"\"")  # the book's smart quotes
    titles = [" ".join(p.get_text(" ", strip=True).split()).translate(plain)
              for p in soup.select("div.exercise p.admonition-title")]
    text = _md(nb)
    assert titles and all(t in text for t in titles), titles
