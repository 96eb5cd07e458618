"""A lecture deck per chapter, from the built book and the teacher's guide.

``make slides`` (after ``make book``) runs ``python -m meishi_build.slides_html``,
which writes ``_build/slides/NN_slug/index.html`` with reveal.js.  This module
picks what each deck shows; nothing on a slide is typed here:

* **the claim**: the first paragraph of the chapter's first section, as the
  built page shows it (numbers already glued by the book's build);
* **the model**: the heading and first paragraph of the section that holds the
  chapter's main widget (its first, ``Chapter.widgets[0]``);
* **the key chart**: the chapter's first figure that fits a 1280 x 720 slide at its
  drawn size (:data:`CHART_HEIGHT`), the image the build made from
  the execution cache, shown with its alt text; its caption stays in the book
  (kept in ``Slide.body`` but not on the slide: at 28 px it would not fit beside a
  630 px chart within 720 px);
* **the widget**: the main widget's saved state (myst-nb's widget-state script),
  run by the book's own host script with no kernel; its preset note (where the
  presets come from), hidden on the slide, goes in the slide's speaker notes;
* **the discussion prompt**: the first prompt the 60-minute plan uses (else the
  90-minute plan's, else prompt 1), from the page's "For discussion" list.

Speaker notes are the teacher's guide's fields (``chapters/teachers/NN_slug.yml``),
resolved as the guide page resolves them: a plan step's ``activity`` (the first
step, 60-minute plan first, whose ``covers`` names the slide's section) and, for
the prompt, its discussion note (``say``, ``misconceptions``, ``follow_up``).
All text is passed through :func:`clean`: only a few inline tags survive, the
rest is shown as text.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from bs4 import BeautifulSoup, NavigableString, Tag

from meishi.chapters import Chapter, discover
from meishi.paths import HTML

from .guide import guide_file, load_guide

__all__ = ["PARTS", "Deck", "Slide", "clean", "deck_for", "decks", "guide_notes", "notes_html"]

#: The five parts every deck has, in order (a title slide comes first).
PARTS = ("claim", "model", "chart", "widget", "prompt")
#: Inline tags kept from the book's HTML and the guide's Markdown; attributes are dropped.
_KEEP = {"em", "strong", "b", "i", "sub", "sup", "code", "p", "ul", "ol", "li", "span",
         "table", "thead", "tbody", "tr", "th", "td"}
_STATE = "application/vnd.jupyter.widget-state+json"
_VIEW = "application/vnd.jupyter.widget-view+json"
#: The key chart's height on a slide (CSS px): a chart drawn no taller is shown at its
#: drawn size or larger, so its smallest text (9 pt at 144 dpi) is 18 px or more.
CHART_HEIGHT = 630
_SPACE = re.compile(r"\s+")


@dataclass
class Slide:
    part: str  # "title" or one of PARTS
    heading: str  # plain text
    body: str = ""  # cleaned HTML
    notes: str = ""  # cleaned HTML
    image: Path | None = None  # the key chart's file in the built book
    alt: str = ""
    widget: dict = field(default_factory=dict)  # {"model_id", "state"} for the widget slide


@dataclass
class Deck:
    chapter: Chapter
    title: str
    slides: list[Slide]

    @property
    def stem(self) -> str:
        return self.chapter.stem


def _text(node) -> str:
    return _SPACE.sub(" ", node.get_text(" ") if isinstance(node, Tag) else str(node)).strip()


def clean(fragment: str) -> str:
    """``fragment`` with only :data:`_KEEP` tags (no attributes); anything else is text.

    A ``<script>`` or ``<img onerror=…>`` from a guide file or a page comes out as
    escaped text or not at all: nothing in it runs.
    """
    soup = BeautifulSoup(fragment, "html.parser")

    def walk(node) -> str:
        if isinstance(node, NavigableString):
            return html.escape(str(node), quote=False)
        if not isinstance(node, Tag):
            return ""
        inner = "".join(walk(c) for c in node.children)
        if "headerlink" in (node.get("class") or []):
            return ""
        if node.name in ("script", "style", "template"):
            return html.escape(node.get_text(), quote=False)
        if node.name in ("a", "abbr", "cite", "div", "section") or node.name not in _KEEP:
            return inner  # links and unknown tags keep their text only
        return f"<{node.name}>{inner}</{node.name}>"

    text = "".join(walk(c) for c in soup.children)
    return re.sub(r"¶|\u00b6", "", text).strip()


def notes_html(markdown: str, resolver) -> str:
    """One guide field (MyST Markdown) as cleaned HTML, numbers glued from the facts."""
    from markdown_it import MarkdownIt

    return clean(MarkdownIt("commonmark").render(resolver.markdown(markdown)))


def _page(chapter: Chapter, root: Path) -> BeautifulSoup:
    path = root / "chapters" / f"{chapter.stem}.html"
    if not path.is_file():
        raise SystemExit(f"{path} is missing: run `make book` first")
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _first_paragraph(section: Tag) -> str:
    """The section's first paragraph (and the list or table it introduces, if it ends in a
    colon: a ``ul``/``ol``, or the theme's ``div.pst-scrollable-table-container``)."""
    for p in section.find_all("p"):
        if not p.find_parent(class_=("admonition", "cell", "figure", "mw-widget")) and _text(p):
            after = p.find_next_sibling()
            if _text(p).endswith(":") and after is not None and (
                    after.name in ("ul", "ol", "table") or after.find("table") is not None):
                return str(p) + str(after)
            return str(p)
    raise ValueError(f"section {section.get('id')}: no paragraph")


def _heading(section: Tag) -> str:
    h = section.find(re.compile(r"^h[1-6]$"))
    return re.sub(r"^[\d.]+\s*", "", _text(h).replace("#", "").strip())


def _main_widget(soup: BeautifulSoup, chapter: Chapter) -> tuple[Tag, dict]:
    """The view script of the chapter's first widget, and its saved model state."""
    state: dict = {}
    for s in soup.find_all("script", type=_STATE):
        state.update(json.loads(s.string or "{}").get("state", {}))
    want = chapter.widgets[0].widget_id
    for script in soup.find_all("script", type=_VIEW):
        model_id = json.loads(script.string or "{}").get("model_id")
        entry = state.get(model_id, {})
        if (entry.get("state", {}).get("spec") or {}).get("id") == want:
            return script, {"model_id": model_id, "entry": entry}
    raise ValueError(f"{chapter.stem}: no saved state for its widget {want!r}")


def _covering(plans: dict, headings: list[str]) -> tuple[str, dict] | None:
    """The first plan step (60-minute plan first) whose covers names one of ``headings``."""
    for length in sorted(plans, key=lambda n: (n != 60, n)):
        for number, step in enumerate(plans[length], 1):
            if any(h.lower().startswith(c.lower()) for c in step.get("covers", [])
                   for h in headings):
                return f"{length}-minute plan, step {number} ({step['minutes']} min)", step
    return None


def guide_notes(guide: dict, headings: list[str], resolver) -> str:
    """The speaker notes for a slide about ``headings``: the covering step's activity."""
    found = _covering(guide.get("plans", {}), headings)
    if found is None:
        return ""
    where, step = found
    return f"<p><strong>{html.escape(where)}</strong></p>" + notes_html(step["activity"],
                                                                        resolver)


def prompt_number(guide: dict) -> int:
    """The discussion prompt the deck shows: the 60-minute plan's first, else the 90's, else 1."""
    for length in sorted(guide.get("plans", {}), key=lambda n: (n != 60, n)):
        for step in guide["plans"][length]:
            if step.get("prompts"):
                return int(step["prompts"][0])
    return 1


def prompt_notes(guide: dict, number: int, resolver) -> str:
    note = guide["discussion"][number - 1]
    follow = "".join(f"<li>{notes_html(q, resolver)}</li>" for q in note["follow_up"])
    return ("<p><strong>What students tend to say</strong></p>" + notes_html(note["say"], resolver)
            + "<p><strong>Misconceptions to listen for</strong></p>"
            + notes_html(note["misconceptions"], resolver)
            + f"<p><strong>Follow-up questions</strong></p><ul>{follow}</ul>")


#: The heading of the widget's preset note in the speaker notes (the widget's own fold).
PRESET_NOTE = "Where the presets come from"


def preset_notes(widget: dict) -> str:
    """The widget's preset note (its spec's ``preset_note``, as the widget shows it in the
    fold the slide hides), for the widget slide's speaker notes; "" if it has none."""
    note = (widget["entry"].get("state", {}).get("spec") or {}).get("preset_note") or ""
    if not note.strip():
        return ""
    return (f"<p><strong>{PRESET_NOTE}</strong></p>"
            f"<p>{html.escape(note.strip(), quote=False)}</p>")


def _section_of(node: Tag, level: str = "h2") -> Tag:
    section = node.find_parent("section")
    while section is not None and section.find(re.compile(r"^h[1-6]$")).name != level:
        section = section.find_parent("section")
    if section is None:
        raise ValueError(f"no {level} section around {node.name}")
    return section


def deck_for(chapter: Chapter, root: Path = HTML) -> Deck:
    """The chapter's deck, read from its built page and its guide file."""
    from .resolve import resolver_for

    soup = _page(chapter, root)
    article = soup.find("article") or soup
    guide = load_guide(guide_file(chapter))
    resolver = resolver_for(chapter.notebook.name)
    h1 = article.find("h1")
    title = _text(h1).replace("#", "").strip()
    title = re.sub(r"^[\d.]+\s*", "", title)

    first = h1.find_parent("section").find("section")  # the chapter's first section
    claim_head = _heading(first)
    slides = [Slide("title", title, body=f"<p>{html.escape(chapter.title)}</p>" if
                    chapter.title != title else "")]
    slides.append(Slide("claim", claim_head, clean(_first_paragraph(first)),
                        guide_notes(guide, [claim_head], resolver)))

    view, widget = _main_widget(soup, chapter)
    model = _section_of(view)
    model_head = _heading(model)
    slides.append(Slide("model", model_head, clean(_first_paragraph(model)),
                        guide_notes(guide, [model_head], resolver)))

    figure = _key_figure(article, root / "chapters")
    img = figure.find("img")
    caption = figure.find(class_="caption-text")
    heads = [_heading(figure.find_parent("section"))]
    heads.append(_heading(_section_of(figure)))
    page_dir = (root / "chapters")
    slides.append(Slide("chart", heads[0], clean(_caption(caption)),
                        guide_notes(guide, heads, resolver),
                        image=(page_dir / img["src"]).resolve(), alt=img.get("alt", "")))

    later = _covering(guide["plans"], [model_head])
    widget_notes = ""
    if later is not None:  # the same section in the other plan, if it has a step for it
        others = {n: s for n, s in guide["plans"].items() if not later[0].startswith(str(n))}
        widget_notes = guide_notes({"plans": others}, [model_head], resolver) or \
            guide_notes(guide, [model_head], resolver)
    slides.append(Slide("widget", model_head, "", widget_notes + preset_notes(widget),
                        widget=widget))

    number = prompt_number(guide)
    discussion = article.find("section", id=re.compile(r"^for-discussion"))
    items = discussion.find("ol").find_all("li", recursive=False)
    slides.append(Slide("prompt", f"For discussion, prompt {number}",
                        clean(items[number - 1].decode_contents()),
                        prompt_notes(guide, number, resolver)))
    return Deck(chapter, title, slides)


def _key_figure(article: Tag, page_dir: Path) -> Tag:
    """The chapter's first figure no taller than :data:`CHART_HEIGHT` as drawn."""
    from PIL import Image

    for figure in article.find_all("figure", id=re.compile(r"^fig-")):
        img = figure.find("img")
        if img is not None:
            with Image.open(page_dir / img["src"]) as image:
                if image.height <= CHART_HEIGHT:
                    return figure
    raise ValueError("the page has no figure that fits a slide at its drawn size")


def _caption(caption: Tag | None) -> str:
    if caption is None:
        return ""
    for number in caption.find_all(class_="caption-number"):
        number.decompose()
    return caption.decode_contents()


def decks(root: Path = HTML) -> list[Deck]:
    return [deck_for(c, root) for c in discover()]
