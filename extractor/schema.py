"""The JSON Schema of one fact, shipped with the package."""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Any


@functools.cache
def fact_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) that every ``Fact.to_dict()`` satisfies."""
    return json.loads(resources.files("extractor").joinpath("fact.schema.json").read_text(encoding="utf-8"))
