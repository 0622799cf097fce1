"""Check that a dataset indexed while its figures were made is indexed as Dataset would."""

from __future__ import annotations

from tui.core.dataset import Dataset


def assert_indexed_as_dataset_indexes(dataset: Dataset) -> None:
    """The same series (same order, same figures in the same order) and the same groups."""
    rebuilt = Dataset(list(dataset.figures), dataset.labels, dataset.sources, dataset.indicators)
    assert rebuilt._by_key is not dataset._by_key
    assert list(dataset._by_key.items()) == list(rebuilt._by_key.items())
    assert list(dataset._groups.items()) == list(rebuilt._groups.items())
