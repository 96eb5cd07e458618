"""``python -m meishi_build.lms`` (``make lms``): every chapter's quiz into ``_build/lms/``."""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from . import LMS, ChapterQuiz, course_quizzes
from .gift import write_gift
from .moodle import write_moodle
from .qti import write_qti
from .qti21 import write_qti21


def write_all(out: Path = LMS, quizzes: list[ChapterQuiz] | None = None
              ) -> dict[str, list[Path]]:
    """Write every chapter's quiz (or ``quizzes``) into ``out``, emptied first; the files,
    by format."""
    quizzes = course_quizzes() if quizzes is None else quizzes
    if out.exists():
        shutil.rmtree(out)
    return {
        "canvas-qti": [write_qti(cq, out / "canvas-qti") for cq in quizzes],
        "blackboard-qti21": [write_qti21(cq, out / "blackboard-qti21") for cq in quizzes],
        "moodle": write_moodle(quizzes, out / "moodle"),
        "gift": write_gift(quizzes, out / "gift"),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=LMS, help="folder to write (emptied first)")
    args = parser.parse_args(argv)
    quizzes = course_quizzes()
    written = write_all(args.out, quizzes)
    count = sum(len(cq.questions) for cq in quizzes)
    for fmt, paths in written.items():
        print(f"{fmt}: {len(paths)} files in {args.out / fmt}")
    print(f"{count} questions from {len(written['canvas-qti'])} chapters")
    return 0


if __name__ == "__main__":
    sys.exit(main())
