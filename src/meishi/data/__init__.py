"""The course's data: tidy CSV datasets, each with its sources.

:mod:`.store` loads and validates datasets against ``sources.yml``;
:mod:`.series` holds the series more than one chapter reads.
"""

from .store import (
    RELIABILITY,
    DataError,
    Dataset,
    Source,
    dataset_names,
    load,
    sources,
    validate,
)

__all__ = ["RELIABILITY", "DataError", "Dataset", "Source", "dataset_names", "load", "sources",
           "validate"]
