"""Write the lecture decks: ``python -m meishi_build.slides_html`` (``make slides``).

After ``make book``, for every chapter (:mod:`meishi_build.slides` picks the
content) it writes ``_build/slides/NN_slug/index.html``, a reveal.js deck, with
the key chart beside it, and ``_build/slides/index.html`` listing the decks.
Everything a deck loads is in ``_build/slides/`` (``assets/``: reveal.js and its
notes plugin from ``web/node_modules``, the book's widget host script and
Japanese font, the deck stylesheet), so it works offline, from ``file://`` or a
static server.  The widget slide carries the main widget's saved state, run by
the same host script as the book: no kernel.  Keys: arrows or space to move, S
for the presenter view with the speaker notes, F for full screen.

``--pdf`` also prints each deck in Chromium (reveal's ``?print-pdf``) to
``_build/slides/pdf/NN_slug.pdf``, one page per slide (:mod:`meishi_build.slides_pdf`).
"""

from __future__ import annotations

import argparse
import html
import json
import re
import shutil
import sys
from pathlib import Path

import yaml

from meishi.paths import BUILD, HTML, ROOT

from .slides import Deck, Slide, decks

__all__ = ["SLIDES", "render_deck", "render_index", "write_index", "write_slides"]

SLIDES = BUILD / "slides"
REVEAL = ROOT / "web" / "node_modules" / "reveal.js" / "dist"
TEMPLATES = Path(__file__).resolve().parent / "templates" / "slides"
#: What each part is called on its slide (a small label above the heading).
LABELS = {"claim": "The claim", "model": "The model", "chart": "The key chart",
          "widget": "Try it live", "prompt": "Discuss"}
#: reveal.js settings: a 1280 x 720 slide shown at full size on a 1280 x 720 screen.
CONFIG = {"width": 1280, "height": 720, "margin": 0, "center": False, "hash": True,
          "controls": True, "progress": True, "slideNumber": "c/t", "transition": "none",
          "pdfMaxPagesPerSlide": 1, "pdfSeparateFragments": False, "showNotes": False}
#: reveal.js's ``keyboardCondition``: a key pressed inside the widget (a preset, a
#: button, a radio, the stage itself) goes to the widget, not the deck (reveal 6 itself
#: only leaves keys in inputs and text areas alone); a presenter's clicker (Page Up,
#: Page Down) still moves the deck from anywhere.
KEYS_TO_WIDGET = ("e => ['PageUp', 'PageDown'].includes(e.key) || "
                  "!(e.target instanceof Element && e.target.closest('.meishi-stage'))")
#: Characters of text above which a slide's paragraph is set at 28 px, not 30.
LONG = 800
_STATE = "application/vnd.jupyter.widget-state+json"
_VIEW = "application/vnd.jupyter.widget-view+json"


def _course_title() -> str:
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    return str(config["title"])


def _json_script(kind: str, data: dict) -> str:
    """A JSON script element whose text can never close it early."""
    text = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    return f'<script type="{kind}">{text}</script>'


def _section(slide: Slide, number: int, chart_name: str, course: str) -> str:
    part = html.escape(slide.part)
    notes = f'<aside class="notes">{slide.notes}</aside>' if slide.notes else ""
    if slide.part == "title":
        return (f'<section data-part="title" id="slide-{number}">'
                f"<h1>{html.escape(slide.heading)}</h1>"
                f'<p class="meishi-course">{html.escape(course)}</p>{slide.body}{notes}</section>')
    label = f'<span class="meishi-part">{html.escape(LABELS[slide.part])}</span>'
    if LABELS[slide.part].lower() == slide.heading.lower():  # "The claim" over "The claim"
        label = ""
    head = f"<h2>{label}{html.escape(slide.heading)}</h2>"
    if slide.part == "chart":
        body = (f'<figure><img src="{html.escape(chart_name)}" '
                f'alt="{html.escape(slide.alt)}"></figure>')
    elif slide.part == "widget":
        view = {"version_major": 2, "version_minor": 0, "model_id": slide.widget["model_id"]}
        body = (f'<div class="meishi-stage" tabindex="0" role="region" '
                f'aria-label="{html.escape(slide.heading)}: the widget">'
                f"{_json_script(_VIEW, view)}</div>")
    else:
        body = slide.body
    # a long paragraph (a worked example) is set at the smallest body size, 28 px
    long = ' class="meishi-long"' if len(re.sub(r"<[^>]+>", "", body)) > LONG else ""
    return (f'<section data-part="{part}" id="slide-{number}"{long}>'
            f"{head}{body}{notes}</section>")


def render_deck(deck: Deck, course: str, chart_name: str = "chart.png") -> str:
    """The deck's ``index.html`` (assets in ``../assets``)."""
    widget = next(s for s in deck.slides if s.part == "widget").widget
    state = {"version_major": 2, "version_minor": 0,
             "state": {widget["model_id"]: widget["entry"]}}
    sections = "\n".join(_section(s, n, chart_name, course)
                          for n, s in enumerate(deck.slides, 1))
    title = html.escape(f"{deck.title}: slides")
    return f"""<!doctype html>
<html lang="en" data-theme="dark">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<link rel="stylesheet" href="../assets/reveal/reset.css">
<link rel="stylesheet" href="../assets/reveal/reveal.css">
<link rel="stylesheet" href="../assets/reveal/theme/black-contrast.css">
<link rel="stylesheet" href="../assets/fonts/noto-sans-jp.css">
<link rel="stylesheet" href="../assets/deck.css">
</head>
<body>
<main class="reveal" aria-label="{title}">
<div class="slides">
{sections}
</div>
</main>
{_json_script(_STATE, state)}
<script src="../assets/reveal/reveal.js"></script>
<script src="../assets/reveal/plugin/notes.js"></script>
<script src="../assets/host.js"></script>
<script>Reveal.initialize(Object.assign({json.dumps(CONFIG)}, {{plugins: [RevealNotes],
  keyboardCondition: {KEYS_TO_WIDGET}}}));</script>
</body>
</html>
"""


def render_index(deck_list: list[Deck], course: str, out: Path | None = None) -> str:
    """The list of decks; a deck's PDF is linked only if ``out/pdf/NN_slug.pdf`` exists
    (``make book`` writes the decks without PDFs; ``make slides`` prints them)."""
    def pdf(stem: str) -> str:
        if out is None or not (out / "pdf" / f"{stem}.pdf").is_file():
            return ""
        return f' (<a href="pdf/{stem}.pdf">PDF</a>)'

    items = "\n".join(
        f'<li><a href="{d.stem}/index.html">{html.escape(d.title)}</a>{pdf(d.stem)}</li>'
        for d in deck_list)
    title = html.escape(f"{course}: lecture slides")
    return f"""<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>body {{ font: 20px/1.5 sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem;
  background: #000; color: #fff; }} a {{ color: #8fd1ff; }}</style></head>
<body><main>
<h1>{title}</h1>
<p>One deck per chapter: open it, press F for full screen and S for the presenter view with
the speaker notes (from the teacher's guide). The widget slide runs in the browser, with no
kernel and no network. A PDF of each deck, one page per slide, is linked once printed
(<code>make slides</code>, which needs Chromium).</p>
<ol>
{items}
</ol>
</main></body>
</html>
"""


def copy_assets(out: Path, html_root: Path = HTML) -> None:
    assets = out / "assets"
    shutil.rmtree(assets, ignore_errors=True)
    (assets / "reveal" / "plugin").mkdir(parents=True)
    if not (REVEAL / "reveal.js").is_file():
        raise SystemExit("reveal.js is not installed: run `make web`")
    for name in ("reset.css", "reveal.css", "reveal.js"):
        shutil.copy2(REVEAL / name, assets / "reveal" / name)
    shutil.copytree(REVEAL / "theme", assets / "reveal" / "theme")
    shutil.copy2(REVEAL / "plugin" / "notes.js", assets / "reveal" / "plugin" / "notes.js")
    shutil.copy2(REVEAL.parent / "LICENSE", assets / "reveal" / "LICENSE")
    shutil.copy2(html_root / "_static" / "vendor" / "meishi" / "host.js", assets / "host.js")
    shutil.copytree(html_root / "_static" / "vendor" / "fonts", assets / "fonts")
    shutil.copy2(TEMPLATES / "deck.css", assets / "deck.css")


def write_slides(out: Path = SLIDES, html_root: Path = HTML) -> list[Path]:
    """Every chapter's deck, the index and the assets; the built book must exist."""
    if not (html_root / "index.html").is_file():
        raise SystemExit("the book is not built: run `make book` first")
    course = _course_title()
    deck_list = decks(html_root)
    out.mkdir(parents=True, exist_ok=True)
    copy_assets(out, html_root)
    written = []
    for deck in deck_list:
        folder = out / deck.stem
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir()
        chart = next(s for s in deck.slides if s.part == "chart")
        shutil.copy2(chart.image, folder / "chart.png")
        (folder / "index.html").write_text(render_deck(deck, course), encoding="utf-8")
        written.append(folder / "index.html")
    write_index(out, deck_list, course)
    return written


def write_index(out: Path, deck_list: list[Deck], course: str) -> Path:
    """``out/index.html``, linking the PDFs printed so far."""
    (out / "index.html").write_text(render_index(deck_list, course, out), encoding="utf-8")
    return out / "index.html"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=SLIDES)
    parser.add_argument("--pdf", action="store_true", help="also print each deck to PDF")
    parser.add_argument("--if-chromium", action="store_true",
                        help="with --pdf: skip the PDFs, with a message, without Chromium")
    args = parser.parse_args(argv)
    written = write_slides(args.out)
    for path in written:
        print(f"slides: {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
    if args.pdf:
        from .devserver import NOT_FOUND, chromium_path
        from .slides_pdf import print_decks

        if args.if_chromium and chromium_path() is None:
            print(f"slide PDFs skipped: {NOT_FOUND}", file=sys.stderr)
            return 0
        for path, pages in print_decks(args.out).items():
            print(f"slides: {path.name}: {pages} pages")
        write_index(args.out, decks(HTML), _course_title())  # now with the PDFs linked
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
