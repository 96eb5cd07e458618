"""One source in ``sources.yml``: the rules for its entry, and the :class:`Source` it becomes.

A source's entry has a ``title``, ``publisher``, ``url`` (a web address),
``date`` (YYYY, YYYY-MM or YYYY-MM-DD), ``short`` citation, what was
``taken`` from it (text or a list of texts), and two separate grades:

* ``reliability`` (:data:`RELIABILITY`): the quality of the source itself;
* ``read`` (:data:`READ`): how its numbers were read, in the publisher's own
  page or document, in a copy of it, or in another outlet restating it.

Optional: ``note``, ``series`` (a shared citation printed instead of
``short``) and ``interest`` (text: who has a commercial interest in the
figures, e.g. "Randstad is a staffing firm").  Every problem names
``sources.yml``, the line of the key at fault, and the source's id.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

__all__ = ["READ", "RELIABILITY", "REQUIRED_SOURCE_KEYS", "Source", "make_source",
           "source_problems"]

#: The quality of the source itself.
RELIABILITY = {
    "A": "official statistics, a primary document or a peer-reviewed paper",
    "B": "a reputable secondary source that cites a primary source",
    "C": "weak: blog, aggregator or anecdote",
}
#: How the source's numbers were read.
READ = {
    "primary": "read in the publisher's own page or document",
    "copy": "read in a copy or mirror of the primary document (a document-sharing site, "
            "an archive, an author's version in a repository)",
    "restatement": "read in another outlet that reports the primary source",
}
REQUIRED_SOURCE_KEYS = ("title", "publisher", "url", "date", "short", "taken", "reliability",
                        "read")
_TEXT = ("title", "publisher", "url", "date", "short", "reliability", "read", "note", "series",
         "interest")
_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")


@dataclass(frozen=True)
class Source:
    """One source, as recorded in ``sources.yml``."""

    id: str
    title: str
    publisher: str
    url: str
    date: str
    short: str
    taken: tuple[str, ...]
    reliability: str
    read: str
    note: str = ""
    series: str = ""
    interest: str = ""

    @property
    def citation(self) -> str:
        """What a chart's source line prints for this source."""
        return self.series or self.short

    @property
    def year(self) -> int:
        return int(str(self.date)[:4])


def _is_text_list(value: Any) -> bool:
    return isinstance(value, str) or (isinstance(value, list)
                                      and all(isinstance(t, str) for t in value))


def source_problems(sid: Any, entry: Any, at: Callable[..., str]) -> list[str]:
    """What breaks the rules in source ``sid``'s ``entry``; ``at(*keys)`` says where a key is
    (``at()`` the source's own key).  Every key required, reliability A, B or C, read one of
    :data:`READ`, a web url, a date YYYY, YYYY-MM or YYYY-MM-DD, ``taken`` and ``interest``
    text."""
    if not isinstance(entry, dict):
        return [f"{at()}: source {sid!r} is empty" if entry is None
                else f"{at()}: source {sid!r} must be a mapping of fields, not {entry!r}"]
    missing = [k for k in REQUIRED_SOURCE_KEYS if not entry.get(k)]
    problems = [f"{at()}: source {sid!r} lacks {', '.join(missing)}"] if missing else []
    day, interest = entry.get("date"), entry.get("interest")
    for key, ok, rule in [
        ("reliability", str(entry.get("reliability")) in RELIABILITY, "must be one of A, B, C"),
        ("read", str(entry.get("read")) in READ, f"must be one of {', '.join(READ)}"),
        ("url", str(entry.get("url")).startswith(("https://", "http://")),
         "must be a web address (http:// or https://)"),
        ("date", isinstance(day, (int, str)) and bool(_DATE.match(str(day))),
         "must be YYYY, YYYY-MM or YYYY-MM-DD"),
        ("taken", _is_text_list(entry.get("taken")), "must be text or a list of texts"),
    ]:
        if entry.get(key) and not ok:
            problems.append(f"{at(key)}: source {sid!r}: {key} {rule}, not {entry[key]!r}")
    if "interest" in entry and not (isinstance(interest, str) and interest.strip()):
        problems.append(f"{at('interest')}: source {sid!r}: interest must be text saying who "
                        f"has a commercial interest (or be left out), not {interest!r}")
    return problems


def make_source(sid: Any, entry: dict[str, Any]) -> Source:
    """The :class:`Source` of an entry that follows the rules."""
    taken = entry["taken"]
    return Source(id=sid, taken=(taken,) if isinstance(taken, str) else tuple(taken),
                  **{key: str(entry.get(key) or "") for key in _TEXT})
