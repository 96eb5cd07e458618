"""The browser tests skip plainly without Chromium, and fail instead under CI."""

from __future__ import annotations

import pytest

from helpers import require


def test_missing_prerequisite_skips_outside_ci(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("MEISHI_REQUIRE_BROWSER", raising=False)
    with pytest.raises(pytest.skip.Exception, match="Chromium not found"):
        require(False, "Chromium not found")


@pytest.mark.parametrize("value", ["true", "1"])
def test_missing_prerequisite_fails_under_ci(monkeypatch, value):
    monkeypatch.setenv("CI", value)
    with pytest.raises(pytest.fail.Exception, match="required under CI"):
        require(False, "Chromium not found")


def test_present_prerequisite_passes(monkeypatch):
    monkeypatch.setenv("CI", "true")
    require(True, "never shown")
