"""make bench's timing of make test (meishi_build.testtime): pytest's parts and the table."""

from __future__ import annotations

from collections import Counter

from meishi_build.testtime import failed_tests, part_of, pytest_outcome, pytest_parts, table


def _report(tmp_path, cases: str):
    """A JUnit XML report of pytest's with these test cases."""
    report = tmp_path / "junit.xml"
    report.write_text(f'<testsuites><testsuite name="pytest">{cases}</testsuite></testsuites>',
                      encoding="utf-8")
    return report


def test_each_test_case_is_put_in_its_part_of_the_suite():
    assert part_of("tests.browser.test_widgets", "test_on_a_phone[lookup-light]") == \
        "tests/browser"
    assert part_of("tests.kit.test_parity", "test_x") == "tests/kit"
    assert part_of("_build.classroom.student.00_introduction.ipynb", "Cell 3") == \
        "notebooks (nbval)"
    assert part_of("chapters.00_introduction", "Cell 0") == "notebooks (nbval)"


def test_a_junit_report_is_summed_by_part(tmp_path):
    report = _report(tmp_path,
                     '<testcase classname="tests.models.test_lookup" name="test_a" time="1.5"/>'
                     '<testcase classname="tests.models.test_signal" name="test_b" time="0.5"/>'
                     '<testcase classname="chapters.01_profile_signal.ipynb" name="Cell 0"'
                     ' time="3"/>')
    assert pytest_parts(report) == Counter({"tests/models": 2.0, "notebooks (nbval)": 3.0})


def test_the_table_gives_seconds_and_shares():
    lines = table({"lint": 10.0, "pytest (3 workers)": 30.0},
                  Counter({"tests/browser": 45.0, "tests/kit": 15.0}))
    assert "| lint | 10 | 25% |" in lines
    assert "| pytest (3 workers) | 30 | 75% |" in lines
    assert "| **total** | **40** | |" in lines
    assert "| tests/browser | 45 | 75% |" in lines


def test_failed_tests_are_named_with_their_reports(tmp_path):
    import io

    report = _report(tmp_path,
                     '<testcase classname="tests.models.test_lookup" name="test_a" time="1.5"/>'
                     '<testcase classname="tests.browser.test_pages" name="test_b" time="2">'
                     '<failure message="assert 1 == 2">E   assert 1 == 2</failure></testcase>'
                     '<testcase classname="tests.kit.test_x" name="test_c" time="0">'
                     '<error message="fixture broke">E   RuntimeError: fixture broke</error>'
                     '</testcase>')
    out = io.StringIO()
    assert failed_tests(report, out) == ["tests.browser.test_pages::test_b",
                                         "tests.kit.test_x::test_c"]
    assert "FAILURE tests.browser.test_pages::test_b\nE   assert 1 == 2" in out.getvalue()
    assert "ERROR tests.kit.test_x::test_c\nE   RuntimeError: fixture broke" in out.getvalue()


def test_a_report_without_test_cases_is_a_failure(tmp_path):
    assert failed_tests(_report(tmp_path, "")) == ["no test ran"]


def test_the_table_names_failed_tests_first():
    lines = table({"pytest (3 workers)": 30.0}, Counter({"tests/kit": 15.0}),
                  ["tests.kit.test_x::test_c"])
    assert lines[0].startswith("**1 failed in this run**")
    assert "`tests.kit.test_x::test_c`" in lines[0]
    assert not table({"pytest (3 workers)": 30.0}, Counter())[0].startswith("**")


def test_a_skipped_test_is_not_a_failure_and_a_file_that_did_not_collect_is(tmp_path):
    report = _report(tmp_path,
                     '<testcase classname="tests.kit.test_x" name="test_a" time="0">'
                     '<skipped message="no slider"/></testcase>'
                     '<testcase classname="" name="tests.browser.test_pages" time="0">'
                     '<error message="collection failure">ImportError: x</error></testcase>')
    assert failed_tests(report) == ["tests.browser.test_pages"]


def test_the_exit_code_counts_when_the_report_names_no_failure(tmp_path):
    passing = '<testcase classname="tests.kit.test_x" name="test_a" time="1"/>'
    assert pytest_outcome(_report(tmp_path, passing), 0) == (Counter({"tests/kit": 1.0}), [])
    assert pytest_outcome(_report(tmp_path, passing), 2)[1] == ["pytest exited 2"]
    assert pytest_outcome(_report(tmp_path, ""), 5)[1] == ["no test ran"]
    assert pytest_outcome(tmp_path / "none.xml", 4) == (
        Counter(), ["pytest exited 4 and wrote no report"])


def test_a_bench_whose_tests_failed_says_its_budgets_were_missed(monkeypatch):
    from meishi_build import bench, testtime

    monkeypatch.setattr(bench, "notebook_times", lambda: {"a.ipynb": 1.0})
    monkeypatch.setattr(bench, "widget_timings", lambda **kw: ({"lookup": [1.0] * 20},
                                                               {"chapters/a.html": 100.0}))
    monkeypatch.setattr(bench, "page_weights", lambda: {"index.html": (1000, 2000)})
    monkeypatch.setattr(bench, "machine_check", lambda: 50.0)
    monkeypatch.setattr(testtime, "measure_phases", lambda: (
        {"pytest (3 workers)": 30.0}, Counter({"tests/kit": 15.0}), ["tests.kit.test_x::test_c"]))
    text, ok = bench.report(skip_build=True)
    assert not ok
    assert "every test passes. **Missed.**" in text
    assert "`tests.kit.test_x::test_c`" in text
    monkeypatch.setattr(testtime, "measure_phases", lambda: (
        {"pytest (3 workers)": 30.0}, Counter({"tests/kit": 15.0}), []))
    text, ok = bench.report(skip_build=True)
    assert ok and "every test passes. All met." in text
    text, ok = bench.report(skip_build=True, skip_tests=True)
    assert ok and "uncompressed. All met." in text and "every test" not in text


def test_a_step_that_fails_ends_the_phases_as_it_ends_make_test(monkeypatch):
    from meishi_build import testtime

    ran = []

    def fake_run(args, env=None):
        ran.append(args)
        return 1.0, (2 if args[-1] == "notebooks" else 0)

    monkeypatch.setattr(testtime, "_run", fake_run)
    phases, parts, failed = testtime.measure_phases()
    assert phases == {"lint": 1.0, "notebooks": 1.0}
    assert failed == ["notebooks exited 2; make test stops there"] and parts == Counter()
    assert len(ran) == 2  # neither the handouts nor pytest ran
