"""Keep notebooks committed without outputs: ``python -m meishi_build.nbclean [--check] FILE…``.

The build executes every notebook, so saved outputs only bloat the history
and go stale.  Without ``--check`` the outputs and execution counts are
removed in place; with it, nothing is written and the exit code is 1 if any
notebook has them (the pre-commit hook).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

__all__ = ["has_outputs", "strip"]


def has_outputs(notebook: dict) -> bool:
    return any(c.get("outputs") or c.get("execution_count") is not None
               for c in notebook.get("cells", []) if c.get("cell_type") == "code")


def strip(notebook: dict) -> dict:
    for cell in notebook.get("cells", []):
        if cell.get("cell_type") == "code":
            cell["outputs"] = []
            cell["execution_count"] = None
    return notebook


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report, do not change")
    parser.add_argument("files", nargs="+", type=Path)
    args = parser.parse_args(argv)
    dirty = []
    for path in args.files:
        notebook = json.loads(path.read_text(encoding="utf-8"))
        if not has_outputs(notebook):
            continue
        dirty.append(path)
        if not args.check:
            text = json.dumps(strip(notebook), indent=1, ensure_ascii=False) + "\n"
            path.write_text(text, encoding="utf-8")
    for path in dirty:
        verb = "has outputs" if args.check else "cleared"
        print(f"{path}: {verb}", file=sys.stderr)
    return 1 if (dirty and args.check) else 0


if __name__ == "__main__":
    raise SystemExit(main())
