"""The data core: figures, labels, sources and readers; plain Python, never Textual."""

from tui.core.dataset import Dataset, load_dataset
from tui.core.errors import DataError, NetworkError
from tui.core.model import Change, Figure, Row, Slice, Source

__all__ = [
    "Change",
    "DataError",
    "Dataset",
    "Figure",
    "NetworkError",
    "Row",
    "Slice",
    "Source",
    "load_dataset",
]
