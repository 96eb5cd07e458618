"""Formatting that reads the same in Python and JavaScript (meishi.kit.fmt)."""

from __future__ import annotations

import pytest

from meishi.kit.fmt import fixed, plain


@pytest.mark.parametrize("x, digits, text", [
    (0.5, 0, "1"), (1.5, 0, "2"), (2.5, 0, "3"),   # ties away from zero, as toFixed
    (-2.5, 0, "-3"), (0.125, 2, "0.13"),
    (0.15, 1, "0.1"),                               # 0.15 is 0.1499999… in binary
    (-0.04, 1, "0.0"), (-0.0, 0, "0"), (-1e-9, 3, "0.000"),  # never "-0"
    (12.345, 1, "12.3"), (100.0, 1, "100.0"), (4.5, 1, "4.5"),
    (float("inf"), 1, "Infinity"), (float("-inf"), 1, "-Infinity"), (float("nan"), 1, "NaN"),
])
def test_fixed(x, digits, text):
    assert fixed(x, digits) == text


@pytest.mark.parametrize("x, text", [
    (60.0, "60"), (60, "60"), (0.1, "0.1"), (-0.0, "0"), (12.5, "12.5"), (1e-7, "1e-7"),
    (1e21, "1e+21"), (1000.0, "1000"), (-3.25, "-3.25"),
])
def test_plain(x, text):
    assert plain(x) == text
