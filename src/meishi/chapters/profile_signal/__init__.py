"""Chapter 1, "A profile is a signal": lifetime employment and what a polished profile says."""

from .. import Chapter
from .charts import (
    ever_changed_chart,
    job_mobility_chart,
    pay_by_age_chart,
    stock_flow_chart,
    tenure_chart,
)
from .facts import base_rates, facts, linkedin_additions
from .widgets import SignalWidget, ThresholdWidget

__all__ = ["CHAPTER", "SignalWidget", "ThresholdWidget", "base_rates", "ever_changed_chart",
           "facts", "job_mobility_chart", "linkedin_additions", "pay_by_age_chart",
           "stock_flow_chart", "tenure_chart"]

CHAPTER = Chapter(slug="profile_signal", number=1, title="A profile is a signal", facts=facts,
                  widgets=(SignalWidget, ThresholdWidget),
                  charts=(tenure_chart, ever_changed_chart, job_mobility_chart, stock_flow_chart,
                          pay_by_age_chart))
