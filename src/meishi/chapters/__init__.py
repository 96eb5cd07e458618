"""The chapters, found by looking, never listed by hand.

Each chapter is a package here named by its topic (``profile_signal``),
whose ``__init__`` defines ``CHAPTER = Chapter(...)``.  Its notebook
(``chapters/01_profile_signal.ipynb``) and quiz
(``chapters/quizzes/01_profile_signal.yml``) share that word.
:func:`discover` imports every package here and returns their chapters, so
the quiz, the benchmark and the tests find chapters and widgets the same
way, and adding a chapter edits no list elsewhere.  Chapters never import
each other: what two chapters share lives in :mod:`meishi.data.series`
or :mod:`meishi.kit`.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import paths
from ..kit.glue import glue_numbers
from ..kit.quiz import Quiz, load_quiz
from ..kit.widget import CourseWidget

__all__ = ["Chapter", "discover", "facts_once", "widget_classes"]

#: Each facts function's result while a :func:`facts_once` block runs (else None)
_ONCE: dict[Callable, dict[str, Any]] | None = None


@contextmanager
def facts_once() -> Iterator[None]:
    """Within the block, each chapter's facts are computed once and handed out as copies
    (shallow: every value is a number or a text).

    A build step (the teacher's guide pages, the classroom notebooks) reads a chapter's
    facts for its quiz, its claims, its predictions and its reading time, five times or
    more, while the data under them cannot change; outside such a block every call
    computes them afresh (a test may change the data between two calls)."""
    global _ONCE
    outer = _ONCE
    _ONCE = {} if outer is None else outer
    try:
        yield
    finally:
        _ONCE = outer


class _Facts:
    """A chapter's facts function, computed once per :func:`facts_once` block; equal to,
    hashed and pickled as the function it wraps."""

    def __init__(self, compute: Callable[[], Mapping[str, Any]]) -> None:
        self.compute = compute
        self.__doc__ = getattr(compute, "__doc__", None)

    def __call__(self) -> Mapping[str, Any]:
        if _ONCE is None:
            return self.compute()
        if self.compute not in _ONCE:
            _ONCE[self.compute] = dict(self.compute())
        return dict(_ONCE[self.compute])

    def __eq__(self, other: object) -> bool:
        return self.compute == (other.compute if isinstance(other, _Facts) else other)

    def __hash__(self) -> int:
        return hash(self.compute)

    def __reduce__(self) -> tuple:
        return _Facts, (self.compute,)

    def __repr__(self) -> str:
        return repr(self.compute)


@dataclass(frozen=True)
class Chapter:
    """One chapter: its topic word, its number and the code its notebook calls."""

    slug: str
    number: int
    title: str
    facts: Callable[[], Mapping[str, Any]]
    widgets: tuple[type[CourseWidget], ...] = field(default=())
    #: The chapter's evidence charts (functions returning a kit.charts.Chart)
    charts: tuple[Callable[[], Any], ...] = field(default=())

    def __post_init__(self) -> None:
        if not isinstance(self.facts, _Facts):
            object.__setattr__(self, "facts", _Facts(self.facts))

    @property
    def stem(self) -> str:
        """``01_profile_signal``: the notebook's and the quiz's file name."""
        return f"{self.number:02d}_{self.slug}"

    @property
    def notebook(self) -> Path:
        return paths.CHAPTERS / f"{self.stem}.ipynb"

    @property
    def quiz_file(self) -> Path:
        return paths.QUIZZES / f"{self.stem}.yml"

    def glue(self) -> None:
        """Glue the numbers the chapter's prose quotes (call once, in the notebook)."""
        glue_numbers(self.facts())

    def claims(self) -> Any:
        """The claims ledger's entries for this chapter (its verdict section shows them)."""
        from ..ledger import chapter_claims  # the ledger reads every chapter's facts
        return chapter_claims(self.slug, self.facts())

    def prediction(self, pid: str) -> Any:
        """One of the chapter's predictions (``chapters/predictions/NN_slug.yml``), shown
        before its widget: the learner commits to an answer, then sees the model's."""
        from ..kit.predict import load_predictions
        found = load_predictions(self.stem, self.facts(),
                                 {w.widget_id: w for w in self.widgets})
        if pid not in found:
            raise KeyError(f"no prediction {pid!r} in {self.stem}; it has: {', '.join(found)}")
        return found[pid]

    def quiz(self) -> Quiz:
        """The chapter's self-check quiz, its numbers filled from the chapter's facts."""
        return load_quiz(self.stem, facts=self.facts())


def discover() -> list[Chapter]:
    """Every chapter package's ``CHAPTER``, in chapter order."""
    found = []
    for info in pkgutil.iter_modules(__path__):
        if not info.ispkg:
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        chapter = getattr(module, "CHAPTER", None)
        if not isinstance(chapter, Chapter):
            raise TypeError(f"{module.__name__} must define CHAPTER = Chapter(...)")
        if chapter.slug != info.name:
            raise ValueError(f"{module.__name__}: CHAPTER.slug is {chapter.slug!r}, "
                             f"but the package is named {info.name!r}")
        found.append(chapter)
    found.sort(key=lambda c: c.number)
    numbers = [c.number for c in found]
    if len(set(numbers)) != len(numbers):
        raise ValueError(f"two chapters share a number: {numbers}")
    return found


def widget_classes() -> list[type[CourseWidget]]:
    """Every chapter's widgets, in chapter order; their ids are unique."""
    classes = [w for chapter in discover() for w in chapter.widgets]
    ids = [w.widget_id for w in classes]
    if len(set(ids)) != len(ids):
        raise ValueError(f"two widgets share an id: {ids}")
    return classes
