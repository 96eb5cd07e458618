"""Does ``.venv`` belong to this checkout?  Repair it if it does not, or refuse.

``python3 src/meishi_build/venvcheck.py`` (the Makefile runs it before any
target uses ``.venv``; standard library only, so any Python 3.11 runs it).

A virtual environment records absolute paths: the course package is installed
editable from ``<checkout>/src`` (a ``.pth`` file), and the scripts' first
lines, the notebook kernel and the activate scripts name ``<checkout>/.venv``.
In a copied checkout those paths still lead to the original, so ``make book``
would build and write into the original folder; in a moved one they lead
nowhere.  This check finds such a ``.venv`` and

* repairs it, offline, when it is this checkout's own folder (a copy or a
  move) and the Python it was made with still exists: every recorded path is
  rewritten to this checkout, and it says so;
* refuses, saying what to run, when the Python is gone, or when ``.venv`` is
  a link to another checkout's environment (it is not repaired: that would
  break the other checkout) unless this checkout's ``src`` is first on
  ``PYTHONPATH``, which makes the shared environment import this checkout.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
from pathlib import Path
from urllib.parse import unquote

__all__ = ["VenvProblem", "check", "main", "recorded_paths"]


class VenvProblem(Exception):
    """``.venv`` belongs elsewhere and cannot be repaired here; the message says what to run."""


def _site_packages(venv: Path) -> list[Path]:
    return sorted(venv.glob("lib/python3*/site-packages"))


def _editable_pth(venv: Path) -> Path | None:
    found = [p for sp in _site_packages(venv) for p in sp.glob("__editable__.meishi-*.pth")]
    return found[0] if found else None


def _direct_url(venv: Path) -> Path | None:
    found = [p for sp in _site_packages(venv)
             for p in sp.glob("meishi-*.dist-info/direct_url.json")]
    return found[0] if found else None


#: A script's first lines naming its Python: ``#!<python>``, or, for a path with a space
#: or too long for the kernel, the ``/bin/sh`` form pip writes instead.
_HEADER = re.compile(rb"#![ \t]*(?P<plain>[^ \t\n]+)[ \t]*\n"
                     rb"|#!/bin/sh\n'''exec' \"(?P<sh>[^\"\n]+)\" \"\$0\" \"\$@\"\n' '''\n")


def _script_python(data: bytes) -> tuple[str, int] | None:
    """(the Python a script's header names, where the header ends), or None."""
    match = _HEADER.match(data)
    if not match:
        return None
    return (match["plain"] or match["sh"]).decode("utf-8", "replace"), match.end()


def _header(python: str) -> bytes:
    if len(python) + 2 <= 127 and " " not in python:
        return f"#!{python}\n".encode()
    return f"#!/bin/sh\n'''exec' \"{python}\" \"$0\" \"$@\"\n' '''\n".encode()


def _shebang_venv(venv: Path) -> Path | None:
    """The folder the scripts' headers name as their environment (``#!<venv>/bin/python``)."""
    for name in ("pip", "jupyter", "jupyter-book", "ruff"):
        try:
            found = _script_python((venv / "bin" / name).read_bytes()[:1000])
        except OSError:
            continue
        match = re.match(r"(.+)/bin/python[\d.]*$", found[0]) if found else None
        if match:
            return Path(match.group(1))
    return None


def recorded_paths(venv: Path) -> tuple[Path | None, Path | None]:
    """(the environment's recorded own folder, the checkout its package is installed from)."""
    own = _shebang_venv(venv)
    if own is None:
        cfg = venv / "pyvenv.cfg"
        text = cfg.read_text(encoding="utf-8") if cfg.is_file() else ""
        match = re.search(r"^command\s*=.*-m venv\s+(.+?)\s*$", text, re.M)
        own = Path(match.group(1)) if match else None
    checkout = None
    pth = _editable_pth(venv)
    if pth is not None:
        lines = [ln.strip() for ln in pth.read_text(encoding="utf-8").splitlines() if ln.strip()]
        if lines and not lines[0].startswith("import ") and Path(lines[0]).name == "src":
            checkout = Path(lines[0]).parent
    if checkout is None and _direct_url(venv) is not None:
        url = json.loads(_direct_url(venv).read_text(encoding="utf-8")).get("url", "")
        if url.startswith("file://"):
            checkout = Path(unquote(url[len("file://"):]))
    return own, checkout


def _same(a: Path | None, b: Path) -> bool:
    return a is None or os.path.realpath(a) == os.path.realpath(b)


def _replace(path: Path, data: bytes) -> None:
    """``path`` now holds ``data``: a new file in its place, so a copy made with hard
    links (cp -al), which shares the original's files, leaves the original alone."""
    fresh = path.with_name(path.name + ".venvcheck")
    fresh.write_bytes(data)
    shutil.copymode(path, fresh)
    os.replace(fresh, path)


def _rewrite(path: Path, old: str, new: str) -> bool:
    try:
        data = path.read_bytes()
    except OSError:
        return False
    if old.encode() not in data or b"\0" in data:
        return False
    _replace(path, data.replace(old.encode(), new.encode()))
    return True


def _rewrite_script(path: Path, old: str, new: str) -> bool:
    """A script's header, if it names a Python in ``old``: now in ``new``."""
    try:
        data = path.read_bytes()
    except OSError:
        return False
    found = _script_python(data)
    if found is None or not (found[0] + "/").startswith(old + "/"):
        return False
    _replace(path, _header(new + found[0][len(old):]) + data[found[1]:])
    return True


def _repair(venv: Path, root: Path, own: Path | None, checkout: Path | None) -> int:
    """Point every recorded path at this checkout; the number of files changed."""
    changed = 0
    if own is not None and str(own) != str(venv):
        old, new = str(own), str(venv)
        for script in sorted((venv / "bin").iterdir()):
            if script.is_file() and not script.is_symlink():
                if script.name.startswith("activate") or script.name == "Activate.ps1":
                    changed += _rewrite(script, old, new)
                else:
                    changed += _rewrite_script(script, old, new)
        changed += _rewrite(venv / "pyvenv.cfg", old, new)
        for spec in sorted(venv.glob("share/jupyter/kernels/*/kernel.json")):
            changed += _rewrite(spec, old, new)
    if checkout is not None and str(checkout) != str(root):
        pth, url = _editable_pth(venv), _direct_url(venv)
        if pth is not None:
            changed += _rewrite(pth, str(checkout / "src"), str(root / "src"))
        if url is not None:
            changed += _rewrite(url, checkout.as_uri(), root.as_uri())
    return changed


def _pythonpath_is_ours(root: Path, environ: dict[str, str]) -> bool:
    first = environ.get("PYTHONPATH", "").split(os.pathsep)[0]
    return bool(first) and os.path.realpath(first) == os.path.realpath(root / "src")


def check(root: Path, environ: dict[str, str] | None = None) -> str | None:
    """Check ``root/.venv``; repair it if it can be.  Returns what was done (None: nothing).

    Raises :class:`VenvProblem` when it belongs elsewhere and cannot be repaired here.
    """
    environ = dict(os.environ if environ is None else environ)
    root = Path(os.path.abspath(root))
    venv = root / ".venv"
    if not venv.exists() and not venv.is_symlink():
        return None  # make sets it up
    own, checkout = recorded_paths(venv)
    if venv.is_symlink():
        target = Path(os.path.realpath(venv))
        if not target.is_dir():
            raise VenvProblem(f".venv is a link to {target}, which is not there (a moved "
                              "checkout?).\nSet up this checkout's own environment (needs the "
                              "network once):\n    rm .venv && make book")
        if _same(checkout, root) or _pythonpath_is_ours(root, environ):
            return None
        raise VenvProblem(
            f".venv is a link to {target}, the environment of {checkout}: here it would "
            f"build and test {checkout}, not this checkout ({root}).\n"
            "Give this checkout its own environment (needs the network once):\n"
            "    rm .venv && make book\n"
            "or, to share it knowingly, put this checkout's code first: "
            "PYTHONPATH=$PWD/src make <target>")
    if _same(own, venv) and _same(checkout, root):
        return None
    origin = checkout or (own.parent if own else None)
    if not (venv / "bin" / "python").exists():
        raise VenvProblem(
            f".venv was set up for {origin} (this checkout was copied or moved from there), "
            "and the Python it was made with is gone, so it cannot be repaired here.\n"
            "Set it up again (needs the network once):\n    rm -rf .venv && make book")
    try:
        changed = _repair(venv, root, own, checkout)
    except OSError as exc:
        raise VenvProblem(
            f".venv was set up for {origin} and cannot be repaired here ({exc}).\n"
            "Set it up again (needs the network once):\n    rm -rf .venv && make book") from exc
    left = recorded_paths(venv)
    if not (_same(left[0], venv) and _same(left[1], root)):
        raise VenvProblem(
            f".venv was set up for {origin}; repairing it left paths to there.\n"
            "Set it up again (needs the network once):\n    rm -rf .venv && make book")
    return (f".venv was set up for {origin} (this checkout was copied or moved from there): "
            f"repaired {changed} files so it uses this checkout, {root}.")


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    root = Path(args[0]) if args else Path.cwd()
    try:
        done = check(root)
    except VenvProblem as problem:
        print("Cannot use .venv (meishi_build.venvcheck):", problem, file=sys.stderr)
        return 1
    if done:
        print(done)
    return 0


if __name__ == "__main__":
    sys.exit(main())
