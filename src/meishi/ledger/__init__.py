"""The claims ledger: the article's claims, the evidence and the course's verdicts.

Each chapter keeps the claims it weighs in ``chapters/claims/NN_slug.yml``
(named like its notebook and its quiz); ``chapters/claims/essay.yml`` says
which points the essay makes and which words for the course's own mechanisms
it never uses.  Each chapter's verdict section lists its claims
(:meth:`meishi.chapters.Chapter.claims`) and the conclusion prints the whole
ledger (:func:`ledger`), both from these files, so a verdict reads the same
everywhere.

A claim's verdict is not free text: it must follow from its evidence by the
rules in :data:`VERDICT_RULES` (:func:`verdict_problems`).  Each piece of
evidence says whether it speaks *for* or *against* the claim, or is only
*context* (a model's output is context: it shows a mechanism, it is not
evidence about the world), names the facts or sources it rests on, whether
it compares Japan with another country, and whether it describes 2015 or
earlier (*then*) or the years since (*now*).  Numbers are ``{key:format}``
fields filled from the facts of the chapter that weighs the claim, the same
numbers its prose glues.

:mod:`.claims` reads and checks the files; :mod:`.render` writes the Markdown.
"""

from .claims import (
    CLAIMS_DIR,
    ESSAY_FILE,
    ESSAY_VERSIONS,
    EXPLANATIONS,
    VERDICT_RULES,
    VERDICTS,
    Claim,
    Evidence,
    essay_points,
    fields,
    load_claims,
    verdict_counts,
    verdict_problems,
)
from .render import chapter_claims, ledger

__all__ = ["CLAIMS_DIR", "ESSAY_FILE", "ESSAY_VERSIONS", "EXPLANATIONS", "VERDICTS",
           "VERDICT_RULES", "Claim", "Evidence", "chapter_claims", "essay_points", "fields",
           "ledger", "load_claims", "verdict_counts", "verdict_problems"]
