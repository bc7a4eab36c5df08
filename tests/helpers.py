"""Helpers shared by the table-driven tests of facts."""

from __future__ import annotations


def _span(period):
    return (period.first.isoformat(), period.last.isoformat()) if period else None


def fact_attrs(fact) -> dict:
    """A fact's attributes as the test tables name them; a row compares only the ones it gives."""
    breakdown = dict(fact.breakdown)
    return {
        "number": fact.value.number,
        "unit": fact.value.unit,
        "qualifier": fact.value.qualifier,
        "measure": fact.measure,
        "direction": fact.direction,
        "key": fact.indicator.key if fact.indicator else None,
        "region": fact.region.code if fact.region else None,
        "region_name": fact.region.name if fact.region else None,
        "indicator": fact.indicator.text if fact.indicator else None,
        "period": _span(fact.period),
        "reference": _span(fact.reference_period),
        "partner": breakdown.get("partner"),
        "regions": breakdown.get("regions"),
        "area": breakdown.get("area"),
        "rule": fact.extractor,
    }


def hide_module(monkeypatch, prefix: str) -> None:
    """Make every import of ``prefix`` (and its submodules) fail, as when an extra is not installed."""
    import builtins

    real_import = builtins.__import__

    def without(name, *args, **kwargs):
        if name == prefix or name.startswith(prefix + "."):
            raise ImportError(f"No module named {name!r}")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", without)
