"""The shared pieces: validation, registries, controls, quiz, glossary, course map."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netteach import constants, course, glossary, quizbank, ranges, references
from netteach.validation import check_array, check_choice, check_fraction, check_scalar


# ---------------------------------------------------------------- validation
@pytest.mark.parametrize("bad", [float("nan"), float("inf"), -float("inf"), "2", None, True,
                                 [1.0], complex(1, 1)])
def test_check_scalar_rejects_non_numbers(bad):
    with pytest.raises(ValueError, match="activity_gbq must be"):
        check_scalar("activity_gbq", bad, 0, 20, unit="GBq")


def test_check_scalar_message_names_parameter_range_and_value():
    with pytest.raises(ValueError) as err:
        check_scalar("activity_gbq", -1.5, 0, 20, low_open=True, unit="GBq")
    msg = str(err.value)
    assert "activity_gbq" in msg and "greater than 0 GBq" in msg and "at most 20 GBq" in msg
    assert "-1.5" in msg


def test_check_scalar_bounds_and_open_bounds():
    assert check_scalar("x", 0, 0, 1) == 0.0
    with pytest.raises(ValueError):
        check_scalar("x", 0, 0, 1, low_open=True)
    assert check_scalar("n", 3.0, 1, 5, integer=True) == 3
    with pytest.raises(ValueError, match="whole number"):
        check_scalar("n", 2.5, 1, 5, integer=True)


def test_check_array_and_fraction():
    out = check_array("t", [0, 1, 2], 0)
    assert isinstance(out, np.ndarray) and out.dtype == float
    with pytest.raises(ValueError, match="NaN"):
        check_array("t", [0, np.nan], 0)
    with pytest.raises(ValueError, match="got array containing -1"):
        check_array("t", [0, -1], 0)
    with pytest.raises(ValueError, match="empty"):
        check_array("t", [], 0)
    with pytest.raises(ValueError):
        check_array("t", ["a"], 0)
    assert check_fraction("f", 0.2) == 0.2
    with pytest.raises(ValueError, match="at most 1"):
        check_fraction("f", 1.2)
    assert check_choice("v", "a", ["a", "b"]) == "a"
    with pytest.raises(ValueError, match="'a', 'b'"):
        check_choice("v", "c", ["a", "b"])


@settings(max_examples=60, deadline=None)
@given(st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.integers(), st.text(),
                 st.none(), st.booleans()))
def test_check_scalar_returns_finite_in_range_or_raises(value):
    try:
        x = check_scalar("x", value, -10, 10)
    except ValueError as e:
        assert str(e).startswith("x must be")
    else:
        assert math.isfinite(x) and -10 <= x <= 10


# ---------------------------------------------------------------- registries
def test_every_constant_has_unit_status_and_resolving_reference():
    allc = constants.all_constants()
    for name, c in allc.items():
        assert isinstance(c.unit, str), name
        assert c.status in constants.STATUSES, name
        assert math.isfinite(c), name
        assert references.citation(c.ref), name  # raises ValueError if the key is unknown


def test_constant_behaves_as_float_and_rejects_bad_status():
    c = constants.Constant(2.0, "h", "course_trikalinos_2020", "V")
    assert c * 2 == 4.0 and c.unit == "h"
    with pytest.raises(ValueError, match="status"):
        constants.Constant(1.0, "h", "x", "maybe")


def test_reference_keys_defined_once_and_resolve():
    assert references.duplicate_keys() == []
    refs = references.all_references()
    assert refs
    for key, entry in refs.items():
        assert entry["citation"].strip(), key
    with pytest.raises(ValueError, match="no_such_key"):
        references.citation("no_such_key")
    html = references.reference_list_html(["course_netlm_consensus_2015"])
    assert "HPB 2015" in html and "<ol" in html


def _walk_ref_keys(obj):
    if isinstance(obj, dict):
        for k, v in obj.items():
            if k in ("ref", "refs"):
                yield from ([v] if isinstance(v, str) else v)
            else:
                yield from _walk_ref_keys(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from _walk_ref_keys(v)


def test_every_ref_in_data_files_resolves():
    from netteach._data import load_folder

    known = references.all_references()
    for folder in ("quiz", "glossary", "ranges"):
        for stem, data in load_folder(folder).items():
            for key in _walk_ref_keys(data):
                assert key in known, f"{folder}/{stem}: unknown reference key {key!r}"


def test_ranges_table_is_consistent():
    rows = ranges.table()
    for (topic, name), r in rows.items():
        assert r.label and r.description, (topic, name)
        assert r.min <= r.default <= r.max and r.step > 0
        assert (r.max - r.min) / r.step <= 100_000, (topic, name)
    with pytest.raises(ValueError, match="no_such_row"):
        ranges.get("sirt", "no_such_row")


def test_glossary_terms_unique_and_searchable():
    assert glossary.duplicates() == []
    terms = glossary.terms()
    assert len(terms) >= 5
    assert all(t["definition"] for t in terms)
    found = glossary.search("catheter")
    assert any(t["term"] == "Catheter" for t in found)
    assert glossary.search("zzzz-not-a-word") == []
    with pytest.raises(ValueError):
        glossary.search(None)


def test_every_question_bank_is_valid():
    for name in quizbank.banks():
        title, questions = quizbank.load_bank(name)
        assert title and questions, name
        ids = [q.id for q in questions]
        assert len(ids) == len(set(ids)), name


def test_course_paths_name_known_dashboards():
    boards = course.dashboards()
    for p in course.paths():
        for step in p["steps"]:
            assert step["file"] in boards
            assert step["minutes"] > 0
