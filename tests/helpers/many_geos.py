"""A table of thousands of geographies, written as JSON-stat by the tests that need one."""

from __future__ import annotations


def geographies_jsonstat(count: int) -> dict[str, object]:
    """A JSON-stat table of `count` county codes x 2 years, values derived from the position."""
    counties = [f"{i:05d}" for i in range(1001, 1001 + count)]
    return {
        "version": "2.0",
        "class": "dataset",
        "label": "Population by county and year",
        "id": ["county", "year"],
        "size": [count, 2],
        "role": {"geo": ["county"], "time": ["year"]},
        "dimension": {
            "county": {"category": {"index": counties}},
            "year": {"category": {"index": ["2022", "2023"]}},
        },
        "value": [None if i % 97 == 0 else i * 10 + 0.5 for i in range(count * 2)],
        "status": {str(i): ".." for i in range(0, count * 2, 97)},
    }
