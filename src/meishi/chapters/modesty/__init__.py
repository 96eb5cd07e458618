"""Chapter 2, "Saying it without saying it": modesty norms and the résumé-style profile."""

from .. import Chapter
from .charts import ambition_chart, facebook_uses_chart, opportunity_chart, self_enhancement_chart
from .facts import PRESETS, facts, self_enhancement
from .widgets import ImpressionWidget, ProfileReaderWidget

__all__ = ["CHAPTER", "PRESETS", "ImpressionWidget", "ProfileReaderWidget", "ambition_chart",
           "facebook_uses_chart", "facts", "opportunity_chart", "self_enhancement",
           "self_enhancement_chart"]

CHAPTER = Chapter(slug="modesty", number=2, title="Saying it without saying it", facts=facts,
                  widgets=(ImpressionWidget, ProfileReaderWidget),
                  charts=(self_enhancement_chart, opportunity_chart, ambition_chart,
                          facebook_uses_chart))
