"""Load the course's datasets together with their sources.

Every dataset is a tidy CSV in ``assets/data/`` and has an entry in
``assets/data/sources.yml``: what the file holds, the type of every column,
and the sources its numbers were taken from.  :func:`load` hands back the
data and those sources together, so a chart can always print where its
numbers came from; :func:`validate` checks the whole folder and is run by
the tests.

>>> ds = load("platform_use_japan")            # doctest: +SKIP
>>> ds.frame.head()                            # doctest: +SKIP
>>> ds.source_line()                           # doctest: +SKIP
'Source: MIC Information and Communications White Paper 2025 ...'
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

__all__ = [
    "DataError",
    "Dataset",
    "Source",
    "data_dir",
    "dataset_names",
    "load",
    "sources",
    "validate",
]

#: Column types a dataset may declare, and what each accepts.
COLUMN_TYPES = ("int", "float", "str", "source", "year_month")
RELIABILITY = {
    "A": "official statistics, a primary document or a peer-reviewed paper",
    "B": "a reputable secondary source that cites a primary source",
    "C": "weak: blog, aggregator or anecdote",
}
REQUIRED_SOURCE_KEYS = ("title", "publisher", "url", "date", "short", "taken", "reliability")
REQUIRED_DATASET_KEYS = ("file", "title", "description", "columns")
_YEAR_MONTH = re.compile(r"^\d{4}(-(0[1-9]|1[0-2]))?$")


class DataError(ValueError):
    """A dataset or the sources file breaks the course's data rules."""


@dataclass(frozen=True)
class Source:
    """One source, as recorded in ``sources.yml``."""

    id: str
    title: str
    publisher: str
    url: str
    date: str
    short: str
    taken: tuple[str, ...]
    reliability: str
    note: str = ""
    series: str = ""

    @property
    def citation(self) -> str:
        """What a chart's source line prints for this source."""
        return self.series or self.short

    @property
    def year(self) -> int:
        return int(str(self.date)[:4])


@dataclass(frozen=True)
class Dataset:
    """A loaded dataset: the tidy table, its description and its sources."""

    name: str
    frame: pd.DataFrame = field(repr=False)
    title: str
    description: str
    columns: dict[str, dict[str, Any]]
    sources: tuple[Source, ...]
    note: str = ""

    def sources_for(self, frame: pd.DataFrame | None = None) -> tuple[Source, ...]:
        """The sources behind ``frame`` (a subset of this dataset's rows)."""
        if frame is None:
            return self.sources
        col = _source_column(self.columns)
        if col is None:
            return self.sources
        used = set(frame[col])
        return tuple(s for s in self.sources if s.id in used)

    def source_line(self, frame: pd.DataFrame | None = None) -> str:
        """A one-line source note for a chart drawn from ``frame``."""
        shorts = list(dict.fromkeys(s.citation for s in self.sources_for(frame)))
        label = "Source" if len(shorts) == 1 else "Sources"
        return f"{label}: " + "; ".join(shorts) + "."


def data_dir() -> Path:
    """The folder holding the course data (``assets/data`` of the checkout).

    ``MEISHI_DATA_DIR`` overrides it, which the tests use to check broken
    folders.
    """
    env = os.environ.get("MEISHI_DATA_DIR")
    if env:
        return Path(env)
    here = Path(__file__).resolve()
    for parent in here.parents:
        candidate = parent / "assets" / "data"
        if (candidate / "sources.yml").is_file():
            return candidate
    raise DataError(
        "Could not find assets/data/sources.yml above the meishi package. "
        "Install the package from a checkout of the course (pip install -e .) "
        "or set MEISHI_DATA_DIR."
    )


def _read_registry(folder: Path) -> dict[str, Any]:
    path = folder / "sources.yml"
    try:
        registry = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise DataError(f"{path} is missing") from exc
    if not isinstance(registry, dict) or not {"datasets", "sources"} <= set(registry):
        raise DataError(f"{path} must have top-level 'datasets' and 'sources' mappings")
    return registry


@functools.lru_cache(maxsize=8)
def _registry_cached(folder: str) -> dict[str, Any]:
    return _read_registry(Path(folder))


def _registry() -> dict[str, Any]:
    return _registry_cached(str(data_dir()))


def _make_source(sid: str, entry: dict[str, Any]) -> Source:
    missing = [k for k in REQUIRED_SOURCE_KEYS if not entry.get(k)]
    if missing:
        raise DataError(f"source {sid!r} lacks {', '.join(missing)}")
    if entry["reliability"] not in RELIABILITY:
        raise DataError(f"source {sid!r}: reliability must be one of A, B, C")
    if not str(entry["url"]).startswith(("https://", "http://")):
        raise DataError(f"source {sid!r}: url must be a web address")
    if not _YEAR_MONTH.match(str(entry["date"])) and not re.match(
        r"^\d{4}-\d{2}-\d{2}$", str(entry["date"])
    ):
        raise DataError(f"source {sid!r}: date must be YYYY, YYYY-MM or YYYY-MM-DD")
    taken = entry["taken"]
    taken = (taken,) if isinstance(taken, str) else tuple(taken)
    return Source(
        id=sid,
        title=str(entry["title"]),
        publisher=str(entry["publisher"]),
        url=str(entry["url"]),
        date=str(entry["date"]),
        short=str(entry["short"]),
        taken=taken,
        reliability=str(entry["reliability"]),
        note=str(entry.get("note", "") or ""),
        series=str(entry.get("series", "") or ""),
    )


def sources() -> dict[str, Source]:
    """Every source in the registry, by id."""
    return {sid: _make_source(sid, e) for sid, e in _registry()["sources"].items()}


def dataset_names() -> list[str]:
    """Names of all registered datasets."""
    return sorted(_registry()["datasets"])


def _source_column(columns: dict[str, dict[str, Any]]) -> str | None:
    for name, spec in columns.items():
        if spec.get("type") == "source":
            return name
    return None


def _check_column(name: str, series: pd.Series, spec: dict[str, Any], where: str,
                  known_sources: set[str]) -> pd.Series:
    ctype = spec.get("type")
    if ctype not in COLUMN_TYPES:
        raise DataError(f"{where}: column {name!r} has unknown type {ctype!r}")
    nullable = bool(spec.get("nullable", False))
    blank = series.isna() | (series.astype(str).str.strip() == "")
    if blank.any() and not nullable:
        row = int(blank.idxmax()) + 2  # header is line 1
        raise DataError(f"{where}: column {name!r} is empty on line {row}")
    values = series[~blank]
    if ctype in ("int", "float"):
        converted = pd.to_numeric(values, errors="coerce")
        bad = converted.isna()
        if bad.any():
            row = int(bad.idxmax()) + 2
            raise DataError(
                f"{where}: column {name!r} should be {ctype} but line {row} "
                f"holds {values[bad].iloc[0]!r}"
            )
        if ctype == "int" and not (converted == converted.round()).all():
            raise DataError(f"{where}: column {name!r} should hold whole numbers")
        lo, hi = spec.get("min"), spec.get("max")
        if lo is not None and (converted < lo).any():
            raise DataError(f"{where}: column {name!r} has a value below {lo}")
        if hi is not None and (converted > hi).any():
            raise DataError(f"{where}: column {name!r} has a value above {hi}")
        out = pd.to_numeric(series, errors="coerce")
        return out.astype("Int64") if ctype == "int" and nullable else (
            out.astype("int64") if ctype == "int" else out.astype("float64"))
    if ctype == "year_month":
        bad = ~values.astype(str).str.match(_YEAR_MONTH)
        if bad.any():
            raise DataError(
                f"{where}: column {name!r} should be YYYY or YYYY-MM, got "
                f"{values[bad].iloc[0]!r}"
            )
    if ctype == "source":
        unknown = sorted(set(values.astype(str)) - known_sources)
        if unknown:
            raise DataError(f"{where}: column {name!r} names unknown sources {unknown}")
    allowed = spec.get("values")
    if allowed is not None:
        extra = sorted(set(values.astype(str)) - {str(v) for v in allowed})
        if extra:
            raise DataError(f"{where}: column {name!r} has values outside {allowed}: {extra}")
    return series.astype("string").astype(object).where(~blank, None)


def _load(name: str, registry: dict[str, Any], folder: Path) -> Dataset:
    datasets = registry["datasets"]
    if name not in datasets:
        close = ", ".join(sorted(datasets))
        raise DataError(f"no dataset called {name!r}; the course has: {close}")
    entry = datasets[name]
    missing = [k for k in REQUIRED_DATASET_KEYS if not entry.get(k)]
    if missing:
        raise DataError(f"dataset {name!r} lacks {', '.join(missing)} in sources.yml")
    path = folder / entry["file"]
    if not path.is_file():
        raise DataError(f"dataset {name!r} names {entry['file']}, which does not exist")
    raw = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    columns: dict[str, dict[str, Any]] = entry["columns"]
    if list(raw.columns) != list(columns):
        raise DataError(
            f"{entry['file']}: columns {list(raw.columns)} do not match "
            f"sources.yml {list(columns)}"
        )
    all_sources = {sid: _make_source(sid, e) for sid, e in registry["sources"].items()}
    frame = pd.DataFrame(
        {
            col: _check_column(col, raw[col], spec or {}, entry["file"], set(all_sources))
            for col, spec in columns.items()
        }
    )
    src_col = _source_column(columns)
    ids = list(entry.get("sources", []) or [])
    if src_col is not None:
        ids += [s for s in dict.fromkeys(frame[src_col]) if s not in ids]
    if not ids:
        raise DataError(f"dataset {name!r} names no source")
    unknown = [s for s in ids if s not in all_sources]
    if unknown:
        raise DataError(f"dataset {name!r} names unknown sources {unknown}")
    if frame.empty:
        raise DataError(f"{entry['file']} has no rows")
    return Dataset(
        name=name,
        frame=frame,
        title=str(entry["title"]),
        description=str(entry["description"]),
        columns=columns,
        sources=tuple(all_sources[s] for s in ids),
        note=str(entry.get("note", "") or ""),
    )


@functools.lru_cache(maxsize=64)
def _load_cached(name: str, folder: str) -> Dataset:
    return _load(name, _registry_cached(folder), Path(folder))


def load(name: str) -> Dataset:
    """Load dataset ``name`` with its sources; raises :class:`DataError` if it breaks a rule.

    The returned frame is shared between callers: copy it before changing it.
    """
    return _load_cached(name, str(data_dir()))


def validate(folder: Path | None = None) -> list[str]:
    """Check every rule for the data folder; return the list of problems found.

    The rules: every CSV has an entry, every entry's file exists and loads
    with its declared column types, every source is complete and used.
    """
    folder = Path(folder) if folder is not None else data_dir()
    problems: list[str] = []
    try:
        registry = _read_registry(folder)
    except DataError as exc:
        return [str(exc)]
    for sid, entry in registry["sources"].items():
        try:
            _make_source(sid, entry or {})
        except DataError as exc:
            problems.append(str(exc))
    registered = {e.get("file") for e in registry["datasets"].values() if isinstance(e, dict)}
    for csv in sorted(folder.glob("*.csv")):
        if csv.name not in registered:
            problems.append(f"{csv.name} has no entry in sources.yml")
    used: set[str] = set()
    for name in registry["datasets"]:
        try:
            ds = _load(name, registry, folder)
        except DataError as exc:
            problems.append(str(exc))
            continue
        used.update(s.id for s in ds.sources)
    for sid in registry["sources"]:
        if sid not in used:
            problems.append(f"source {sid!r} is used by no dataset")
    return problems
