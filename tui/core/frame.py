"""Figures as a tidy pandas DataFrame, for analysts: pandas is imported only when one is asked for."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.core.dataset import Dataset
from tui.core.model import Figure
from tui.core.records import FIGURE_KEYS, figure_record

if TYPE_CHECKING:
    import pandas as pd

FRAME_COLUMNS = (*FIGURE_KEYS, "period")
"""The JSON records' columns, plus the period as published (the reference year for annual data)."""
CATEGORY_COLUMNS = ("theme", "indicator", "label", "geo", "breakdown", "group", "unit", "base")
"""Columns that name a dimension of the figures: categoricals, cheap to group and filter by."""


def figures_frame(dataset: Dataset, figures: list[Figure], lang: str = "en") -> pd.DataFrame:
    """One row per figure; `value` is nullable Float64 and <NA> wherever a symbol stands instead."""
    import pandas as pd

    records = [figure_record(dataset, figure, lang) for figure in figures]
    columns: dict[str, pd.Series] = {}
    for key in FIGURE_KEYS:
        values = [record[key] for record in records]
        if key == "value":  # the exact decimal's nearest float; None stays <NA>, never NaN or 0
            values = [None if v is None else float(str(v)) for v in values]
        columns[key] = pd.Series(values, dtype=_dtype(key))
    columns["period"] = pd.Series([f.period for f in figures], dtype="string")
    return pd.DataFrame(columns, columns=list(FRAME_COLUMNS))


def _dtype(column: str) -> str:
    """Nullable dtypes throughout, so a missing figure is <NA> in every column."""
    if column == "value":
        return "Float64"
    if column in ("year", "survey_year"):
        return "Int64"
    return "category" if column in CATEGORY_COLUMNS else "string"
