"""Introduction, "The meishi moment": where would you find the people you met?"""

from .. import Chapter
from .charts import linkedin_members_chart, service_use_chart, service_use_table
from .facts import SERVICES, facts, lookup_presets, preset_bases, preset_years
from .widgets import LookupWidget, chance_text

__all__ = ["CHAPTER", "SERVICES", "LookupWidget", "chance_text", "facts", "linkedin_members_chart",
           "lookup_presets", "preset_bases", "preset_years", "service_use_chart",
           "service_use_table"]

CHAPTER = Chapter(slug="introduction", number=0, title="The meishi moment", facts=facts,
                  widgets=(LookupWidget,), charts=(service_use_chart, linkedin_members_chart))
