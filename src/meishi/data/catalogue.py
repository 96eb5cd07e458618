"""The "Data and sources" page: every dataset with its sources, grades and notes.

Each source's row shows two grades, the quality of the source itself
(reliability A/B/C) and how its numbers were read (in the primary, in a copy,
or in a restatement), and a note of any commercial interest in the figures.

Generated from ``assets/data/sources.yml`` (through :mod:`.store`), so the
page can never disagree with what the charts cite.  Each dataset gets an
anchor ``ds-<name>`` that the charts' "Data and sources" links point to.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from .store import READ, RELIABILITY, dataset_names, load

__all__ = ["Catalogue", "anchor", "catalogue"]

PAGE = "chapters/data_sources"


def anchor(dataset: str) -> str:
    """The page anchor of a dataset's entry."""
    return f"ds-{dataset.replace('_', '-')}"


def _source_rows(ds) -> str:
    rows = []
    for s in ds.sources:
        note = f"<br><small>{escape(s.note)}</small>" if s.note else ""
        interest = (f'<br><small class="meishi-interest"><strong>Commercial interest:</strong> '
                    f"{escape(s.interest)}</small>" if s.interest else "")
        taken = "; ".join(escape(t) for t in s.taken)
        rows.append(
            "<tr>"
            f'<td><a href="{escape(s.url)}">{escape(s.title)}</a>{interest}{note}</td>'
            f"<td>{escape(s.publisher)}</td><td>{escape(s.date)}</td>"
            f'<td class="meishi-grade"><abbr title="{escape(RELIABILITY[s.reliability])}">'
            f"{escape(s.reliability)}</abbr></td>"
            f'<td class="meishi-read"><abbr title="{escape(READ[s.read])}">'
            f"{escape(s.read)}</abbr></td>"
            f"<td>{taken}</td></tr>"
        )
    return "".join(rows)


def _legend() -> str:
    """What the "How read" grade and the interest note mean (reliability is explained above)."""
    reads = "; ".join(f"<strong>{k}</strong>, {escape(v)}" for k, v in READ.items())
    return ('<p class="meishi-legend">Each source has two grades. <strong>Reliability</strong> '
            "(A, B, C) grades the source itself. <strong>How read</strong> says where its "
            f"numbers were read: {reads}. A <strong>commercial interest</strong> is noted where "
            "the publisher, or the firm behind the figures, sells something the figures bear "
            "on.</p>")


@dataclass(frozen=True)
class Catalogue:
    """The page's body as HTML; displayed as a notebook cell's output."""

    html: str

    def _repr_html_(self) -> str:
        return self.html


def catalogue() -> Catalogue:
    """Every dataset, in the order of its title, with its sources."""
    parts = ['<div class="meishi-catalogue">', _legend()]
    datasets = sorted((load(name) for name in dataset_names()), key=lambda d: d.title)
    for ds in datasets:
        file = ds.name + ".csv"
        note = f"<p><strong>Note.</strong> {escape(ds.note)}</p>" if ds.note else ""
        parts.append(
            f'<section id="{anchor(ds.name)}" aria-labelledby="{anchor(ds.name)}-h">'
            f'<h2 id="{anchor(ds.name)}-h">{escape(ds.title)}</h2>'
            f"<p>{escape(ds.description)}</p>"
            f"<p>File <code>assets/data/{escape(file)}</code>: {len(ds.frame)} rows; "
            f"columns {', '.join(f'<code>{escape(c)}</code>' for c in ds.columns)}.</p>"
            f"{note}"
            '<div class="meishi-table-scroll" tabindex="0" role="region" '
            f'aria-label="Sources of {escape(ds.title)}">'
            "<table><caption>Sources</caption><thead><tr><th scope=\"col\">Source</th>"
            '<th scope="col">Publisher</th><th scope="col">Date</th>'
            '<th scope="col">Reliability</th><th scope="col">How read</th>'
            '<th scope="col">What was taken</th></tr></thead>'
            f"<tbody>{_source_rows(ds)}</tbody></table></div></section>"
        )
    parts.append("</div>")
    return Catalogue("".join(parts))
