"""JupyterLab settings for a class: ``python -m meishi_build.labsettings``.

JupyterLab greets a new user with a prompt asking whether to fetch news from
jupyter.org, and may check the internet for a newer JupyterLab; neither
belongs in a classroom (and a machine without the network would only show an
error).  This writes both off into ``overrides.json`` in the environment's
``share/jupyter/lab/settings`` (``{sys.prefix}``), where JupyterLab reads the
defaults every user of that environment starts from; a user can still change
them.  ``make lab`` runs it for ``.venv``; on a JupyterHub run it once in the
environment the users' servers run in (chapters/teachers/running.md).
Settings already in the file are kept.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

__all__ = ["OVERRIDES", "settings_file", "write_overrides"]

#: No news prompt, no news fetched, no update check.
OVERRIDES = {
    "@jupyterlab/apputils-extension:notification": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
}


def settings_file(prefix: Path | str = sys.prefix) -> Path:
    return Path(prefix) / "share" / "jupyter" / "lab" / "settings" / "overrides.json"


def write_overrides(prefix: Path | str = sys.prefix) -> Path:
    """Merge :data:`OVERRIDES` into the environment's ``overrides.json``; returns its path."""
    path = settings_file(prefix)
    current = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    for plugin, values in OVERRIDES.items():
        current[plugin] = {**current.get(plugin, {}), **values}
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(current, indent=2, ensure_ascii=False) + "\n"
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--prefix", default=sys.prefix,
                        help="the environment JupyterLab runs in (default: this one)")
    args = parser.parse_args(argv)
    print(f"JupyterLab class settings in {write_overrides(args.prefix)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
