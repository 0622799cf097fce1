"""Norway's (and its neighbours') answers as Eurostat publishes them, from the files in external/."""

from __future__ import annotations

import csv
import gzip
import json
import re
import zipfile
from collections import defaultdict
from pathlib import Path

from figure_rows import Key, code_map, fail, figure_row, number_text, same_value

from tui.core.catalogue import Codes


class EurostatPool:
    """Eurostat observations from several files; the first file added for a key is primary."""

    def __init__(self, codes: Codes, geos: list[str]) -> None:
        self.primary: dict[Key, dict[str, str]] = {}
        self.extra: dict[Key, list[tuple[str, str]]] = defaultdict(list)
        self.geos = set(geos)
        self.sizes = code_map(codes, "size_emp", "group")
        self.ecommerce = code_map(codes, "isoc_ec_esels.indic_is", "indicator")
        self.security = code_map(codes, "isoc_cisce_ra.indic_is", "indicator")
        self.industries = code_map(codes, "isoc_ec_eseln2.sizen", "group")
        self.countries = code_map(codes, "tin00110.geo", "geo")
        self.turnover = code_map(codes, "isoc_ec_evals.indic_unit", "indicator")
        self.turnover_bases = code_map(codes, "isoc_ec_evals.unit", "base")

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
        self.primary[key] = figure_row(
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
            if row["unit"] != "PC_ENT" or row["indic_is"] not in pool.ecommerce:
                continue
            group = pool.sizes.get(row["size_emp"])
            if group is None or row["nace_r2"] != "C10-S951_X_K":
                continue
            value = number_text(row["OBS_VALUE"], f"{path.name}:{line}") if row["OBS_VALUE"] else ""
            status = row["OBS_FLAG"].strip() or ("" if value else ":")
            pool.add(
                "ecommerce",
                pool.ecommerce[row["indic_is"]],
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


def add_evals_sdmx_csv(pool: EurostatPool, path: Path) -> None:
    """isoc_ec_evals SDMX-CSV extract: e-commerce, web and EDI sales as shares of turnover.

    Only the indicator and unit pairs in reference_codes.csv are read: the others' labels were
    not checked against Eurostat's code list, so they are left out.
    """
    with path.open(encoding="utf-8", newline="") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            indicator = pool.turnover.get(f"{row['indic_is']}/{row['unit']}")
            group = pool.sizes.get(row["size_emp"])
            if indicator is None or group is None or row["nace_r2"] != "C10-S951_X_K":
                continue
            where = f"{path.name}:{line}"
            base = pool.turnover_bases.get(row["unit"])
            if base is None:
                fail(where, f"unit {row['unit']!r} has no base in reference_codes.csv")
            value = number_text(row["OBS_VALUE"], where) if row["OBS_VALUE"] else ""
            status = row["OBS_FLAG"].strip() or ("" if value else ":")
            pool.add(
                "ecommerce",
                indicator,
                row["geo"],
                "total" if group == "total" else "size",
                group,
                int(row["TIME_PERIOD"]),
                value,
                status,
                "isoc_ec_evals",
                "eurostat-isoc_ec_evals",
                lag=1,
                base=base,
            )


def add_awsell_csv(pool: EurostatPool, path: Path) -> None:
    """isoc_ec_esels E_AWSELL for Norway by size band, as extracted to CSV."""
    with path.open(encoding="utf-8", newline="") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            group = pool.sizes[row["size_emp"]]
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
        if code not in pool.ecommerce or geo not in pool.geos or size not in pool.sizes:
            continue
        value = record["OBS_VALUE"]
        text = "" if value is None else number_text(str(value), path.name)
        pool.add(
            "ecommerce",
            pool.ecommerce[code],
            geo,
            "size",
            pool.sizes[size],
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
        if indic != "E_AESELL" or unit != "PC_ENT" or geo not in pool.geos:
            continue
        group = pool.industries.get(sizen)
        if group == "total":
            breakdown = "total"
        elif group is not None and geo == "NO":
            breakdown = "industry"
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
                indic not in pool.security
                or unit != "PC_ENT"
                or geo not in pool.geos
                or size not in pool.sizes
                or nace != "C10-S951_X_K"
            ):
                continue
            group = pool.sizes[size]
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
                    pool.security[indic],
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
        geo = pool.countries.get(row.get("A", ""))
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
