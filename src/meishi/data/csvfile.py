"""Read one dataset's CSV and check it against its entry in ``sources.yml``.

The rules for an entry: it is a mapping with ``file`` (a ``.csv`` in the
data folder), ``title``, ``description`` and ``columns``; every column's
spec has a known ``type``, numeric ``min``/``max``, a list of ``values`` and
a true/false ``nullable``; ``sources``, if given, lists known source ids.

The rules for the CSV, each problem worded ``<file>, line <n>: ...`` (lines
as a text editor counts them, the header being line 1):

* the file exists and is UTF-8, a BOM allowed (a bad byte is named by its offset);
* it has a header line and at least one row; blank lines are skipped;
* every row has as many fields as the header, and none repeats another;
* the header lists the entry's columns, in order;
* a cell is empty only in a ``nullable`` column;
* an ``int``/``float`` cell is a finite number (not ``nan``, not ``inf``),
  an ``int`` a whole one, both within ``min``/``max``;
* a ``year_month`` cell reads ``YYYY`` or ``YYYY-MM``, a ``source`` cell
  names a known source, and a cell of a column with ``values`` is one of them;
* a ``str`` cell holds no invisible character and no stray space, and a key
  (not a note) is in normal form and one script (:mod:`.textkeys`);
* some source is named, by a ``source`` column or the ``sources`` list.

Nothing here raises for bad data: :func:`check_dataset` returns every
problem, one per fault, and the typed frame only when there is none.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from numbers import Real
from pathlib import Path
from typing import Any

import pandas as pd

from .textkeys import cell_problem, is_key_column

__all__ = ["COLUMN_TYPES", "YEAR_MONTH", "Checked", "check_dataset", "decode_utf8",
           "source_column"]

#: Column types a dataset may declare.
COLUMN_TYPES = ("int", "float", "str", "source", "year_month")
REQUIRED_DATASET_KEYS = ("file", "title", "description", "columns")
#: What a ``year_month`` cell looks like.
YEAR_MONTH = re.compile(r"^\d{4}(-(0[1-9]|1[0-2]))?$")
_NON_FINITE = {"nan", "inf", "infinity"}
_BOM = "\ufeff".encode()


@dataclass
class Checked:
    """One dataset checked: its problems, its typed frame (None if any problem) and the
    sources it names, in order (None when some row could not be read, so one may be missed).
    """

    problems: list[str] = field(default_factory=list)
    frame: pd.DataFrame | None = None
    ids: list[Any] | None = None


def decode_utf8(data: bytes, name: str) -> tuple[str | None, str | None]:
    """``(text, None)`` for UTF-8 ``data`` (a leading BOM dropped), else ``(None, problem)``."""
    skip = len(_BOM) if data.startswith(_BOM) else 0
    try:
        return data[skip:].decode("utf-8"), None
    except UnicodeDecodeError as exc:
        at = skip + exc.start
        line = data[:at].count(b"\n") + 1
        return None, f"{name}, line {line}: not valid UTF-8 at byte {at} (0x{data[at]:02x})"


def source_column(columns: dict[str, Any]) -> str | None:
    """The first column of type ``source``, if any."""
    for name, spec in columns.items():
        if isinstance(spec, dict) and spec.get("type") == "source":
            return name
    return None


def _spec_problems(spec: Any) -> list[str]:
    """What breaks the rules for one column's spec (see above)."""
    if not isinstance(spec, dict):
        return [f"the spec must be a mapping like {{type: float}}, not {spec!r}"]
    problems = []
    if spec.get("type") not in COLUMN_TYPES:
        problems.append(f"unknown type {spec.get('type')!r} (use {', '.join(COLUMN_TYPES)})")
    for key in ("min", "max"):
        value = spec.get(key)
        if value is not None and (isinstance(value, bool) or not isinstance(value, Real)):
            problems.append(f"{key} must be a number, not {value!r}")
    if spec.get("values") is not None and not isinstance(spec["values"], list):
        problems.append(f"values must be a list, not {spec['values']!r}")
    if not isinstance(spec.get("nullable", False), bool):
        problems.append(f"nullable must be true or false, not {spec['nullable']!r}")
    return problems


def _entry_problems(name: Any, entry: Any, known_sources: Collection[Any],
                   at: Callable[..., str]) -> list[str]:
    """What breaks the rules in dataset ``name``'s entry; ``at(*keys)`` says where a key is."""
    if not isinstance(entry, dict):
        return [f"{at()}: dataset {name!r} is empty" if entry is None
                else f"{at()}: dataset {name!r} must be a mapping of fields, not {entry!r}"]
    missing = [k for k in REQUIRED_DATASET_KEYS if not entry.get(k)]
    problems = [f"{at()}: dataset {name!r} lacks {', '.join(missing)}"] if missing else []
    file, columns, listed = entry.get("file"), entry.get("columns"), entry.get("sources")
    if file and not (isinstance(file, str) and Path(file).name == file and file.endswith(".csv")):
        problems.append(f"{at('file')}: dataset {name!r}: file must name a .csv file in the "
                        f"data folder, not {file!r}")
    if columns and not isinstance(columns, dict):
        problems.append(f"{at('columns')}: dataset {name!r}: columns must map names to specs")
    for col, spec in columns.items() if isinstance(columns, dict) else ():
        problems += [f"{at('columns', col)}: dataset {name!r}, column {col!r}: {p}"
                     for p in _spec_problems(spec)]
    if listed is not None and not isinstance(listed, list):
        problems.append(f"{at('sources')}: dataset {name!r}: sources must be a list of ids")
    problems += [f"{at('sources')}: dataset {name!r} names unknown source {sid!r}"
                 for sid in (listed if isinstance(listed, list) else ())
                 if not isinstance(sid, (str, int)) or sid not in known_sources]
    return problems


def check_dataset(name: Any, entry: Any, folder: Path, known_sources: Collection[Any],
                  at: Callable[..., str]) -> Checked:
    """Check dataset ``name``: its entry, then its CSV file, then that it names a source.

    Never raises: an unexpected error (pandas on garbage, say) becomes a
    problem naming the file, or the entry if the file is not known yet.
    """
    where = f"{at()}: dataset {name!r}"
    try:
        problems = _entry_problems(name, entry, known_sources, at)
        if problems:
            return Checked(problems)
        where = entry["file"]
        path = folder / entry["file"]
        if not path.is_file():
            named = f"named by dataset {name!r} at {at('file')}"
            return Checked([f"{path.name} does not exist ({named})"])
        checked = _check_csv(path, entry["columns"], known_sources)
    except Exception as exc:  # garbage input must become a problem, not a crash
        return Checked([f"{where}: could not be checked: {type(exc).__name__}: {exc}"])
    if checked.ids is not None:
        checked.ids = list(dict.fromkeys([*(entry.get("sources") or []), *checked.ids]))
    if checked.ids == [] and not checked.problems:  # its sources are unknown, not none
        checked.ids = None
        checked.problems.append(f"{at()}: dataset {name!r} names no source (give it a "
                                "source column or a sources list)")
    return checked


def _records(text: str, name: str) -> tuple[list[tuple[int, int, list[str]]], str | None]:
    """``(first line, last line, fields)`` of every non-blank record, and a syntax problem."""
    reader = csv.reader(io.StringIO(text, newline=""))
    out: list[tuple[int, int, list[str]]] = []
    start = 1
    try:
        for fields in reader:
            if fields:
                out.append((start, reader.line_num, fields))
            start = reader.line_num + 1
    except csv.Error as exc:
        return out, f"{name}, line {start}: not readable as CSV: {exc}"
    return out, None


def _check_csv(path: Path, columns: dict[str, dict[str, Any]],
               known_sources: Collection[Any]) -> Checked:
    """Read ``path`` and check it against ``columns``, specs that follow the rules."""
    name, data = path.name, path.read_bytes()
    if not data:
        return Checked([f"{name} is empty (0 bytes): it needs a header line and rows"])
    text, problem = decode_utf8(data, name)
    records, problem = ([], problem) if text is None else _records(text, name)
    if problem:
        return Checked([problem])
    if not records:
        return Checked([f"{name} holds only blank lines: it needs a header line and rows"])
    (header_line, _, header), rows = records[0], records[1:]
    problems: list[str] = []
    if header != list(columns):
        problems.append(f"{name}, line {header_line}: columns {header} do not match "
                        f"sources.yml {list(columns)}")
    if not rows:
        return Checked([*problems, f"{name} has a header but no rows"])
    good: list[tuple[int, list[str]]] = []
    for first, last, fields in rows:
        if len(fields) == len(header):
            good.append((first, fields))
            continue
        hint = f" (the row runs on to line {last}: is a quote left open?)" if last > first else ""
        problems.append(f"{name}, line {first}: {len(fields)} field{'s' * (len(fields) != 1)}, "
                        f"but the header has {len(header)}{hint}")
    seen: dict[tuple[str, ...], int] = {}
    for line, fields in good:
        if seen.setdefault(tuple(fields), line) != line:
            problems.append(f"{name}, line {line} repeats line {seen[tuple(fields)]}")
    lines = [line for line, _ in good]
    raw = {col: pd.Series([f[i] for _, f in good], dtype=str) for i, col in enumerate(header)}
    src = source_column(columns)
    ids = [s for s in dict.fromkeys(raw[src]) if s.strip()] if src in raw else []
    # a row that was not read, or cites an unknown source, may be the only one citing a source
    found = src is None or src in raw
    complete = len(good) == len(rows) and found and all(s in known_sources for s in ids)
    if header != list(columns):
        return Checked(problems, None, ids if complete else None)
    out: dict[str, pd.Series] = {}
    for col, spec in columns.items():
        found, out[col] = _check_column(col, raw[col], spec, lines, name, known_sources)
        problems += found
    frame = None if problems else pd.DataFrame(out)
    return Checked(problems, frame, ids if complete else None)


def _check_column(col: str, series: pd.Series, spec: dict[str, Any], lines: list[int],
                  name: str, known_sources: Collection[Any]) -> tuple[list[str], pd.Series]:
    """Check one column cell by cell; return its problems and the typed column."""
    ctype = spec["type"]
    nullable = bool(spec.get("nullable", False))
    # the cells are the CSV's strings, never missing: a blank one is whitespace only
    cells = series.tolist()
    blank = [not text.strip() for text in cells]
    problems: list[str] = []

    def bad(i: int, what: str) -> None:
        problems.append(f"{name}, line {lines[i]}, column {col!r}: {what}")

    if not nullable:
        for i in (i for i, empty in enumerate(blank) if empty):
            bad(i, "is empty, but the column is not nullable")
    filled = [(i, text) for i, text in enumerate(cells) if not blank[i]]
    if ctype in ("int", "float"):
        converted = pd.to_numeric(series, errors="coerce")
        numbers = converted.to_numpy(dtype="float64", na_value=math.nan)
        lo, hi = spec.get("min"), spec.get("max")
        for i, text in filled:
            number = float(numbers[i])
            if text.strip().lower().lstrip("+-") in _NON_FINITE or math.isinf(number):
                bad(i, f"{text!r} is not a finite number")
            elif math.isnan(number):
                bad(i, f"should be {ctype}, not {text!r}")
            elif ctype == "int" and number != round(number):
                bad(i, f"should be a whole number (int), not {text!r}")
            elif lo is not None and number < lo:
                bad(i, f"{text.strip()} is below {lo}, the column's min")
            elif hi is not None and number > hi:
                bad(i, f"{text.strip()} is above {hi}, the column's max")
        if problems:
            return problems, series
        if ctype == "int":
            return problems, converted.astype("Int64" if nullable else "int64")
        return problems, converted.astype("float64")
    allowed = None if spec.get("values") is None else {str(v) for v in spec["values"]}
    key = is_key_column(col)
    for i, text in filled:
        if ctype == "str" and (problem := cell_problem(text, key)):
            bad(i, problem)
            continue
        if ctype == "year_month" and not YEAR_MONTH.match(text):
            bad(i, f"should be YYYY or YYYY-MM, not {text!r}")
        if ctype == "source" and text not in known_sources:
            bad(i, f"names unknown source {text!r}")
        if allowed is not None and text not in allowed:
            bad(i, f"{text!r} is outside the allowed values {spec['values']}")
    return problems, pd.Series([None if blank[i] else text for i, text in enumerate(cells)],
                               index=series.index, dtype=object)
