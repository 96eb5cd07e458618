"""Load the course's datasets together with their sources.

Every dataset is a tidy CSV in ``assets/data/`` with an entry in ``sources.yml``
there: what the file holds, the type of every column, and the sources its
numbers were taken from.  :func:`load` hands back the data and those sources
together, so a chart can always print where its numbers came from;
:func:`validate` checks the whole folder (the tests run it).  A problem names
its file and line, and in sources.yml its key.  The rules for a dataset's entry
and CSV are in :mod:`.csvfile`, those for one source in :mod:`.sourcefile`, and
those for sources.yml as a whole below.

>>> load("population_japan").source_line()     # doctest: +SKIP
'Sources: Statistics Bureau, 2015 Census; Statistics Bureau, population estimates 2024.'
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from ..paths import data_dir
from .csvfile import _records, check_dataset, decode_utf8, source_column
from .sourcefile import READ, RELIABILITY, Source, make_source, source_problems
from .textkeys import KeyCell, cell_problem, is_key_column, lookalikes
from .yamlfile import parse

__all__ = ["READ", "RELIABILITY", "DataError", "Dataset", "Source", "dataset_names", "load",
           "sources", "validate"]

REGISTRY = "sources.yml"


class DataError(ValueError):
    """A dataset or the sources file breaks the data rules; ``problems`` lists how."""

    def __init__(self, problems: str | list[str]) -> None:
        self.problems = problems.splitlines() if isinstance(problems, str) else list(problems)
        super().__init__("\n".join(self.problems))


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
        col = source_column(self.columns)
        if col is None:
            return self.sources
        used = set(frame[col])
        return tuple(s for s in self.sources if s.id in used)

    def source_line(self, frame: pd.DataFrame | None = None) -> str:
        """A one-line source note for a chart drawn from ``frame``."""
        shorts = list(dict.fromkeys(s.citation for s in self.sources_for(frame)))
        label = "Source" if len(shorts) == 1 else "Sources"
        return f"{label}: " + "; ".join(shorts) + "."


@dataclass
class _Registry:
    """``sources.yml`` read: its two mappings, the line of every key, the keys given twice."""

    datasets: dict[Any, Any]
    sources: dict[Any, Any]
    lines: dict[tuple[str, ...], int]
    repeats: list[str]

    def at(self, *path: Any) -> str:
        """``sources.yml, line N``, N being the line of the deepest existing key of ``path``."""
        keys = tuple(str(p) for p in path)
        while keys and keys not in self.lines:
            keys = keys[:-1]
        return f"{REGISTRY}, line {self.lines[keys]}" if keys else REGISTRY


class _Words(yaml.SafeLoader):
    """Safe YAML that keeps dates as text, so that 2025-13-45 reaches the date rule.

    PyYAML's own reader: it words and places every problem the course reports."""


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """The same rules, read by libyaml where PyYAML has it: sources.yml (130 KB) is read at
    every validation, and libyaml takes about half the time.  libyaml words problems its
    own way and places a bad character by byte, so a file it refuses is read again with
    :class:`_Words` for the message; one with a tab is read by :class:`_Words` alone
    (libyaml accepts tabs PyYAML refuses: :func:`meishi.data.yamlfile.parse`)."""


_Loader.yaml_implicit_resolvers = _Words.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if not tag.endswith(":timestamp")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}


def _key_lines(node: yaml.Node | None, path: tuple[str, ...], registry: _Registry) -> None:
    """Record the line of every mapping key under ``node``, and every key given twice."""
    here: dict[str, int] = {}
    for key_node, value in node.value if isinstance(node, yaml.MappingNode) else ():
        key, line = str(key_node.value), key_node.start_mark.line + 1
        if key in here:
            under = f"under '{'/'.join(path)}'" if path else "at the top level"
            registry.repeats.append(f"{REGISTRY}, line {line}: key {key!r} {under} repeats "
                                    f"line {here[key]}")
        else:
            here[key] = registry.lines[(*path, key)] = line
            _key_lines(value, (*path, key), registry)


def _yaml_problem(exc: yaml.YAMLError, text: str) -> str:
    """A syntax error as ``sources.yml, line L, column C: invalid YAML: ...``."""
    if isinstance(exc, yaml.reader.ReaderError):
        line = text[: exc.position].count("\n") + 1
        return f"{REGISTRY}, line {line}: invalid YAML: character U+{exc.character:04X} not allowed"
    mark, cmark = getattr(exc, "problem_mark", None), getattr(exc, "context_mark", None)
    start = f" from line {cmark.line + 1}, column {cmark.column + 1}" if cmark else ""
    context = f" ({exc.context}{start})" if getattr(exc, "context", None) else ""
    where = f", line {mark.line + 1}, column {mark.column + 1}" if mark else ""
    return f"{REGISTRY}{where}: invalid YAML: {getattr(exc, 'problem', None) or exc}{context}"


def _read_registry(folder: Path) -> _Registry:
    """Read ``sources.yml``; raise :class:`DataError` if it breaks a rule for the whole file:
    it is UTF-8, valid YAML, and has top-level ``datasets`` and ``sources`` mappings."""
    try:
        text, problem = decode_utf8((folder / REGISTRY).read_bytes(), REGISTRY)
    except OSError as exc:
        raise DataError(f"{REGISTRY} cannot be read in {folder}: {exc.strerror}") from exc
    if text is None:
        raise DataError(str(problem))
    registry = _Registry({}, {}, {}, [])
    try:
        node, tree = parse(text, _Loader, _Words)  # a refusal worded by _Words
        _key_lines(node, (), registry)
    except yaml.YAMLError as exc:
        raise DataError(_yaml_problem(exc, text)) from exc
    except Exception as exc:  # garbage (a bad !!int, say) must become a problem, not a crash
        raise DataError(f"{REGISTRY}: not readable: {type(exc).__name__}: {exc}") from exc
    tree = tree if isinstance(tree, dict) else {}
    wrong = [key for key in ("datasets", "sources") if not isinstance(tree.get(key), dict)]
    if wrong:
        raise DataError(f"{registry.at(*wrong[:1])}: {' and '.join(map(repr, wrong))} must "
                        f"{'each ' * (len(wrong) > 1)}be a top-level mapping of names to entries")
    registry.datasets, registry.sources = tree["datasets"], tree["sources"]
    return registry


def _source_problems(sid: Any, registry: _Registry) -> list[str]:
    """The rules of :mod:`.sourcefile` for source ``sid``, its keys placed in sources.yml."""
    return source_problems(sid, registry.sources[sid],
                           functools.partial(registry.at, "sources", sid))


def _stamps(folder: Path) -> tuple[tuple[str, int, int], ...]:
    """Name, time and size of every file in ``folder``: the caches' key, so edits are seen."""
    return tuple((p.name, (st := p.stat()).st_mtime_ns, st.st_size)
                 for p in sorted(folder.glob("*")))


@functools.lru_cache(maxsize=8)
def _registry(folder: str, stamps: tuple[Any, ...]) -> _Registry:
    """The registry of ``folder``, which must not give a key twice."""
    registry = _read_registry(Path(folder))
    if registry.repeats:
        raise DataError(registry.repeats)
    return registry


def sources() -> dict[str, Source]:
    """Every source in the registry, by id; raises :class:`DataError` if any breaks a rule."""
    registry = _registry(str(folder := data_dir()), _stamps(folder))
    problems = [p for sid in registry.sources for p in _source_problems(sid, registry)]
    if problems:
        raise DataError(problems)
    return {sid: make_source(sid, e) for sid, e in registry.sources.items()}


def dataset_names() -> list[str]:
    """Names of all registered datasets."""
    return sorted(_registry(str(folder := data_dir()), _stamps(folder)).datasets)


def _key_cells(folder: Path, registry: _Registry) -> list[KeyCell]:
    """Every cell of every key column that passes its own checks, read as :mod:`.csvfile`
    reads it (a file, row or cell that breaks a rule is left to that rule's problem)."""
    cells: list[KeyCell] = []
    for entry in registry.datasets.values():
        try:
            file, columns = entry["file"], entry["columns"]
            data = (folder / Path(file).name).read_bytes()
            text, _ = decode_utf8(data, file)
            records, _ = _records(text, file) if text else ([], None)
            if not records or records[0][2] != list(columns):
                continue
            keys = [(i, col, spec.get("values")) for i, (col, spec) in enumerate(columns.items())
                    if spec.get("type") == "str" and is_key_column(col)]
            for line, _last, fields in records[1:]:
                for i, col, values in keys if len(fields) == len(columns) else ():
                    cell = fields[i]
                    if cell.strip() and cell_problem(cell) is None and (
                            values is None or cell in {str(v) for v in values}):
                        cells.append(KeyCell(file, line, col, cell))
        except Exception:  # a broken entry or file has its own problem
            continue
    return cells


@functools.lru_cache(maxsize=8)
def _lookalikes(folder: str, stamps: tuple[Any, ...]) -> tuple[tuple[KeyCell, str], ...]:
    """Key cells spelt like a key used elsewhere in the folder, each with its problem."""
    return tuple(lookalikes(_key_cells(Path(folder), _registry(folder, stamps))))


@functools.lru_cache(maxsize=64)
def _load(name: str, folder: str, stamps: tuple[Any, ...]) -> Dataset:
    registry = _registry(folder, stamps)
    if name not in registry.datasets:
        known = ", ".join(sorted(map(str, registry.datasets)))
        raise DataError(f"no dataset called {name!r}; the course has: {known}")
    checked = check_dataset(name, registry.datasets[name], Path(folder), registry.sources,
                            functools.partial(registry.at, "datasets", name))
    problems = checked.problems + [p for sid in checked.ids or [] if sid in registry.sources
                                   for p in _source_problems(sid, registry)]
    file = registry.datasets[name].get("file") if isinstance(registry.datasets[name], dict) \
        else None
    problems += [p for cell, p in _lookalikes(folder, stamps) if cell.file == file]
    if problems or checked.frame is None:
        raise DataError(problems or f"{name}: could not be loaded")
    entry = registry.datasets[name]
    return Dataset(
        name=name, frame=checked.frame, title=str(entry["title"]),
        description=str(entry["description"]), columns=entry["columns"],
        sources=tuple(make_source(s, registry.sources[s]) for s in checked.ids or []),
        note=str(entry.get("note", "") or ""),
    )


def load(name: str) -> Dataset:
    """Load dataset ``name`` with its sources; raises :class:`DataError` if it breaks a rule,
    listing the problems as :func:`validate` does.  The frame is shared: copy it to change it.
    """
    return _load(name, str(folder := data_dir()), _stamps(folder))


def validate(folder: Path | None = None) -> list[str]:
    """Check every rule for the data folder; return every problem found, one per fault.

    Never raises.  Beyond the rules above and in :mod:`.csvfile`: every CSV has an
    entry, every source is used, judged only when every CSV was read in full, and
    every key is spelt one way across the folder (:func:`.textkeys.lookalikes`,
    which :func:`load` also applies to the dataset it loads).
    """
    folder = Path(folder) if folder is not None else data_dir()
    try:
        registry = _read_registry(folder)
    except DataError as exc:
        return exc.problems
    problems = list(registry.repeats)
    problems += [p for sid in registry.sources for p in _source_problems(sid, registry)]
    claimed = {Path(e["file"]).name if isinstance(e, dict) and isinstance(e.get("file"), str)
               else f"{name}.csv" for name, e in registry.datasets.items()}
    problems += [f"{csv.name} has no entry in {REGISTRY}" for csv in sorted(folder.glob("*.csv"))
                 if csv.name not in claimed]
    used: set[Any] | None = set()
    for name in registry.datasets:
        checked = check_dataset(name, registry.datasets[name], folder, registry.sources,
                                functools.partial(registry.at, "datasets", name))
        problems += checked.problems
        used = None if used is None or checked.ids is None else used | set(checked.ids)
    problems += [p for _cell, p in lookalikes(_key_cells(folder, registry))]
    if used is not None:
        problems += [f"{registry.at('sources', sid)}: source {sid!r} is used by no dataset"
                     for sid in registry.sources if sid not in used]
    return problems
