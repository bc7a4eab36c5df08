"""Errors about our own data and set-up. Odd input text never raises; bad patterns do."""

from __future__ import annotations

from pathlib import Path


class PatternError(ValueError):
    """A file in ``patterns/`` is malformed: names the file, the line and the problem."""

    def __init__(self, path: Path | str, line: int | None, problem: str) -> None:
        self.path = Path(path)
        self.line = line
        self.problem = problem
        where = f"{self.path}:{line}" if line else str(self.path)
        super().__init__(f"{where}: {problem}")


class ModelNotInstalledError(RuntimeError):
    """``mode="accurate"`` needs a statistical English pipeline that is not installed."""
