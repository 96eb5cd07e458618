"""The lecture decks in Chromium, opened from file:// with every other request aborted.

Each deck is written from the built book into a temporary folder
(meishi_build.slides_html) and opened at 1280 x 720, the slide size: the widget
slide runs its widget from the saved state (no kernel) and answers a control;
body text is 28 px or more, chart text 18 px or more (the key chart's smallest
type, 9 pt at 144 dpi, as shown; the widget's chart text as laid out); no slide
overflows; axe finds nothing critical or serious; the keyboard moves the deck
and S opens the presenter view with the speaker notes; each deck prints to a
PDF with one page per slide.
"""

from __future__ import annotations

import pytest

from helpers import written_decks
from meishi.chapters import discover
from meishi_build import slides, slides_html

CHAPTERS = discover()
STEMS = [c.stem for c in CHAPTERS]
BODY_PX, CHART_PX = 28, 18
#: The smallest type meishi.kit.charts draws (points) at its DPI, in image pixels.
CHART_MIN_IMAGE_PX = 9 * 144 / 72


@pytest.fixture(scope="module")
def decks(tmp_path_factory):
    return written_decks(tmp_path_factory)


@pytest.fixture
def open_deck(browser, decks):
    """open_deck(stem, slide=0) -> (page, errors): the deck from file://, nothing else."""
    contexts = []

    def _open(stem: str, slide: int = 0):
        context = browser.new_context(viewport={"width": 1280, "height": 720})
        contexts.append(context)
        errors: list[str] = []
        context.route("**/*", lambda route: route.continue_()
                      if route.request.url.startswith("file://")
                      else (errors.append("blocked " + route.request.url), route.abort()))
        page = context.new_page()
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto((decks / stem / "index.html").as_uri() + f"#/{slide}")
        page.wait_for_selector('html[data-meishi-widgets="ready"]', state="attached",
                               timeout=15000)
        page.wait_for_function("() => window.Reveal && Reveal.isReady()")
        page.evaluate("document.fonts.ready")
        return page, errors

    yield _open
    for context in contexts:
        context.close()


WIDGET = slides.PARTS.index("widget") + 1

#: The widget's chart, as text: changes when the model's output does.
_CHART_JS = "() => document.querySelector('.meishi-stage .mw-figure').innerHTML"


@pytest.mark.parametrize("stem", STEMS)
def test_widget_slide_responds_offline(open_deck, stem):
    page, errors = open_deck(stem, WIDGET)
    stage = page.locator(".meishi-stage")
    assert stage.locator(".meishi-anywidget[data-ready=true]").count() == 1
    before = page.evaluate(_CHART_JS)
    slider = stage.locator("input[type=range]")
    if slider.count():
        slider.first.focus()
        for _ in range(5):
            page.keyboard.press("ArrowRight")
        # the arrows moved the slider, not the deck
        assert page.evaluate("Reveal.getIndices().h") == WIDGET
    else:  # a widget of choices: pick another
        stage.locator("input[type=radio]:not(:checked)").first.check()
    page.wait_for_function(f"(b) => ({_CHART_JS})() !== b", arg=before, timeout=5000)
    assert errors == []


def test_keys_on_a_widget_button_go_to_the_widget(open_deck):
    """Space on a focused preset applies it and leaves the deck where it is (reveal.js
    itself only leaves keys in inputs alone: slides_html.KEYS_TO_WIDGET); Page Down,
    a presenter's clicker, still moves the deck."""
    for stem in STEMS:
        page, errors = open_deck(stem, WIDGET)
        presets = page.locator(".meishi-stage button[data-preset]")
        if presets.count():
            break
    else:
        pytest.fail("no deck's widget has presets")
    preset = presets.last
    before = page.evaluate(_CHART_JS)
    preset.focus()
    for key in ("Space", "ArrowRight", "ArrowLeft"):
        page.keyboard.press(key)
        assert page.evaluate("Reveal.getIndices().h") == WIDGET, f"{stem}: {key} moved the deck"
    # the preset was applied: the chart changed
    page.wait_for_function(f"(b) => ({_CHART_JS})() !== b", arg=before, timeout=5000)
    page.locator(".meishi-stage .mw-reset").focus()
    page.keyboard.press("Enter")
    assert page.evaluate("Reveal.getIndices().h") == WIDGET
    page.keyboard.press("PageDown")
    assert page.evaluate("Reveal.getIndices().h") == WIDGET + 1
    assert errors == []


def _measure(page) -> dict:
    return page.evaluate("""() => {
      const scale = Reveal.getScale();
      const px = el => parseFloat(getComputedStyle(el).fontSize) * (el.currentCSSZoom || 1)
        * scale;
      const slide = Reveal.getCurrentSlide();
      const texts = [...slide.querySelectorAll('h1, h2, p, li, span')]
        .filter(el => !el.closest('.meishi-stage, aside.notes') && el.textContent.trim());
      const svg = [...slide.querySelectorAll('.meishi-stage svg text')]
        .filter(t => t.textContent.trim() && t.getBBox().width > 0);
      const img = slide.querySelector('figure img');
      const top = slide.getBoundingClientRect().top;
      const bottom = Math.max(...[...slide.children].filter(c => c.tagName !== 'ASIDE')
        .map(c => c.getBoundingClientRect().bottom));
      return {body: Math.min(...texts.map(px)), svg: svg.length ? Math.min(...svg.map(px)) : null,
              img: img ? {shown: img.getBoundingClientRect().height * scale,
                          natural: img.naturalHeight} : null,
              height: (bottom - top) / scale};
    }""")


@pytest.mark.parametrize("stem", STEMS)
def test_readable_from_the_back_of_the_room(open_deck, stem):
    page, errors = open_deck(stem)
    sizes = []
    for index in range(len(slides.PARTS) + 1):
        page.evaluate(f"Reveal.slide({index})")
        page.wait_for_timeout(50)
        m = _measure(page)
        sizes.append(m)
        assert m["body"] >= BODY_PX, f"slide {index}: text at {m['body']:.1f} px"
        assert m["height"] <= 720 + 0.5, f"slide {index} overflows: {m['height']:.0f} px"
        if m["img"]:
            shown = CHART_MIN_IMAGE_PX * m["img"]["shown"] / m["img"]["natural"]
            assert shown >= CHART_PX, f"chart text {shown:.1f} px"
        if m["svg"] is not None:
            assert m["svg"] >= CHART_PX, f"widget chart text {m['svg']:.1f} px"
    assert any(m["svg"] for m in sizes) and any(m["img"] for m in sizes)
    assert errors == []


def _axe(page, axe_source: str) -> list[dict]:
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.add_script_tag(content=axe_source)
    result = page.evaluate("""async () => {
        await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
        const r = await axe.run(document, {resultTypes: ['violations']});
        return r.violations.map(v => ({id: v.id, impact: v.impact,
            nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}));
    }""")
    return [v for v in result if v["impact"] in ("critical", "serious")]


@pytest.mark.parametrize("stem", STEMS)
def test_every_slide_passes_axe(open_deck, axe_source, stem):
    page, _errors = open_deck(stem)
    for index in range(len(slides.PARTS) + 1):
        page.evaluate(f"Reveal.slide({index})")
        assert _axe(page, axe_source) == [], f"slide {index}"


def test_keyboard_and_presenter_view_offline(open_deck):
    page, errors = open_deck(STEMS[1])
    page.locator("body").focus()
    page.keyboard.press("ArrowRight")
    assert page.evaluate("Reveal.getIndices().h") == 1
    notes = page.evaluate("Reveal.getSlideNotes()")
    assert "minute plan" in notes
    with page.context.expect_page() as popup:
        page.keyboard.press("s")
    view = popup.value
    view.wait_for_load_state()
    view.wait_for_function("() => document.querySelector('.speaker-controls-notes') && "
                           "document.querySelector('.speaker-controls-notes').textContent"
                           ".includes('minute plan')", timeout=15000)
    page.keyboard.press("ArrowRight")
    view.wait_for_function("() => document.querySelector('.speaker-controls-notes')"
                           ".textContent.includes('minute plan, step')", timeout=15000)
    assert errors == []


def test_index_lists_every_deck(decks):
    text = (decks / "index.html").read_text(encoding="utf-8")
    for stem in STEMS:
        assert f'href="{stem}/index.html"' in text


def test_each_deck_prints_one_page_per_slide(browser, decks):
    from meishi_build.slides_pdf import print_decks

    printed = print_decks(decks, browser)
    assert sorted(p.stem for p in printed) == STEMS
    from pypdf import PdfReader

    for path, pages in printed.items():
        reader = PdfReader(str(path))
        assert pages == len(reader.pages) == len(slides.PARTS) + 1, path.name
        box = reader.pages[0].mediabox
        assert (round(float(box.width)), round(float(box.height))) == (960, 540)  # 1280x720 px
        assert "For discussion" in reader.pages[-1].extract_text()
    # once printed, the index links every PDF (as `make slides` rewrites it)
    index = slides_html.render_index(slides.decks(), "Course", decks)
    for stem in STEMS:
        assert f'href="pdf/{stem}.pdf"' in index
