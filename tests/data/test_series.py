"""Series more than one chapter reads (meishi.data.series)."""

from __future__ import annotations

import numpy as np
import pytest

from meishi.data import series


def test_revised_years_keep_the_later_release():
    latest = series.job_mobility("job_changers").set_index("year")["value"]
    first = series.job_mobility("job_changers", vintage="first").set_index("year")["value"]
    assert latest[2019] == 353 and first[2019] == 351


def test_with_gaps_inserts_nan_for_missing_years():
    years, values = series.with_gaps([2001, 2003], [1.0, 3.0])
    assert list(years) == [2001, 2002, 2003]
    assert np.isnan(values[1]) and values[2] == 3.0


def test_year_helpers():
    assert series.year_of("2016-11") == 2016
    assert series.year_float("2016") == 2016.5
    assert series.year_float("2016-01") == pytest.approx(2016 + 0.5 / 12)
    assert 2015 < series.ARTICLE_YEAR < 2015.1


def test_linkedin_share_is_members_over_population():
    share, date = series.linkedin_share_japan()
    members = series.linkedin_members()
    assert date == members["date"].iloc[-1]
    assert share == pytest.approx(members["members_million"].iloc[-1]
                                  / series.population(series.year_of(date)))


def test_growth_since_the_article_uses_the_article_year():
    assert series.linkedin_growth_since_article() == pytest.approx(5.0)
