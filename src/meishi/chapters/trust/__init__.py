"""Chapter 3, "Trust you build, trust you assume": relationships, commitment and general trust."""

from .. import Chapter
from .charts import cards_chart, hiring_routes_chart, trust_by_country_chart, trust_waves_chart
from .facts import facts, trust_wave7
from .widgets import CommitmentWidget, IntroductionsWidget

__all__ = ["CHAPTER", "CommitmentWidget", "IntroductionsWidget", "cards_chart", "facts",
           "hiring_routes_chart", "trust_by_country_chart", "trust_wave7", "trust_waves_chart"]

CHAPTER = Chapter(slug="trust", number=3, title="Trust you build, trust you assume", facts=facts,
                  widgets=(CommitmentWidget, IntroductionsWidget),
                  charts=(trust_by_country_chart, trust_waves_chart, hiring_routes_chart,
                          cards_chart))
