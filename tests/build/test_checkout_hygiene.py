"""What a checkout leaves behind: git ignores the virtual environment and the npm
packages however they are made (a folder, or a link to a shared one, as helpers and
teachers with several copies use), the checkout tracks no link (a fresh clone would
hold a link into a folder it does not have), and `make clean` removes every build
output, the wheel's `build/` and `dist/` included."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from helpers import ROOT

GIT = shutil.which("git")


@pytest.mark.skipif(GIT is None, reason="git is not installed")
@pytest.mark.parametrize("path", [".venv", "web/node_modules"])
@pytest.mark.parametrize("kind", ["folder", "link"])
def test_git_ignores_the_set_up(tmp_path, kind, path) -> None:
    shutil.copy(ROOT / ".gitignore", tmp_path / ".gitignore")
    subprocess.run([GIT, "init", "-q", str(tmp_path)], check=True)
    made = tmp_path / path
    made.parent.mkdir(parents=True, exist_ok=True)
    if kind == "folder":
        made.mkdir()
        (made / "pyvenv.cfg").write_text("home = /usr\n", encoding="utf-8")
    else:
        target = tmp_path.parent / f"{tmp_path.name}-shared-{made.name}"
        target.mkdir()
        os.symlink(target, made)
    status = subprocess.run([GIT, "status", "--porcelain", "--untracked-files=all"], cwd=tmp_path,
                            capture_output=True, text=True, check=True).stdout
    assert made.name not in status, f"git would offer the {kind} {path} for commit:\n{status}"


@pytest.mark.skipif(GIT is None or not (ROOT / ".git").exists(), reason="not a git checkout")
def test_the_checkout_tracks_no_link() -> None:
    staged = subprocess.run([GIT, "ls-files", "--stage"], cwd=ROOT, capture_output=True,
                            text=True, check=True).stdout
    links = [line.split("\t", 1)[1] for line in staged.splitlines() if line.startswith("120000")]
    assert links == [], f"links a fresh clone could not follow: {links}"


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
