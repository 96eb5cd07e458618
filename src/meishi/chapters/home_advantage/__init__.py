"""Chapter 4, "Home advantage": platforms, network effects, where professionals connect."""

from .. import Chapter
from .charts import dach_chart, domestic_chart, facebook_age_chart, per_head_chart
from .facts import facts, latest_per_100, linkedin_per_100_japan
from .goals import GOALS, feature_table
from .widgets import ChooserWidget, PlatformsWidget

__all__ = ["CHAPTER", "GOALS", "ChooserWidget", "PlatformsWidget", "dach_chart",
           "domestic_chart", "facebook_age_chart", "facts", "feature_table", "latest_per_100",
           "linkedin_per_100_japan", "per_head_chart"]

CHAPTER = Chapter(slug="home_advantage", number=4, title="Home advantage", facts=facts,
                  widgets=(PlatformsWidget, ChooserWidget),
                  charts=(per_head_chart, domestic_chart, dach_chart, facebook_age_chart))
