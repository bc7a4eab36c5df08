"""The records' fast constructor makes ordinary frozen records."""

from __future__ import annotations

import dataclasses
import pickle
from datetime import date

import pytest

from extractor.types import Fact, NumberMention, Period, Value, fast_constructor


@pytest.mark.parametrize("cls, args, kwargs", [
    (Value, ("20,7%", 10, 15, 20.7, "percent"), {}),
    (Value, ("about 5", 0, 7, 5.0, "person"), {"qualifier": "approx"}),
    (Period, ("2025", 3, 7, date(2025, 1, 1), date(2025, 12, 31)), {}),
    (NumberMention, (), {"text": "minus 3", "start": 0, "end": 7, "number": -3.0, "explicit_sign": True}),
])
def test_fast_constructor_builds_the_same_frozen_record(cls, args, kwargs):
    built = fast_constructor(cls)(*args, **kwargs)
    plain = cls(*args, **kwargs)
    assert type(built) is cls
    assert built == plain and hash(built) == hash(plain) and repr(built) == repr(plain)
    assert dataclasses.astuple(built) == dataclasses.astuple(plain)  # defaults filled in alike
    with pytest.raises(dataclasses.FrozenInstanceError):
        built.start = 99  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(built)) == plain


def test_fast_constructor_fact_keeps_evidence_out_of_equality():
    value = Value("5%", 0, 2, 5.0, "percent")
    new_fact = fast_constructor(Fact)
    a = new_fact(None, value, "level", None, None, None, None, None, evidence=("x",))
    b = Fact(None, value, "level", None, None, None, None, None, evidence=("y",))
    assert a == b and a.evidence == ("x",)
    with pytest.raises(TypeError):
        new_fact(None, value)  # missing fields are an error, as with the class itself
