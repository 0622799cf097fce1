"""One error type for bad data, so every caller can print a single clear line."""

from __future__ import annotations


class DataError(Exception):
    """A data file, response or argument is unusable; says which one, where and why."""

    def __init__(self, source: str, problem: str, line: int | None = None) -> None:
        self.source = source
        self.problem = problem
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return f"{where}: {self.problem}"


class NetworkError(Exception):
    """The network could not be reached or answered badly; the message is one line."""
