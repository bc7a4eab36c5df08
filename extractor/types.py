"""Typed, immutable records: the mentions each detector finds and the facts built from them.

Every record that points into a text carries ``text``, ``start`` and ``end`` with
``source[start:end] == text``: offsets are into the original string, never into a
rewritten copy.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import MISSING, dataclass, field, fields, make_dataclass
from datetime import date
from typing import Any, TypeVar

R = TypeVar("R")


def fast_constructor(cls: type[R]) -> Callable[..., R]:
    """A constructor for the frozen record ``cls`` that is 3-4 times faster than calling it.

    A frozen dataclass's ``__init__`` must get past its own ``__setattr__`` (which raises), so it
    sets every field through ``object.__setattr__``: 1.3 µs for a :class:`Fact`, and facts are made
    by the thousand per megabyte (and made again when ``extract_many`` workers send them to the
    parent). This builds the same fields on a mutable twin class with the same slots, then gives
    the object its real class; Python allows the ``__class__`` assignment because the two layouts
    are identical. The result is an ordinary, frozen ``cls`` instance.
    """
    twin = make_dataclass(
        f"_{cls.__name__}Draft",
        [(f.name, f.type, field(default=f.default, default_factory=f.default_factory)) for f in fields(cls)],
        slots=True, eq=False, repr=False)
    if any(f.default_factory is not MISSING for f in fields(cls)):
        def build(*args: Any, **kwargs: Any) -> R:
            record = twin(*args, **kwargs)
            record.__class__ = cls
            return record  # type: ignore[return-value]

        return build
    # One function with the fields as its parameters (same names, order and defaults as the
    # record's), that fills a bare twin: a third faster than calling the twin's __init__ from a
    # wrapper, and these run some 100,000 times per megabyte.
    names = [f.name for f in fields(cls)]
    namespace: dict[str, Any] = {"_twin": twin, "_cls": cls, "_new": object.__new__}
    params = []
    for f in fields(cls):
        if f.default is MISSING:
            params.append(f.name)
        else:
            namespace[f"_default_{f.name}"] = f.default
            params.append(f"{f.name}=_default_{f.name}")
    source = "".join([f"def build({', '.join(params)}):\n", "    record = _new(_twin)\n",
                      *(f"    record.{name} = {name}\n" for name in names),
                      "    record.__class__ = _cls\n", "    return record\n"])
    exec(source, namespace)  # noqa: S102 - the source is made here from the record's own field names
    return namespace["build"]  # type: ignore[no-any-return]


@dataclass(frozen=True, slots=True)
class NumberMention:
    """A number as written: ``20,7%``, ``minus 17,718``, ``20 million 353 thousand``, ``3.7-fold``.

    ``number`` is signed when the text gives a sign (``minus``, ``-``, ``+``).
    ``unit`` is the unit the number carries in its own span or right after it:
    ``percent``, ``percentage_point``, ``times``, ``per_1000``, ``person`` (a people
    word follows), a currency (``USD`` for ``$``, or the word as written: ``tenge``),
    a time unit (``year``, ``month``, ...), or ``None`` for a bare number.
    """

    text: str
    start: int
    end: int
    number: float
    unit: str | None = None
    qualifier: str | None = None  # approx, more_than, less_than, at_least, up_to
    spelled: bool = False  # written in words ("Nine", "twofold")
    explicit_sign: bool = False  # the text itself says minus / - / +


@dataclass(frozen=True, slots=True)
class PeriodMention:
    """A stretch of time named in the text: ``January-December 2025``, ``mid-2024``, ``last year``.

    ``first``/``last`` are the inclusive ISO bounds when the mention alone fixes them;
    ``None`` when it needs context (``January to April``, ``this year``,
    ``the same period last year``): call ``periods.resolve_period`` with the context.
    """

    text: str
    start: int
    end: int
    kind: str
    first: date | None = None
    last: date | None = None
    detail: tuple[tuple[str, Any], ...] = ()  # grammar facts the resolver needs, e.g. (("months", (1, 4)),)

    @property
    def needs_context(self) -> bool:
        return self.first is None or self.last is None


@dataclass(frozen=True, slots=True)
class RegionMention:
    """A place: a country, a first-level region, a city of national significance, or a group."""

    text: str
    start: int
    end: int
    code: str  # "KZ", "KZ-59", "CIS"
    name: str  # "Kazakhstan", "North Kazakhstan region"
    kind: str  # "country" | "region" | "city" | "group"
    country: str | None  # ISO alpha-2 of the country it belongs to; None for groups
    alternatives: tuple[str, ...] = ()  # other codes the same words can mean ("Georgia": GE, US-GA)


@dataclass(frozen=True, slots=True)
class IndicatorMention:
    """A phrase naming what is measured: ``number of arrivals``, ``left the country``."""

    text: str
    start: int
    end: int
    key: str | None  # a FACTS.md vocabulary key, or None for a generic word ("migrants")
    generic: bool = False  # takes its key from the indicators around it
    family: tuple[str, ...] = ()  # for a generic word: the keys it may take from context
    negative: bool = False  # the phrase itself says loss ("net migration loss"): a level is negative
    anaphor: bool = False  # refers back ("the rate"): only a candidate when a key of its family was named


def specific(m: Any, key: str | None) -> IndicatorMention:
    """The phrase of ``m`` (a mention, or a fact's indicator) as the specific indicator ``key``: a
    generic word once resolved ("the rate" -> "unemployment_rate"), a key refined ("real wages")."""
    return _new_indicator_mention(m.text, m.start, m.end, key)


_new_indicator_mention = fast_constructor(IndicatorMention)  # (specific() runs for most facts)


# --- the fact, in the FACTS.md shape -------------------------------------------------


@dataclass(frozen=True, slots=True)
class Value:
    text: str
    start: int
    end: int
    number: float
    unit: str
    qualifier: str | None = None

    def to_dict(self) -> dict[str, Any]:
        number: float | int = int(self.number) if float(self.number).is_integer() else self.number
        return {"text": self.text, "start": self.start, "end": self.end, "number": number,
                "unit": self.unit, "qualifier": self.qualifier}


@dataclass(frozen=True, slots=True)
class Indicator:
    text: str
    start: int
    end: int
    key: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "key": self.key}


@dataclass(frozen=True, slots=True)
class Region:
    text: str
    start: int
    end: int
    code: str
    name: str

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end,
                "code": self.code, "name": self.name}


@dataclass(frozen=True, slots=True)
class Period:
    text: str
    start: int
    end: int
    first: date
    last: date

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end,
                "from": self.first.isoformat(), "to": self.last.isoformat()}


@dataclass(frozen=True, slots=True)
class Fact:
    """One statistical value with everything the text says about it (FACTS.md)."""

    doc_id: str | None
    value: Value
    measure: str  # level | change | share | rate
    direction: str | None  # increase | decrease | None
    indicator: Indicator | None
    region: Region | None
    period: Period | None
    reference_period: Period | None
    breakdown: tuple[tuple[str, str], ...] = ()
    confidence: float = 0.0
    extractor: str = ""
    evidence: tuple[str, ...] = field(default=(), compare=False)  # why the confidence is what it is
    # The probability that the indicator, the region and the period are each right (issue 10):
    # (("indicator", p), ("region", p), ("period", p)), or () for a fact made without the model.
    slot_confidence: tuple[tuple[str, float], ...] = field(default=(), compare=False)

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        # Workers of extract_many(n_process>1) send facts to the parent: one flat tuple of plain
        # values pickles in half the time and unpickles in a third of the default nested form.
        v, i, r = self.value, self.indicator, self.region
        return _fact_from_flat, (
            self.doc_id, v.text, v.start, v.end, v.number, v.unit, v.qualifier, self.measure, self.direction,
            (i.text, i.start, i.end, i.key) if i else None,
            (r.text, r.start, r.end, r.code, r.name) if r else None,
            _flat_period(self.period), _flat_period(self.reference_period),
            self.breakdown, self.confidence, self.extractor, self.evidence, self.slot_confidence)

    def spans(self) -> list[Value | Indicator | Region | Period]:
        """Every field that points into the text."""
        fields = [self.value, self.indicator, self.region, self.period, self.reference_period]
        return [f for f in fields if f is not None]

    def to_dict(self) -> dict[str, Any]:
        """Exactly the FACTS.md JSON object, with ``slot_confidence`` when the fact has one."""
        out = {
            "doc_id": self.doc_id,
            "value": self.value.to_dict(),
            "measure": self.measure,
            "direction": self.direction,
            "indicator": self.indicator.to_dict() if self.indicator else None,
            "region": self.region.to_dict() if self.region else None,
            "period": self.period.to_dict() if self.period else None,
            "reference_period": self.reference_period.to_dict() if self.reference_period else None,
            "breakdown": dict(self.breakdown),
            "confidence": round(self.confidence, 4),
            "extractor": self.extractor,
        }
        if self.slot_confidence:
            out["slot_confidence"] = {name: round(p, 4) for name, p in self.slot_confidence}
        return out


# The fact's records as the assembler and extract_many's parent make them, by the thousand per MB.
_new_value = fast_constructor(Value)
_new_indicator = fast_constructor(Indicator)
_new_region = fast_constructor(Region)
_new_period = fast_constructor(Period)
_new_fact = fast_constructor(Fact)


def _flat_period(period: Period | None) -> tuple[str, int, int, int, int] | None:
    if period is None:
        return None
    return period.text, period.start, period.end, period.first.toordinal(), period.last.toordinal()


def _period_from_flat(flat: tuple[str, int, int, int, int] | None) -> Period | None:
    if flat is None:
        return None
    text, start, end, first, last = flat
    return _new_period(text, start, end, date.fromordinal(first), date.fromordinal(last))


def _fact_from_flat(doc_id: str | None, text: str, start: int, end: int, number: float, unit: str,
                    qualifier: str | None, measure: str, direction: str | None,
                    indicator: tuple[str, int, int, str | None] | None,
                    region: tuple[str, int, int, str, str] | None,
                    period: tuple[str, int, int, int, int] | None,
                    reference: tuple[str, int, int, int, int] | None,
                    breakdown: tuple[tuple[str, str], ...], confidence: float, extractor: str,
                    evidence: tuple[str, ...], slot_confidence: tuple[tuple[str, float], ...] = ()) -> Fact:
    return _new_fact(doc_id, _new_value(text, start, end, number, unit, qualifier), measure, direction,
                     _new_indicator(*indicator) if indicator else None, _new_region(*region) if region else None,
                     _period_from_flat(period), _period_from_flat(reference), breakdown, confidence, extractor,
                     evidence, slot_confidence)
