"""What a failed build says, read from its log and myst-nb's reports (for :mod:`.build`).

Which notebook failed, in which cell and line, with which exception and source line; the
build's WARNING and ERROR lines; and the summary :mod:`meishi_build.build` prints at the
very end of a failed build.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

__all__ = ["CellFailure", "cell_position", "collect_failures", "parse_cell_error",
           "parse_warnings", "show", "strip_ansi", "summarize"]

_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
_CELL_BLOCK = re.compile(
    r"An error occurred while executing the following cell:\n-{10,}\n(.*?)\n-{10,}\n(.*)", re.S)
_CELL_FRAME = re.compile(r"(?:Cell In ?\[(\d+)\], line (\d+)|Input In ?\[(\d+)\].*?line: (\d+))")
_EXC_LINE = re.compile(r"^(?:[A-Za-z_]\w*\.)*[A-Za-z_]\w*(?::.*)?$")
_WARNING = re.compile(r"(?:^|: )(WARNING|ERROR|CRITICAL): ")
_EXEC_FAILED = re.compile(r"^(.*?): WARNING: Executing notebook failed", re.M)
_NB_NOISE = ("Executing notebook failed", "Notebook exception traceback saved in",
             "ExecutionError: ")


def strip_ansi(text: str) -> str:
    return _ANSI.sub("", text)


@dataclass
class CellFailure:
    """Where and why a notebook failed, as far as its traceback tells."""

    notebook: str
    exception: str
    position: int | None = None  # the cell's place in the notebook, from 1 (all cells)
    exec_count: int | None = None
    line: int | None = None
    source_line: str | None = None
    report: str | None = None

    def describe(self) -> str:
        where = [f"In[{self.exec_count}]"] if self.exec_count is not None else []
        where += [f"line {self.line}"] if self.line is not None else []
        cell = f"cell {self.position}" if self.position else "cell ?"
        detail = f" ({', '.join(where)})" if where else ""
        lines = [f"{self.notebook}, {cell}{detail}: {self.exception}"]
        if self.source_line:
            lines.append(f"    {self.source_line.strip()}")
        if self.report:
            lines.append(f"Full traceback: {self.report}")
        return "\n".join(lines)


def _exception_line(traceback: str) -> str:
    lines = [ln for ln in traceback.splitlines() if ln.strip()]
    for ln in reversed(lines):
        if _EXC_LINE.match(ln) and not ln.startswith(("Traceback", "Cell", "File")):
            return ln.strip()
    return lines[-1].strip() if lines else "unknown error"


def parse_cell_error(text: str) -> dict:
    """Source, execution count, line, exception and failing line from an nbclient error.

    ``text`` is an ``.err.log`` (or the build's warning that quotes it): a
    Python traceback ending in ``CellExecutionError`` with the cell's source
    between dashed rules and IPython's traceback of the cell.  Other errors
    (a timeout, a dead kernel) yield only their exception line.
    """
    text = strip_ansi(text)
    match = _CELL_BLOCK.search(text)
    if not match:
        return {"source": None, "exec_count": None, "line": None,
                "exception": _exception_line(text), "source_line": None}
    source, tb = match.group(1), match.group(2).split(" [mystnb.exec]")[0]
    frame = _CELL_FRAME.search(tb)
    count = line = None
    if frame:
        count = int(frame.group(1) or frame.group(3))
        line = int(frame.group(2) or frame.group(4))
    source_line = None
    src_lines = source.splitlines()
    if line is not None and 0 < line <= len(src_lines):
        source_line = src_lines[line - 1]
    else:
        marked = [ln for ln in tb.splitlines() if ln.lstrip().startswith("---->")]
        if marked:
            source_line = re.sub(r"^\s*---->\s*\d*\s?", "", marked[0])
    return {"source": source, "exec_count": count, "line": line,
            "exception": _exception_line(tb), "source_line": source_line}


def cell_position(notebook: Path, source: str | None) -> int | None:
    """The place (from 1, counting every cell) of the code cell whose source is ``source``."""
    if source is None or notebook.suffix != ".ipynb" or not notebook.is_file():
        return None
    cells = json.loads(notebook.read_text(encoding="utf-8")).get("cells", [])
    for i, cell in enumerate(cells, start=1):
        text = cell.get("source", "")
        text = "".join(text) if isinstance(text, list) else text
        if cell.get("cell_type") == "code" and text.strip() == source.strip():
            return i
    return None


def parse_warnings(log: str) -> list[str]:
    """The build's WARNING/ERROR lines and Sphinx crashes, without ANSI colours."""
    lines = strip_ansi(log).splitlines()
    found = [ln.strip() for ln in lines if _WARNING.search(ln)]
    for i, ln in enumerate(lines):
        if ln.strip() == "Exception occurred:":  # Sphinx crashed; name the exception
            cause = next((c for c in lines[i + 1:] if c.strip() and not c[0].isspace()), "")
            found.append(f"Sphinx stopped: {cause.strip()}")
    return found


def show(path: Path | str) -> str:
    """``path`` relative to the current folder when under it, for short messages."""
    path = Path(path).resolve()
    try:
        return str(path.relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _source_of(root: Path, docname_or_path: str) -> Path:
    path = root / docname_or_path  # an absolute path stays as it is
    if path.suffix in (".ipynb", ".md", ".py"):
        return path
    for suffix in (".ipynb", ".md", ".py", ""):
        candidate = root / (docname_or_path + suffix)
        if candidate.is_file():
            return candidate
    return root / (docname_or_path + ".ipynb")


def collect_failures(root: Path, reports: Path, log: str) -> list[CellFailure]:
    """One :class:`CellFailure` per failed notebook: from its report, else from the log."""
    texts: dict[Path, tuple[str, str | None]] = {}
    for report in sorted(reports.rglob("*.err.log")) if reports.is_dir() else []:
        docname = report.relative_to(reports).as_posix()[: -len(".err.log")]
        texts[_source_of(root, docname).resolve()] = (
            report.read_text(encoding="utf-8", errors="replace"), show(report))
    clean = strip_ansi(log)
    for match in _EXEC_FAILED.finditer(clean):
        path = _source_of(root, match.group(1).strip()).resolve()
        if path not in texts:
            end = clean.find("[mystnb.exec]", match.end())
            texts[path] = (clean[match.start(): end if end > 0 else None], None)
    failures = []
    for path, (text, report) in texts.items():
        info = parse_cell_error(text)
        failures.append(CellFailure(
            notebook=_relative(path, root), exception=info["exception"],
            position=cell_position(path, info["source"]), exec_count=info["exec_count"],
            line=info["line"], source_line=info["source_line"], report=report))
    return failures


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


def _shorten(line: str, root: Path, width: int = 160) -> str:
    line = line.replace(str(root.resolve()) + os.sep, "")
    return line if len(line) <= width else line[: width - 1] + "…"


def summarize(failures: list[CellFailure], warnings: list[str], root: Path, html: Path,
              removed: bool) -> str:
    """The block printed at the very end of a failed build."""
    out = ["", "==== Build failed ===="]
    out += [f.describe() for f in failures]
    other = [w for w in warnings if not any(n in w for n in _NB_NOISE)]
    limit = 5 if failures else 10
    if other:
        label = "other warnings/errors" if failures else "warnings/errors"
        out.append(f"{len(other)} {label}" + (f" (first {limit}):" if len(other) > limit else ":"))
        out += [f"  {_shorten(w, root)}" for w in other[:limit]]
    if any(w.startswith("Sphinx stopped:") and "ExecutionError" in w for w in warnings):
        out.append("The build stopped at this notebook (nb_execution_raise_on_error is true): "
                   "later notebooks were not executed.")
    if not failures and not other:
        out.append("No notebook error or warning found in the log; look above for the cause.")
    if removed:
        out.append(f"The book in {show(html)} was removed so no stale copy looks current.")
    return "\n".join(out)
