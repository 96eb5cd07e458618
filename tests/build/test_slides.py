"""The lecture decks (`make slides`, meishi_build.slides and slides_html).

In Chromium: tests/browser/test_slides_live.py.

The decks are written into a temporary folder from the built book
(``_build/html``), so the test does not depend on `make slides` having run.
What each slide must say is read from the chapter notebook and the guide
file, resolved with the same facts (meishi_build.resolve), never written out here.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata

import pytest
import yaml
from bs4 import BeautifulSoup

from helpers import written_decks
from meishi.chapters import discover
from meishi_build import slides, slides_html
from meishi_build.resolve import resolver_for

CHAPTERS = discover()
PLAN = re.compile(r"^(\d+)-minute plan, step (\d+) \((\d+) min\)")


def _norm(text: str) -> str:
    """Text as compared: typographic quotes folded, no markup, escapes or whitespace."""
    text = unicodedata.normalize("NFKC", BeautifulSoup(text, "html.parser").get_text())
    text = text.translate(str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "\\": ""}))
    return re.sub(r"\s+|\*", "", text)


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    return written_decks(tmp_path_factory)


def _deck(written, stem: str) -> BeautifulSoup:
    return BeautifulSoup((written / stem / "index.html").read_text(encoding="utf-8"),
                         "html.parser")


def _body(section) -> str:
    """A slide's text without its label, heading and notes."""
    section = BeautifulSoup(str(section), "html.parser").section
    for tag in section.find_all(["h1", "h2", "aside"]):
        tag.decompose()
    return section.get_text(" ")


@functools.cache
def _facts(stem: str) -> dict:
    return dict(next(c for c in CHAPTERS if c.stem == stem).facts())


@functools.cache
def _resolver(stem: str):
    chapter = next(c for c in CHAPTERS if c.stem == stem)
    return resolver_for(chapter.notebook.name, _facts(stem))


def _chapter_text(chapter) -> str:
    """The chapter's Markdown cells, resolved (numbers glued from its facts), as compared."""
    notebook = json.loads(chapter.notebook.read_text(encoding="utf-8"))
    resolver = _resolver(chapter.stem)
    cells = ["".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == "markdown"]
    return _norm(" ".join(resolver.markdown(c) for c in cells))


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda c: c.stem)
def test_every_chapter_has_a_deck_with_the_five_parts(written, chapter):
    deck = _deck(written, chapter.stem)
    sections = deck.select(".reveal .slides > section")
    assert [s["data-part"] for s in sections] == ["title", *slides.PARTS]
    parts = {s["data-part"]: s for s in sections}
    for part in ("claim", "model", "prompt"):
        assert len(_body(parts[part]).split()) >= 10, f"{part}: no text"
    img = parts["chart"].find("img")
    assert (written / chapter.stem / img["src"]).is_file() and len(img["alt"]) > 20
    view = json.loads(parts["widget"].find(
        "script", type="application/vnd.jupyter.widget-view+json").string)
    state = json.loads(deck.find(
        "script", type="application/vnd.jupyter.widget-state+json").string)["state"]
    entry = state[view["model_id"]]
    assert entry["model_module"] == "anywidget" and entry["state"]["_esm"]
    assert entry["state"]["spec"]["id"] == chapter.widgets[0].widget_id
    assert (written / "index.html").read_text(encoding="utf-8").count(
        f'href="{chapter.stem}/index.html"') == 1


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda c: c.stem)
def test_slide_text_and_numbers_are_the_chapters(written, chapter):
    """Claim, model and prompt are the chapter's own text, every number in them the one
    the chapter glues from its facts (the notebook's Markdown resolved with the facts)."""
    text = _chapter_text(chapter)
    parts = {s["data-part"]: s for s in _deck(written, chapter.stem).select(".slides > section")}
    for part in ("claim", "model", "prompt"):
        section = BeautifulSoup(str(parts[part]), "html.parser").section
        for table in section.find_all("table"):  # a table the paragraph introduces: each
            for cell in table.find_all(["th", "td"]):  # cell is the chapter's own text
                assert _norm(cell.get_text(" ")) in text, f"{chapter.stem} {part}: {cell}"
            table.decompose()
        body = _norm(_body(section))
        assert body and body in text, f"{chapter.stem} {part}: not the chapter's text"
    # the numbers are there: the claim paragraph quotes at least one of the facts where
    # the chapter glues one into it
    claim = _body(parts["claim"])
    glued = re.findall(r"\{glue:text\}`(\w+)", json.dumps(json.loads(
        chapter.notebook.read_text(encoding="utf-8"))["cells"]))
    facts = _facts(chapter.stem)
    assert all(key in facts for key in glued)
    assert claim.strip()


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda c: c.stem)
def test_no_slide_stops_at_a_colon(written, chapter):
    """A paragraph that introduces a list or table ("...scored on:") brings it along."""
    parts = {s["data-part"]: s for s in _deck(written, chapter.stem).select(".slides > section")}
    for part in ("claim", "model"):
        body = _body(parts[part]).strip()
        assert not body.endswith(":"), f"{chapter.stem} {part}: ends on {body[-60:]!r}"
    model = parts["model"]
    if "scored on:" in _body(model):  # chapter 5: the lens table follows its paragraph
        assert len(model.find("table").find_all("tr")) == 5


def _guide(chapter) -> dict:
    return yaml.safe_load((slides.guide_file(chapter)).read_text(encoding="utf-8"))


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda c: c.stem)
def test_speaker_notes_are_the_guides_fields(written, chapter):
    guide, resolver = _guide(chapter), _resolver(chapter.stem)
    parts = {s["data-part"]: s for s in _deck(written, chapter.stem).select(".slides > section")}

    def resolved(markdown: str) -> str:
        return _norm(resolver.markdown(markdown))

    for part in ("claim", "model", "chart", "widget"):
        notes = parts[part].find("aside", class_="notes")
        assert notes is not None, f"{chapter.stem} {part}: no speaker notes"
        head = PLAN.match(notes.find("strong").get_text())
        length, number, minutes = map(int, head.groups())
        step = guide["plans"][length][number - 1]
        assert step["minutes"] == minutes
        expected = _norm(head.group(0)) + resolved(step["activity"])
        if part == "widget":  # then the widget's own preset note, from its saved spec
            state = json.loads(_deck(written, chapter.stem).find(
                "script", type="application/vnd.jupyter.widget-state+json").string)["state"]
            spec = next(iter(state.values()))["state"]["spec"]
            assert spec.get("preset_note"), f"{chapter.stem}: the widget has no preset note"
            expected += _norm(slides.PRESET_NOTE) + _norm(spec["preset_note"])
        assert _norm(notes.get_text()) == expected, f"{chapter.stem} {part}"
        heading = parts[part].find("h2").get_text(" ")
        assert any(c.lower() in heading.lower() or heading.lower().startswith(c.lower())
                   for c in step.get("covers", [])) or part == "chart"
    notes = parts["prompt"].find("aside", class_="notes")
    number = slides.prompt_number(guide)
    note = guide["discussion"][number - 1]
    text = _norm(notes.get_text())
    for field in (note["say"], note["misconceptions"], *note["follow_up"]):
        assert resolved(field) in text
    assert "{glue" not in notes.get_text()


def test_user_text_is_shown_as_text():
    hostile = '<script>alert(1)</script><img src=x onerror="alert(2)"><b onclick="x()">b</b>'
    out = slides.clean(hostile)
    assert "<script" not in out and "<img" not in out and "onclick" not in out
    assert "alert(1)" in out and "<b>b</b>" in out
    resolver = _resolver(CHAPTERS[1].stem)
    notes = slides.notes_html("Say *this* <script>alert(3)</script>", resolver)
    assert "<script" not in notes and "<em>this</em>" in notes
    deck = slides.Deck(CHAPTERS[0], "</title><script>alert(4)</script>", [
        slides.Slide("title", "<script>alert(5)</script>"),
        slides.Slide("claim", "c", "<p>x</p>"), slides.Slide("model", "m", "<p>y</p>"),
        slides.Slide("chart", "k", alt='" onload="alert(6)'),
        slides.Slide("widget", "w", widget={"model_id": "</script><script>alert(7)//",
                                            "entry": {"state": {"x": "</script>"}}}),
        slides.Slide("prompt", "p", "<p>z</p>")])
    page = slides_html.render_deck(deck, "<i>course</i>")
    soup = BeautifulSoup(page, "html.parser")
    scripts = [s for s in soup.find_all("script") if not s.get("type", "").startswith(
        "application/vnd.jupyter") and not s.get("src")]
    assert len(scripts) == 1 and "Reveal.initialize" in scripts[0].string
    assert soup.find("img")["alt"] == '" onload="alert(6)' and not soup.find("i")
    assert json.loads(soup.find("script", type=re.compile("state")).string)["state"]
    assert "alert(" not in "".join(s.string or "" for s in scripts)


def test_decks_load_nothing_from_outside(written):
    for page in [written / "index.html", *written.glob("*/index.html")]:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for tag in soup.find_all(["script", "link", "img", "a"]):
            ref = tag.get("src") or tag.get("href")
            if not ref:
                continue
            assert not re.match(r"^[a-z]+:|^//", ref), f"{page}: {ref}"
            assert (page.parent / ref).resolve().is_file(), f"{page}: {ref} missing"


def test_index_links_a_pdf_only_once_printed(written, tmp_path):
    """`make book` writes the decks without PDFs: no link to a missing file; a printed
    PDF (`make slides`) is linked."""
    deck_list = [slides.Deck(c, c.title, []) for c in CHAPTERS]
    out = tmp_path / "slides"
    out.mkdir()
    page = slides_html.render_index(deck_list, "Course", out)
    assert "pdf/" not in page and "PDF</a>" not in page
    for chapter in CHAPTERS:
        assert f'href="{chapter.stem}/index.html"' in page
    assert "pdf/" not in (written / "index.html").read_text(encoding="utf-8")
    (out / "pdf").mkdir()
    (out / "pdf" / f"{CHAPTERS[1].stem}.pdf").write_bytes(b"%PDF-1.4\n")
    page = slides_html.render_index(deck_list, "Course", out)
    assert page.count('href="pdf/') == 1 and f'href="pdf/{CHAPTERS[1].stem}.pdf"' in page
    slides_html.write_index(out, deck_list, "Course")
    assert (out / "index.html").read_text(encoding="utf-8") == page


def test_key_chart_fits_the_slide_at_its_drawn_size(written):
    from PIL import Image

    for chapter in CHAPTERS:
        with Image.open(written / chapter.stem / "chart.png") as image:
            assert image.height <= slides.CHART_HEIGHT
    css = (slides_html.TEMPLATES / "deck.css").read_text(encoding="utf-8")
    assert f"height: {slides.CHART_HEIGHT}px" in css


def test_reveal_is_pinned_and_mit():
    root = slides_html.REVEAL.parent
    package = json.loads((root.parents[1] / "package.json").read_text(encoding="utf-8"))
    lock = json.loads((root.parents[1] / "package-lock.json").read_text(encoding="utf-8"))
    version = package["dependencies"]["reveal.js"]
    assert re.fullmatch(r"\d+\.\d+\.\d+", version)
    assert lock["packages"]["node_modules/reveal.js"]["version"] == version
    assert lock["packages"]["node_modules/reveal.js"]["license"] == "MIT"
