"""The course's text files (netteach/data/text): every number has a source, every key resolves."""

from __future__ import annotations

import pytest

from netteach import references, texts


def test_text_files_exist_and_hold_entries():
    assert texts.topics(), "netteach/data/text/ holds no topic file"
    assert texts.all_entries()


def test_every_text_that_quotes_a_number_names_its_source():
    """A body with a number outside its {fields} carries refs; computed-only bodies say so."""
    missing = [f"{t.topic}.{t.key}" for t in texts.all_entries()
               if texts.numbers_outside_fields(t.body) and not t.refs]
    assert missing == [], ("these texts quote a number without a reference key (add refs = "
                           f"[...] from data/references): {missing}")


def test_every_reference_key_in_the_texts_resolves():
    known = references.all_references()
    unknown = [(f"{t.topic}.{t.key}", k) for t in texts.all_entries() for k in t.refs
               if k not in known]
    assert unknown == []


def test_a_computed_text_has_fields_to_compute():
    bad = [f"{t.topic}.{t.key}" for t in texts.all_entries() if t.computed and "{" not in t.body]
    assert bad == []


@pytest.mark.parametrize("body, quotes", [
    ("A zone 3 cm across.", True),
    ("At {power:g} W the zone is {d:.0f} mm.", False),
    ("Y-90 and Lu-177 are isotopes; see dashboard 04 and §8.", False),
    ("Score NEWS2 at every set of observations.", False),
    ("<b>Call 999</b> for these signs.", True),
    ("No numbers here.", False),
])
def test_numbers_outside_fields_finds_quoted_numbers(body, quotes):
    assert texts.numbers_outside_fields(body) is quotes


def test_say_fills_fields_and_names_what_is_missing():
    t = next(t for t in texts.all_entries() if t.computed)
    with pytest.raises(ValueError, match="values must include"):
        texts.say(t.topic, t.key)


def test_unknown_topic_and_key_are_named():
    with pytest.raises(ValueError, match="topic must be one of"):
        texts.entry("no_such_topic", "x")
    topic = texts.topics()[0]
    with pytest.raises(ValueError, match="no_such_key"):
        texts.entry(topic, "no_such_key")
