"""Introduction, "The meishi moment": where would you find the people you met?"""

from .. import Chapter
from .charts import linkedin_members_chart, service_use_chart
from .facts import SERVICES, facts, lookup_presets, preset_years
from .widgets import LookupWidget

__all__ = ["CHAPTER", "SERVICES", "LookupWidget", "facts", "linkedin_members_chart",
           "lookup_presets", "preset_years", "service_use_chart"]

CHAPTER = Chapter(slug="introduction", number=0, title="The meishi moment", facts=facts,
                  widgets=(LookupWidget,), charts=(service_use_chart, linkedin_members_chart))
