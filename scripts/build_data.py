"""Check the hand-edited catalogue in data/ and build figures.csv from the reference inputs.

Usage: python scripts/build_data.py --from PATH/TO/reference [--data data] [--out DIR]
       python scripts/build_data.py --check [--data data]

The catalogue (labels.csv, sources.csv, indicators.csv, reference_codes.csv, ssb_tables.csv,
ssb_measures.csv) is edited by hand; this script only checks it. figures.csv is built from
ssb_ikt_figures.csv (SSB figures gathered from SSB's pages, one row per page and figure) and the
Eurostat files under external/, then checked against the catalogue. Nothing is estimated,
interpolated, rounded or derived: a value is copied as its source printed it, or left empty with
its status symbol. A problem is one line naming the file, line and what is wrong, exit status 2.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

from eurostat_files import (
    EurostatPool,
    add_awsell_csv,
    add_cisce_tsv,
    add_eseln2_tsv,
    add_esels_json,
    add_esels_sdmx_csv,
    add_evals_sdmx_csv,
    add_turnover_xlsx,
)
from figure_rows import BuildError
from ssb_pages import ssb_figures

from tui.core.catalogue import Catalogue, load_catalogue
from tui.core.errors import DataError
from tui.core.eurostat_measures import check_bases
from tui.core.loader import FIGURE_COLUMNS, load_figures

DATA = Path(__file__).resolve().parents[1] / "data"


def build_figures(reference: Path, catalogue: Catalogue) -> list[dict[str, str]]:
    """Every figure from the reference inputs: SSB's pages first, then Eurostat's files."""
    ext = reference / "external"
    pool = EurostatPool(catalogue.codes, catalogue.labels.ids("geo"))
    add_esels_sdmx_csv(
        pool,
        ext
        / "hoanglenga2000-glitch__sme-ai-workflow-adoption"
        / "isoc_ec_esels_sdmx_selected_NO.csv",
    )
    add_awsell_csv(pool, ext / "sergioparisi19__SME" / "series_foundations_E_AWSELL_NO.csv")
    add_esels_json(pool, ext / "SamuelePignone__data-visualization-final" / "Area_chart.json")
    add_eseln2_tsv(pool, ext / "tomasrocchetti__progetto_info" / "j.tsv")
    add_cisce_tsv(pool, ext / "Carmela91__tesi-laurea-carmela" / "estat_isoc_cisce_ra.tsv.gz")
    # isoc_ec_evals before tin00110: Norway's e-commerce share of turnover is then one series in
    # every year and size class, and tin00110 (the same figures, 2013-2024) corroborates it
    add_evals_sdmx_csv(
        pool,
        ext
        / "hoanglenga2000-glitch__sme-ai-workflow-adoption"
        / "isoc_ec_evals_sdmx_selected_NO.csv",
    )
    add_turnover_xlsx(pool, ext / "HammadAamir__Digitilization_DataVisualization" / "tin00110.xlsx")
    return ssb_figures(reference, catalogue) + pool.figures()


def write_csv(path: Path, columns: list[str], rows: list[dict[str, str]]) -> None:
    """Write with a fixed column order and Unix line ends so diffs stay readable."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def run(args: argparse.Namespace) -> str:
    """Check, and build unless only checking; the line to print when all went well."""
    data: Path = args.data
    catalogue = load_catalogue(data)
    if args.reference is None:
        embedded = load_figures(
            data / "figures.csv", catalogue.labels, catalogue.sources, catalogue.indicators
        )
        check_bases(data / "eurostat_measures.csv", catalogue.eurostat_measures.values(), embedded)
        return f"checked the catalogue and figures.csv in {data}"
    figures = build_figures(args.reference, catalogue)
    out: Path = args.out or data
    out.mkdir(parents=True, exist_ok=True)
    write_csv(out / "figures.csv", list(FIGURE_COLUMNS), figures)
    built = load_figures(
        out / "figures.csv", catalogue.labels, catalogue.sources, catalogue.indicators
    )
    check_bases(data / "eurostat_measures.csv", catalogue.eurostat_measures.values(), built)
    return f"wrote {len(figures)} figures to {out / 'figures.csv'}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument("--from", dest="reference", type=Path, help="the reference inputs folder")
    what.add_argument("--check", action="store_true", help="check data/ only, build nothing")
    parser.add_argument("--data", type=Path, default=DATA, help="the catalogue folder (data/)")
    parser.add_argument("--out", type=Path, help="where figures.csv goes (default: --data)")
    args = parser.parse_args(argv)
    try:
        print(run(args))
    except (DataError, BuildError) as err:
        print(f"build_data: {err}", file=sys.stderr)
        return 2
    except OSError as err:
        print(f"build_data: {err.filename or ''}: {err.strerror or err}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
