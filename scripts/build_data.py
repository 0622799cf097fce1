"""Build the embedded dataset in data/ from the reference inputs, so every figure keeps its source.

Usage: python scripts/build_data.py --from PATH/TO/reference [--out data]

Reads ssb_ikt_figures.csv (SSB figures gathered from SSB's pages, one row per page and figure) and
the Eurostat files under external/, and writes figures.csv, labels.csv, sources.csv and
indicators.csv. Nothing is estimated, interpolated, rounded or derived: a value is copied as its
source printed it, or left empty with its status symbol.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import re
import sys
import zipfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from catalogue import INDICATOR_ORDER, LABELS, SOURCES, SSB_URLS

from tui.core.loader import FIGURE_COLUMNS

GEOS = ("NO", "SE", "DK", "FI", "IS", "EU27_2020", "EU28")
EUROSTAT_SIZE = {
    "GE10": "total",
    "10-49": "10-49",
    "50-249": "50-249",
    "GE250": "250+",
    "10-249": "10-249",
    "ALL_GE10": "total",
    "SMALL_10_49": "10-49",
    "MEDIUM_50_249": "50-249",
    "LARGE_GE250": "250+",
    "SME_10_249": "10-249",
}
# Eurostat 2020 bulk codes for industry groups (10+ persons employed) -> SSB-style NACE group
ESELN2_INDUSTRY = {
    "10_C10_33": "10-33",
    "10_D35_E39": "35-39",
    "10_F41_43": "41-43",
    "10_G45": "45",
    "10_G46": "46",
    "10_G47": "47",
    "10_H49_53": "49-53",
    "10_I55_56": "55-56",
    "10_J58_63": "58-63",
    "10_L68": "68",
    "10_M69_74": "69-74",
    "10_N77_82": "77-82",
    "10_S951": "95.1",
}
ECOMMERCE_CODES = {
    "E_ESELL": "eu_e_esell",
    "E_AESELL": "eu_e_aesell",
    "E_AWSELL": "eu_e_awsell",
    "E_AXSELL": "eu_e_axsell",
}
SECURITY_CODES = {
    "E_SECPOL2": "eu_e_secpol2",
    "E_SECPREV_LE2": "eu_e_secprev_le2",
    "E_SECPREV_1_2": "eu_e_secprev_1_2",
    "E_SECPREV_MT2": "eu_e_secprev_mt2",
}
SSB_UNITS = {
    "percent": ("percent", "ssb_10plus"),
    "percent_lower_bound": ("percent", "ssb_10plus"),
    "NOK billion": ("nok_bn", "ssb_10plus"),
    "percent of total turnover": ("percent", "ssb_total_turnover"),
    "percent of e-commerce sales turnover": ("percent", "ssb_ec_turnover"),
}
SSB_GROUPS = {
    "All enterprises with at least 10 employees": "total",
    "100+ employees": "100+",
    "Trade and repair of motor vehicles (NACE 45)": "45",
    "Information and communication (NACE 58-63)": "58-63",
    "Information and communication": "58-63",
    "Financial and insurance activities": "64-66",
    "Accommodation and food service activities": "55-56",
}
BREAKDOWNS = {"total": "total", "size_class": "size", "industry": "industry"}


@dataclass
class Candidate:
    """One figure as one source printed it, before sources are merged."""

    key: tuple[str, str, str, str, int]  # indicator, geo, breakdown, group, ref_year
    value: str
    source_id: str
    rank: int
    row: dict[str, str] = field(default_factory=dict)


def fail(where: str, problem: str) -> None:
    """Stop the build with one line naming the input and what is wrong."""
    raise SystemExit(f"build_data: {where}: {problem}")


def number_text(raw: str, where: str) -> str:
    """Keep a number exactly as printed (no rounding); reject anything that is not one."""
    text = raw.strip()
    if not re.fullmatch(r"-?\d+(\.\d+)?", text):
        fail(where, f"not a number: {raw!r}")
    return text


def same_value(a: str, b: str) -> bool:
    """Two printed values agree when the more precise one rounds to the less precise one."""
    da = len(a.split(".")[1]) if "." in a else 0
    db = len(b.split(".")[1]) if "." in b else 0
    fine, coarse, digits = (a, b, db) if da >= db else (b, a, da)
    return abs(round(float(fine), digits) - float(coarse)) < 1e-9


def ssb_figures(reference: Path) -> list[dict[str, str]]:
    """SSB's figures: one row per figure, the most authoritative page as its source."""
    path = reference / "ssb_ikt_figures.csv"
    by_key: dict[tuple[str, str, str, str, int], list[Candidate]] = defaultdict(list)
    with path.open(encoding="utf-8", newline="") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            where = f"{path.name}:{line}"
            if row["source_url"] not in SSB_URLS:
                fail(where, f"unknown source URL {row['source_url']}")
            if row["breakdown_value_en"] not in SSB_GROUPS:
                fail(where, f"unknown group {row['breakdown_value_en']!r}")
            source_id, rank = SSB_URLS[row["source_url"]]
            key = (
                row["indicator_id"],
                "NO",
                BREAKDOWNS[row["breakdown"]],
                SSB_GROUPS[row["breakdown_value_en"]],
                int(row["reference_year"]),
            )
            value = number_text(row["value"], where)
            by_key[key].append(Candidate(key, value, source_id, rank, row))
    out = []
    for key, candidates in sorted(by_key.items()):
        candidates.sort(key=lambda c: c.rank)
        primary = candidates[0]
        row = primary.row
        unit, base = SSB_UNITS.get(row["unit"], ("percent", "ssb_10plus"))
        if "using social media" in row["unit"]:
            base = "ssb_sm_users"
        agreeing = sorted(
            {c.source_id for c in candidates[1:] if same_value(c.value, primary.value)}
            - {primary.source_id}
        )
        differing = sorted(
            {
                f"{c.source_id}={c.value}"
                for c in candidates[1:]
                if not same_value(c.value, primary.value)
            }
        )
        series = "eu_scoreboard" if primary.source_id == "regjeringen-indicator" else "ssb"
        status = ">" if row["unit"] == "percent_lower_bound" else ""
        notes = [row["note"].strip()]
        if differing:
            notes.insert(0, "DISAGREEMENT: " + "; ".join(differing) + ".")
        out.append(
            _figure(
                row["theme"],
                key,
                row["survey_year"],
                primary.value,
                status,
                unit,
                base,
                series,
                primary.source_id,
                agreeing,
                differing,
                " ".join(notes),
            )
        )
    return out


def _figure(
    theme: str,
    key: tuple[str, str, str, str, int],
    survey_year: str | int,
    value: str,
    status: str,
    unit: str,
    base: str,
    series: str,
    source_id: str,
    agreeing: list[str],
    differing: list[str],
    note: str,
) -> dict[str, str]:
    indicator, geo, breakdown, group, ref_year = key
    return {
        "theme": theme,
        "indicator": indicator,
        "geo": geo,
        "breakdown": breakdown,
        "group": group,
        "ref_year": str(ref_year),
        "survey_year": str(survey_year),
        "value": value,
        "status": status,
        "unit": unit,
        "base": base,
        "series": series,
        "source_id": source_id,
        "corroborating": ";".join(agreeing),
        "disagreeing": ";".join(differing),
        "note": note,
    }


class EurostatPool:
    """Eurostat observations from several files; the first file added for a key is primary."""

    def __init__(self) -> None:
        self.primary: dict[tuple[str, str, str, str, int], dict[str, str]] = {}
        self.extra: dict[tuple[str, str, str, str, int], list[tuple[str, str]]] = defaultdict(list)

    def add(
        self,
        theme: str,
        indicator: str,
        geo: str,
        breakdown: str,
        group: str,
        survey_year: int,
        value: str,
        status: str,
        series: str,
        source_id: str,
        lag: int,
        base: str = "eu_10plus_excl_fin",
        note: str = "",
    ) -> None:
        key = (indicator, geo, breakdown, group, survey_year - lag)
        if key in self.primary:
            self.extra[key].append((source_id, value))
            return
        self.primary[key] = _figure(
            theme, key, survey_year, value, status, "percent", base, series, source_id, [], [], note
        )

    def figures(self) -> list[dict[str, str]]:
        out = []
        for key, fig in sorted(self.primary.items()):
            agreeing, differing = set(), set()
            for source_id, value in self.extra.get(key, []):
                if source_id == fig["source_id"]:
                    continue
                if fig["value"] and value and not same_value(fig["value"], value):
                    differing.add(f"{source_id}={value}")
                elif fig["value"] == value or (fig["value"] and value):
                    agreeing.add(source_id)
            fig["corroborating"] = ";".join(sorted(agreeing))
            fig["disagreeing"] = ";".join(sorted(differing))
            if differing:
                fig["note"] = (
                    "DISAGREEMENT: " + "; ".join(sorted(differing)) + ". " + fig["note"]
                ).strip()
            out.append(fig)
        return out


def split_flag(cell: str, where: str) -> tuple[str, str]:
    """Eurostat TSV cell '12.34 b' -> ('12.34', 'b'); ':' -> ('', ':')."""
    text = cell.strip()
    if text.startswith(":"):
        flag = text[1:].strip()
        return "", ":" + flag
    match = re.fullmatch(r"(-?\d+(?:\.\d+)?)\s*([a-z]*)", text)
    if not match:
        fail(where, f"unreadable cell {cell!r}")
    return match.group(1), match.group(2)


def add_esels_sdmx_csv(pool: EurostatPool, path: Path) -> None:
    """isoc_ec_esels SDMX-CSV extract (Norway, 10+ employed, PC_ENT only)."""
    with path.open(encoding="utf-8", newline="") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            if row["unit"] != "PC_ENT" or row["indic_is"] not in ECOMMERCE_CODES:
                continue
            group = EUROSTAT_SIZE.get(row["size_emp"])
            if group is None or row["nace_r2"] != "C10-S951_X_K":
                continue
            value = number_text(row["OBS_VALUE"], f"{path.name}:{line}") if row["OBS_VALUE"] else ""
            status = row["OBS_FLAG"].strip() or ("" if value else ":")
            pool.add(
                "ecommerce",
                ECOMMERCE_CODES[row["indic_is"]],
                row["geo"],
                "total" if group == "total" else "size",
                group,
                int(row["TIME_PERIOD"]),
                value,
                status,
                "isoc_ec_esels",
                "eurostat-isoc_ec_esels",
                lag=1,
            )


def add_awsell_csv(pool: EurostatPool, path: Path) -> None:
    """isoc_ec_esels E_AWSELL for Norway by size band, as extracted to CSV."""
    with path.open(encoding="utf-8", newline="") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            group = EUROSTAT_SIZE[row["size_emp"]]
            value = number_text(row["value"], f"{path.name}:{line}") if row["value"] else ""
            pool.add(
                "ecommerce",
                "eu_e_awsell",
                row["geo"],
                "total" if group == "total" else "size",
                group,
                int(row["time"]),
                value,
                "" if value else ":",
                "isoc_ec_esels",
                "eurostat-isoc_ec_esels",
                lag=1,
            )


def add_esels_json(pool: EurostatPool, path: Path) -> None:
    """isoc_ec_esels by size class for the Nordic countries (values rounded to one decimal)."""
    for record in json.loads(path.read_text(encoding="utf-8")):
        code, geo, size = record["indic_is"], record["geo"], record["size_emp"]
        if code not in ECOMMERCE_CODES or geo not in GEOS or size not in EUROSTAT_SIZE:
            continue
        value = record["OBS_VALUE"]
        text = "" if value is None else number_text(str(value), path.name)
        pool.add(
            "ecommerce",
            ECOMMERCE_CODES[code],
            geo,
            "size",
            EUROSTAT_SIZE[size],
            int(record["TIME_PERIOD"]),
            text,
            "" if text else ":",
            "isoc_ec_esels",
            "eurostat-isoc_ec_esels",
            lag=1,
            note="Copy of isoc_ec_esels rounded to one decimal by its publisher.",
        )


def add_eseln2_tsv(pool: EurostatPool, path: Path) -> None:
    """isoc_ec_eseln2 bulk TSV (2020 vintage): E_AESELL by industry for Norway, totals for all."""
    lines = path.read_text(encoding="utf-8").splitlines()
    years = [int(y) for y in lines[0].split("\t")[1:]]
    for number, text in enumerate(lines[1:], start=2):
        cells = text.split("\t")
        if len(cells) != len(years) + 1:
            continue  # the file was cut off mid-row by whoever downloaded it
        indic, unit, sizen, geo = cells[0].split(",")
        if indic != "E_AESELL" or unit != "PC_ENT" or geo not in GEOS:
            continue
        if sizen == "10_C10_S951_XK":
            breakdown, group = "total", "total"
        elif sizen in ESELN2_INDUSTRY and geo == "NO":
            breakdown, group = "industry", ESELN2_INDUSTRY[sizen]
        else:
            continue
        for year, cell in zip(years, cells[1:], strict=True):
            value, status = split_flag(cell, f"{path.name}:{number}")
            if not value and status == ":" and year == 2009:
                continue  # 2009 holds no E_AESELL figures in this vintage
            pool.add(
                "ecommerce",
                "eu_e_aesell",
                geo,
                breakdown,
                group,
                year,
                value,
                status,
                "isoc_ec_eseln2" if breakdown == "industry" else "isoc_ec_esels",
                "eurostat-isoc_ec_eseln2",
                lag=1,
                note="Bulk download of 2020, published as whole percentages.",
            )


def add_cisce_tsv(pool: EurostatPool, path: Path) -> None:
    """isoc_cisce_ra: ICT-security policy documents and their last review, by size class."""
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        header = handle.readline().rstrip("\n").split("\t")
        years = [int(y) for y in header[1:]]
        for number, text in enumerate(handle, start=2):
            cells = text.rstrip("\n").split("\t")
            _freq, size, nace, indic, unit, geo = cells[0].split(",")
            if (
                indic not in SECURITY_CODES
                or unit != "PC_ENT"
                or geo not in GEOS
                or size not in EUROSTAT_SIZE
                or nace != "C10-S951_X_K"
            ):
                continue
            group = EUROSTAT_SIZE[size]
            for year, cell in zip(years, cells[1:], strict=True):
                value, status = split_flag(cell, f"{path.name}:{number}")
                if not value and year == 2015 and indic == "E_SECPOL2":
                    continue  # not asked in 2015
                note = (
                    "2015 asked about a formally defined ICT security policy; from 2019 "
                    "about documents on ICT security measures."
                    if indic != "E_SECPOL2"
                    else ""
                )
                pool.add(
                    "policy",
                    SECURITY_CODES[indic],
                    geo,
                    "total" if group == "total" else "size",
                    group,
                    year,
                    value,
                    status,
                    "isoc_cisce_ra",
                    "eurostat-isoc_cisce_ra",
                    lag=0,
                    note=note,
                )


def add_turnover_xlsx(pool: EurostatPool, path: Path) -> None:
    """tin00110 data-browser export: e-commerce share of turnover, survey years 2013-2024."""
    names = {
        "Norway": "NO",
        "Sweden": "SE",
        "Denmark": "DK",
        "Finland": "FI",
        "Iceland": "IS",
        "European Union - 27 countries (from 2020)": "EU27_2020",
    }
    with zipfile.ZipFile(path) as book:
        shared = [
            re.sub(r"<[^>]+>", "", s)
            for s in re.findall(r"<si>(.*?)</si>", book.read("xl/sharedStrings.xml").decode(), re.S)
        ]
        sheet = book.read("xl/worksheets/sheet1.xml").decode()
    grid: dict[int, dict[str, str]] = defaultdict(dict)
    for attrs, raw in re.findall(r"<c ([^>]*?)/?>(?:<v>([^<]*)</v>)?", sheet):
        ref = re.search(r'r="([A-Z]+\d+)"', attrs).group(1)  # type: ignore[union-attr]
        kind_match = re.search(r't="(\w+)"', attrs)
        kind = kind_match.group(1) if kind_match else ""
        col, row = re.match(r"([A-Z]+)(\d+)", ref).groups()  # type: ignore[union-attr]
        grid[int(row)][col] = shared[int(raw)] if kind == "s" and raw else raw
    columns = sorted(grid[1], key=lambda c: (len(c), c))
    year_cols = [(c, int(grid[1][c])) for c in columns if grid[1][c].isdigit()]
    for row in grid.values():
        geo = names.get(row.get("A", ""))
        if geo is None:
            continue
        for col, year in year_cols:
            flag_col = _next_col(col)
            raw, flag = row.get(col, ""), row.get(flag_col, "").strip().lower()
            # Spreadsheet cells hold binary doubles (19.739999999999998 for 19.74); repr of the
            # value at 10 decimals gives back the decimal number the data browser printed.
            value = (
                ""
                if raw in ("", ":")
                else number_text(repr(round(float(raw), 10)), f"{path.name}:{col}")
            )
            value = value[:-2] if value.endswith(".0") else value
            pool.add(
                "ecommerce",
                "eu_turnover_share",
                geo,
                "total",
                "total",
                year,
                value,
                flag if value else ":" + flag,
                "tin00110",
                "eurostat-tin00110",
                lag=1,
                base="eu_turnover_10plus_excl_fin",
            )


def _next_col(col: str) -> str:
    """Spreadsheet column after `col` (A -> B, Z -> AA)."""
    digits = [ord(ch) - 64 for ch in col]
    number = 0
    for digit in digits:
        number = number * 26 + digit
    number += 1
    out = ""
    while number:
        number, rest = divmod(number - 1, 26)
        out = chr(65 + rest) + out
    return out


def write_csv(path: Path, columns: list[str], rows: list[dict[str, str]]) -> None:
    """Write with a fixed column order and Unix line ends so diffs stay readable."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--from", dest="reference", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "data")
    args = parser.parse_args(argv)
    ref: Path = args.reference
    ext = ref / "external"
    pool = EurostatPool()
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
    add_turnover_xlsx(pool, ext / "HammadAamir__Digitilization_DataVisualization" / "tin00110.xlsx")
    figures = ssb_figures(ref) + pool.figures()
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    write_csv(out / "figures.csv", list(FIGURE_COLUMNS), figures)
    write_csv(
        out / "labels.csv",
        ["kind", "id", "nb", "en"],
        [dict(zip(["kind", "id", "nb", "en"], row, strict=True)) for row in LABELS],
    )
    write_csv(
        out / "sources.csv",
        ["source_id", "publisher", "title", "released", "url", "kind", "scope"],
        [
            dict(
                zip(
                    ["source_id", "publisher", "title", "released", "url", "kind", "scope"],
                    (sid, *rest),
                    strict=True,
                )
            )
            for sid, rest in SOURCES.items()
        ],
    )
    indicator_rows = []
    for theme, ids in INDICATOR_ORDER.items():
        for position, indicator in enumerate(ids):
            period = "previous_year" if theme == "ecommerce" else "january"
            indicator_rows.append(
                {
                    "indicator": indicator,
                    "theme": theme,
                    "position": str(position),
                    "period": period,
                    "publisher": "eurostat" if indicator.startswith("eu_") else "ssb",
                }
            )
    write_csv(
        out / "indicators.csv",
        ["indicator", "theme", "position", "period", "publisher"],
        indicator_rows,
    )
    print(f"wrote {len(figures)} figures to {out / 'figures.csv'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
