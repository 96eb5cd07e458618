"""Page numbers and bookmarks for the PDFs the course prints (pypdf only).

Chromium numbers the pages of each printed page on its own ("page 3 of 11"),
so a PDF joined from several prints (the answer key, the whole course) would
restart its numbering at every chapter.  The prints are therefore made with
no number in the footer, and :func:`number_pages` writes "page N of T" on
the joined document, in the footer's place, in Helvetica (one of PDF's
standard fonts: nothing to embed, and the text copies and searches).
"""

from __future__ import annotations

from pypdf import PageObject, PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

__all__ = ["FOOTER_SIZE", "number_pages", "text_width"]

#: The footer's type size (pt), as the handouts' running header's.
FOOTER_SIZE = 8.0
#: From the page's right edge and bottom edge to the number's end and baseline (pt):
#: the 14 mm side margin, and where Chromium sets its footer line.
_RIGHT, _BASELINE = 39.7, 17.0
#: Helvetica's advance widths (1/1000 em) for the characters a page number uses.
_WIDTHS = {**dict.fromkeys("0123456789pagefo", 556), " ": 278, "f": 278}
_FONT = "/MeishiPageNumber"


def text_width(text: str, size: float = FOOTER_SIZE) -> float:
    """The width of ``text`` set in Helvetica at ``size`` pt."""
    return sum(_WIDTHS[c] for c in text) * size / 1000


def _overlay(writer: PdfWriter, page: PageObject, label: str) -> PageObject:
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    overlay = PageObject.create_blank_page(width=width, height=height)
    x = float(page.mediabox.left) + width - _RIGHT - text_width(label)
    y = float(page.mediabox.bottom) + _BASELINE
    stream = DecodedStreamObject()
    stream.set_data(f"BT {_FONT} {FOOTER_SIZE:g} Tf 0.27 g {x:.2f} {y:.2f} Td ({label}) Tj ET"
                    .encode("ascii"))
    font = DictionaryObject({NameObject("/Type"): NameObject("/Font"),
                             NameObject("/Subtype"): NameObject("/Type1"),
                             NameObject("/BaseFont"): NameObject("/Helvetica"),
                             NameObject("/Encoding"): NameObject("/WinAnsiEncoding")})
    overlay[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject(_FONT): font})})
    overlay[NameObject("/Contents")] = writer._add_object(stream)
    return overlay


def number_pages(writer: PdfWriter, *, skip: int = 0) -> None:
    """Write "page N of T" at the foot of every page of ``writer`` but the first ``skip``.

    N counts from the document's first page (a cover left unnumbered still
    counts), so the printed number is the one a PDF viewer's "go to page" takes.
    """
    total = len(writer.pages)
    for index, page in enumerate(writer.pages):
        if index >= skip:
            page.merge_page(_overlay(writer, page, f"page {index + 1} of {total}"))
            page.compress_content_streams()  # merging leaves the page's text uncompressed
