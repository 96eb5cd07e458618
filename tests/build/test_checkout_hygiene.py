"""What a checkout leaves behind: git ignores the virtual environment however it
is made (a folder, or a link to a shared one, as helpers and teachers with
several copies use), and `make clean` removes every build output, the wheel's
`build/` and `dist/` included."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from helpers import ROOT

GIT = shutil.which("git")


@pytest.mark.skipif(GIT is None, reason="git is not installed")
@pytest.mark.parametrize("kind", ["folder", "link"])
def test_git_ignores_the_venv(tmp_path, kind) -> None:
    shutil.copy(ROOT / ".gitignore", tmp_path / ".gitignore")
    subprocess.run([GIT, "init", "-q", str(tmp_path)], check=True)
    if kind == "folder":
        (tmp_path / ".venv").mkdir()
        (tmp_path / ".venv" / "pyvenv.cfg").write_text("home = /usr\n", encoding="utf-8")
    else:
        target = tmp_path.parent / f"{tmp_path.name}-shared-venv"
        target.mkdir()
        os.symlink(target, tmp_path / ".venv")
    status = subprocess.run([GIT, "status", "--porcelain", "--untracked-files=all"], cwd=tmp_path,
                            capture_output=True, text=True, check=True).stdout
    assert ".venv" not in status, f"git would offer the {kind} .venv for commit:\n{status}"


def test_make_clean_removes_every_build_output() -> None:
    make = shutil.which("make")
    if make is None:
        pytest.skip("make is not installed")
    env = {k: v for k, v in os.environ.items() if not k.startswith("MAKE")}
    plan = subprocess.run([make, "-n", "clean"], cwd=ROOT, capture_output=True, text=True,
                          check=True, env=env).stdout
    removed = {word for line in plan.splitlines() if line.startswith("rm ")
               for word in line.split()[1:] if not word.startswith("-")}
    assert {"_build", "build", "dist"} <= removed, f"make clean removes only {sorted(removed)}"
