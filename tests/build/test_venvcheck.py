"""A copied or moved checkout builds itself: .venv is repaired or refused before make uses it.

The environments here are fake layouts (what a real .venv records: the editable
install's .pth and direct_url.json, the scripts' first lines, the activate
scripts, the kernel spec, pyvenv.cfg), copied or moved as a teacher would.
`test_make_refuses_before_anything_runs` runs the Makefile itself.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import ROOT
from meishi_build.venvcheck import VenvProblem, check, recorded_paths

SITE = "lib/python3.11/site-packages"


def _fake_venv(checkout: Path, python: str = sys.executable) -> Path:
    """The paths a `make` set-up records in ``checkout/.venv``; its python runs ``python``."""
    venv = checkout / ".venv"
    (venv / "bin").mkdir(parents=True)
    (venv / "bin" / "python3").symlink_to(python)
    (venv / "bin" / "python").symlink_to("python3")
    (venv / "pyvenv.cfg").write_text(
        f"home = /usr/bin\nversion = 3.11.7\ncommand = /usr/bin/python3 -m venv {venv}\n",
        encoding="utf-8")
    for name in ("pip", "jupyter-book", "ruff"):
        (venv / "bin" / name).write_text(f"#!{venv}/bin/python\nimport sys\nprint('{name}')\n",
                                         encoding="utf-8")
        (venv / "bin" / name).chmod(0o755)
    (venv / "bin" / "activate").write_text(f"VIRTUAL_ENV='{venv}'\nexport VIRTUAL_ENV\n",
                                           encoding="utf-8")
    site = venv / SITE
    (site / "meishi-0.1.0.dist-info").mkdir(parents=True)
    (site / "__editable__.meishi-0.1.0.pth").write_text(f"{checkout / 'src'}\n", encoding="utf-8")
    (site / "meishi-0.1.0.dist-info" / "direct_url.json").write_text(json.dumps(
        {"dir_info": {"editable": True}, "url": checkout.as_uri()}), encoding="utf-8")
    kernel = venv / "share" / "jupyter" / "kernels" / "python3"
    kernel.mkdir(parents=True)
    (kernel / "kernel.json").write_text(json.dumps(
        {"argv": [f"{venv}/bin/python", "-m", "ipykernel_launcher", "-f", "{connection_file}"],
         "display_name": "Python 3 (course)", "language": "python"}, indent=1),
        encoding="utf-8")
    return venv


def _mentions(venv: Path, text: str) -> list[str]:
    return sorted(str(p.relative_to(venv)) for p in venv.rglob("*")
                  if p.is_file() and not p.is_symlink() and text in p.read_text("utf-8"))


def test_its_own_environment_passes_untouched(tmp_path: Path) -> None:
    venv = _fake_venv(tmp_path / "course")
    before = {p: p.read_bytes() for p in venv.rglob("*") if p.is_file()}
    assert check(tmp_path / "course", {}) is None
    assert {p: p.read_bytes() for p in venv.rglob("*") if p.is_file()} == before
    assert check(tmp_path / "nothing-set-up-yet", {}) is None


@pytest.mark.parametrize("how, folder", [
    ("copied", "adapted"), ("moved", "adapted"),
    ("copied", "My course (copy)"),  # a space: the scripts need pip's /bin/sh header
    ("moved", "a-folder-whose-name-is-long-" * 4),  # over the kernel's 127-byte #! limit
])
def test_a_copied_or_moved_checkout_is_repaired_to_build_itself(tmp_path: Path, how: str,
                                                                 folder: str) -> None:
    original, new = tmp_path / "original", tmp_path / folder
    _fake_venv(original)
    (original / "src").mkdir()
    if how == "copied":  # with hard links, as `cp -al` copies: the original must not change
        shutil.copytree(original, new, symlinks=True, copy_function=os.link)
    else:
        shutil.copytree(original, new, symlinks=True)
        shutil.rmtree(original)
    assert recorded_paths(new / ".venv") == (original / ".venv", original)
    done = check(new, {})
    assert done is not None and f"set up for {original}" in done and str(new) in done
    assert recorded_paths(new / ".venv") == (new / ".venv", new)
    venv = new / ".venv"
    assert _mentions(venv, str(original)) == []
    assert (venv / SITE / "__editable__.meishi-0.1.0.pth").read_text() == f"{new / 'src'}\n"
    kernel = json.loads((venv / "share/jupyter/kernels/python3/kernel.json").read_text())
    assert kernel["argv"][0] == f"{venv}/bin/python"
    assert os.access(venv / "bin" / "pip", os.X_OK)
    ran = subprocess.run([venv / "bin" / "pip"], capture_output=True, text=True, check=False)
    assert ran.stdout == "pip\n", ran.stderr
    if folder == "adapted":
        assert (venv / "bin" / "pip").read_text().startswith(f"#!{venv}/bin/python\n")
    if how == "copied":  # the original is left as it was
        assert recorded_paths(original / ".venv") == (original / ".venv", original)
    assert check(new, {}) is None  # repaired once, then it is this checkout's own


def test_a_copy_whose_python_is_gone_is_refused_with_what_to_run(tmp_path: Path) -> None:
    original, new = tmp_path / "original", tmp_path / "adapted"
    _fake_venv(original, python=str(tmp_path / "no-such-python"))
    shutil.copytree(original, new, symlinks=True)
    with pytest.raises(VenvProblem, match=r"rm -rf \.venv && make book") as info:
        check(new, {})
    assert f"set up for {original}" in str(info.value) and "Python" in str(info.value)
    assert recorded_paths(new / ".venv") == (original / ".venv", original)  # not half-repaired


def test_a_link_to_another_checkouts_environment_is_refused_not_repaired(tmp_path: Path) -> None:
    original, other = tmp_path / "original", tmp_path / "other"
    _fake_venv(original)
    other.mkdir()
    (other / ".venv").symlink_to(original / ".venv")
    with pytest.raises(VenvProblem, match=r"link to .*original/\.venv") as info:
        check(other, {})
    assert "rm .venv && make book" in str(info.value) and "PYTHONPATH" in str(info.value)
    assert recorded_paths(original / ".venv") == (original / ".venv", original)
    # Shared knowingly: this checkout's code first on PYTHONPATH is what the venv imports.
    assert check(other, {"PYTHONPATH": str(other / "src")}) is None
    with pytest.raises(VenvProblem):
        check(other, {"PYTHONPATH": str(original / "src")})
    shutil.rmtree(original)  # and a link that leads nowhere (the other checkout moved)
    with pytest.raises(VenvProblem, match=r"not there .*\n.*\n    rm \.venv && make book"):
        check(other, {"PYTHONPATH": str(other / "src")})


def test_make_refuses_before_anything_runs(tmp_path: Path) -> None:
    """The check is run by the $(STAMP) rule, which every target that uses .venv needs."""
    if shutil.which("make") is None:
        pytest.skip("needs make")
    original, new = tmp_path / "original", tmp_path / "adapted"
    marker = tmp_path / "the-venvs-python-ran"
    fake_python = tmp_path / "python-that-was-removed"
    fake_python.write_text(f"#!/bin/sh\ntouch {marker}\n", encoding="utf-8")
    fake_python.chmod(0o755)
    _fake_venv(original, python=str(fake_python))
    (original / "src" / "meishi_build").mkdir(parents=True)
    shutil.copy(ROOT / "Makefile", original / "Makefile")
    shutil.copy(ROOT / "src" / "meishi_build" / "venvcheck.py",
                original / "src" / "meishi_build" / "venvcheck.py")
    for name in ("requirements.txt", "requirements-hub.txt", "constraints.txt", "pyproject.toml"):
        (original / name).write_text("", encoding="utf-8")
        os.utime(original / name, (946_684_800, 946_684_800))
    (original / ".venv" / ".installed").touch()
    shutil.copytree(original, new, symlinks=True)
    fake_python.unlink()
    env = {**os.environ, "PYTHON": sys.executable}
    env.pop("PYTHONPATH", None)
    env.pop("MAKEFLAGS", None)
    for target in ("book", "test", "lint", "notebooks", "guide"):
        result = subprocess.run(["make", "--no-print-directory", target], cwd=new, env=env,
                                capture_output=True, text=True, timeout=60, check=False)
        assert result.returncode != 0, (target, result.stdout)
        assert "Cannot use .venv" in result.stderr and "rm -rf .venv && make book" in \
            result.stderr, (target, result.stderr)
        assert not marker.exists(), target
