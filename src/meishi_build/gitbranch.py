"""Commit a folder's files as the next commit of a branch, without touching the work tree.

Used for the ``student`` branch (:mod:`meishi_build.publish`): git's
plumbing builds a tree from the folder in a private index, and the commit's
parent is the branch's last commit, so the branch keeps one line of history
(nbgitpuller merges each new version into a student's copy).  The checkout
the command runs in, its index and its current branch stay as they were.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from pathlib import Path

__all__ = ["commit_tree"]

#: Used when the repository has no identity configured (a CI checkout).
_IDENTITY = {"GIT_AUTHOR_NAME": "meishi course CI", "GIT_AUTHOR_EMAIL": "ci@localhost",
             "GIT_COMMITTER_NAME": "meishi course CI", "GIT_COMMITTER_EMAIL": "ci@localhost"}


def _git(repo: Path, *args: str, env: dict | None = None, check: bool = True) -> str:
    result = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True,
                            env={**os.environ, "LC_ALL": "C", **(env or {})}, check=False)
    if check and result.returncode != 0:
        raise RuntimeError(f"git {' '.join(args)}: {result.stderr.strip()}")
    return result.stdout.strip()


def commit_tree(repo: Path, source: Path, branch: str, message: str) -> str:
    """Commit every file under ``source`` as ``branch``'s next commit; returns the branch's head.

    A branch whose last commit already holds exactly these files is left as it is.
    """
    ref = f"refs/heads/{branch}"
    parent = _git(repo, "rev-parse", "--verify", "--quiet", ref, check=False)
    git_dir = _git(repo, "rev-parse", "--absolute-git-dir")
    with tempfile.TemporaryDirectory() as tmp:
        env = {"GIT_DIR": git_dir, "GIT_WORK_TREE": str(Path(source).resolve()),
               "GIT_INDEX_FILE": str(Path(tmp) / "index")}
        _git(Path(source), "add", "--all", "--force", ".", env=env)
        tree = _git(Path(source), "write-tree", env=env)
    if parent and _git(repo, "rev-parse", f"{parent}^{{tree}}") == tree:
        return parent
    identity = {} if _git(repo, "config", "user.email", check=False) else _IDENTITY
    args = ["commit-tree", tree, "-m", message] + (["-p", parent] if parent else [])
    commit = _git(repo, *args, env=identity)
    _git(repo, "update-ref", ref, commit, *([parent] if parent else []))
    return commit


def main(argv: list[str] | None = None) -> int:
    """``python src/meishi_build/gitbranch.py REPO FOLDER BRANCH MESSAGE`` (stdlib only, so CI's
    publishing job runs it without installing the course)."""
    import sys

    repo, source, branch, message = (argv if argv is not None else sys.argv[1:])
    print(commit_tree(Path(repo), Path(source), branch, message))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
