"""Chapter 5, "Was the article right?": the claims ledger and the four lenses across countries."""

from .. import Chapter
from .charts import lens_chart, rivals_chart, since_chart
from .facts import facts, lens_results
from .lenses import LENSES, lens_points, lens_table
from .weighing import WeightsWidget
from .widgets import LensesWidget

__all__ = [
    "CHAPTER",
    "LENSES",
    "LensesWidget",
    "WeightsWidget",
    "facts",
    "ledger",
    "lens_chart",
    "lens_points",
    "lens_results",
    "lens_table",
    "rivals_chart",
    "since_chart",
]

CHAPTER = Chapter(slug="conclusion", number=5, title="Was the article right?", facts=facts,
                  widgets=(LensesWidget, WeightsWidget),
                  charts=(lens_chart, since_chart, rivals_chart))


def ledger():
    """The whole claims ledger, every chapter's numbers filled in."""
    from ...ledger import ledger as whole
    from .. import discover

    return whole({chapter.slug: chapter.facts() for chapter in discover()})
