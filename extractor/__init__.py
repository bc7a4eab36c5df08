"""Statistical facts, with spans and confidence, from statistical releases and news.

>>> from extractor import extract
>>> [(f.value.number, f.value.unit, f.measure) for f in extract("In 2024 unemployment fell by 0.3%.")]
[(0.3, 'percent', 'change')]
"""

__version__ = "0.1.0"

from .evaluation import evaluate
from .frame import from_frame, to_frame
from .pipeline import Extractor, extract
from .types import Fact, Indicator, Period, Region, Value

__all__ = [
    "Extractor", "Fact", "Indicator", "Period", "Region", "Value", "__version__", "evaluate", "extract", "from_frame",
    "to_frame",
]
