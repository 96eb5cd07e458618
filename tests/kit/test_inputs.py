"""Typed input (meishi.kit.inputs): every case in the shared file, read as the browser reads it."""

from __future__ import annotations

import json

import pytest

from helpers import ROOT
from meishi.kit.inputs import MAX_INPUT_CHARS, InputError, parse_number

CASES = json.loads((ROOT / "tests" / "cases" / "number_inputs.json").read_text("utf-8"))["cases"]
INVISIBLE = ("\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u202a", "\u202b", "\u202c",
             "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\ufeff")


@pytest.mark.parametrize("case", CASES, ids=[c["why"] for c in CASES])
def test_shared_case(case):
    if "value" in case:
        value = parse_number(case["text"], **case["opts"])
        assert value == case["value"]
        assert type(value) is (int if case["opts"].get("integer") else float)
    else:
        with pytest.raises(InputError) as info:
            parse_number(case["text"], **case["opts"])
        assert info.value.kind == case["error"]
        assert str(info.value).startswith(case["opts"]["label"])


def test_the_shared_file_covers_every_kind_of_bad_input():
    kinds = {c["error"] for c in CASES if "error" in c}
    assert kinds == {"too_long", "empty", "markup", "kanji", "not_a_number", "not_finite",
                     "out_of_range", "not_whole"}
    texts = "".join(str(c["text"]) for c in CASES)
    for needed in ("０", "%", ",", "😀", "二", "<", "\u202e", "\u200b", "nan", "inf", "日本語"):
        assert needed in texts, needed


@pytest.mark.parametrize("text", [f"1{ch}2" for ch in INVISIBLE] + [f"<{ch}>" for ch in INVISIBLE])
def test_invisible_characters_are_never_echoed(text):
    if text.startswith("1"):  # removed, so "12" is read (and is out of range)
        with pytest.raises(InputError, match="you typed 12"):
            parse_number(text, label="x", lo=0, hi=5)
        return
    with pytest.raises(InputError) as info:
        parse_number(text, label="x", lo=0, hi=5)
    assert info.value.kind == "markup"
    assert not any(ch in str(info.value) for ch in INVISIBLE)


def test_a_decimal_comma_is_never_dropped():
    assert parse_number("0,5", label="x", lo=0, hi=100) == 0.5  # not 5
    assert parse_number("2,5", label="x", lo=0, hi=100) == 2.5  # not 25


def test_minus_zero_reads_as_zero():
    value = parse_number("-0", label="x", lo=-1, hi=1)
    assert value == 0 and str(value) == "0.0"


def test_the_length_limit_comes_before_any_work():
    with pytest.raises(InputError, match=f"{MAX_INPUT_CHARS + 1} characters"):
        parse_number("<" * (MAX_INPUT_CHARS + 1), label="x", lo=0, hi=1)
