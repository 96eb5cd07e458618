"""Which book the handouts were printed from (``_build/handouts/printed-from.json``).

``make handouts`` records, for each page it prints, a digest of the page's article (what is
printed; the page's header with its download menu is left out).  A test then knows the PDFs
are current by comparing the record with the built pages, so ``make test`` prints once and
builds again only to link the PDFs from the pages, instead of printing a second time to make
every PDF newer than its page.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

__all__ = ["PRINTED_FROM", "page_digest", "stale_pages"]

PRINTED_FROM = "printed-from.json"


def page_digest(page: Path) -> str:
    """SHA-256 of a built page's ``<article>`` (the whole page if it has none)."""
    text = page.read_text(encoding="utf-8")
    start, end = text.find("<article"), text.rfind("</article>")
    body = text[start:end] if 0 <= start < end else text
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def stale_pages(out: Path | None = None, html: Path | None = None) -> list[str]:
    """The printed pages whose article changed since the handouts in ``out`` were printed:
    every one when there is no record, or when a PDF is newer than the record (a print that
    stopped before writing it)."""
    from meishi.paths import HTML

    from .handouts import HANDOUTS, printed_pages

    out, html = out or HANDOUTS, html or HTML
    pages = printed_pages()
    record = out / PRINTED_FROM
    if not record.is_file() or any(pdf.stat().st_mtime > record.stat().st_mtime
                                   for pdf in out.glob("*.pdf")):
        return pages
    printed = json.loads(record.read_text(encoding="utf-8"))
    return [p for p in pages if not (html / p).is_file() or printed.get(p) != page_digest(html / p)]
