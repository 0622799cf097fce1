"""Every word the product says in bokmål and English, keyed by id; names of data come from the labels."""

from __future__ import annotations

import os
from collections.abc import Mapping

from tui.core.text import shown

NORWEGIAN_LOCALES = ("nb", "nn", "no")
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")  # POSIX order: the first one set decides

WORDS: dict[str, tuple[str, str]] = {
    "embedded": ("innebygd øyeblikksbilde", "embedded snapshot"),
    "compare": ("Land sammenlignet", "Countries compared"),
    "scope": (
        "Eurostat, foretak med minst 10 sysselsatte, unntatt finanssektoren",
        "Eurostat, enterprises with 10+ persons employed, excluding the financial sector",
    ),
    "no_data": ("ingen tall", "no figures"),
    "no_figure": ("ingen tall for dette året", "no figure for this year"),
    "since": ("siden", "since"),
    "corroborating": ("bekreftet av", "corroborating"),
    "disagrees": ("avviker", "disagrees"),
    "missing": ("mangler", "missing"),
    "other_unit": ("annen enhet", "other unit"),
    "other_key": ("* annen serie, populasjon eller enhet", "* other series, base or unit"),
    "bars": ("Søyler", "Bars"),
    "line": ("Linje", "Line"),
    "of": ("av", "of"),
    "source": ("Kilde", "Source"),
    "sources": ("Kilder", "Sources"),
    "reference_year": ("Referanseår", "Reference year"),
    "survey_year": ("Undersøkelsesår", "Survey year"),
    "period_january": ("januar i undersøkelsesåret", "January of the survey year"),
    "period_previous_year": (
        "kalenderåret før undersøkelsen",
        "the calendar year before the survey",
    ),
    "status": ("Status", "Status"),
    "base": ("Populasjon", "Base population"),
    "series": ("Serie", "Series"),
    "unit": ("Enhet", "Unit"),
    "note": ("Merknad", "Note"),
    "change": ("Endring", "Change"),
    "role_primary": ("hovedkilde", "primary"),
    "role_corroborating": ("bekrefter", "corroborating"),
    "role_disagreeing": ("avviker", "disagreeing"),
    "gives": ("oppgir", "gives"),
    "scope_of_source": ("Omfang", "Scope"),
    "released": ("publisert", "released"),
    "help_title": ("Taster", "Keys"),
    "screens": ("Skjermer", "Screens"),
    "close": ("Esc eller q lukker", "Esc or q closes"),
    "jump_prompt": (
        "Hopp til kategori (del av navnet) eller år (fire sifre), Enter",
        "Jump to a category (part of its name) or a year (four digits), Enter",
    ),
    "no_match": ("Ingen kategori eller år passer til", "No category or year matches"),
    "year_absent": ("Tabellen har ikke året", "The table has no year"),
    "exported": ("Lagret", "Saved"),
    "copied": ("Kopiert", "Copied"),
    "nothing_selected": ("Ingen tall er valgt", "No figure is selected"),
    "breakdown_none": ("har ingen tall for", "has no figures for"),
    "compare_ssb": (
        "er et SSB-tall; land kan bare sammenlignes på Eurostat-tall",
        "is an SSB figure; countries can be compared only on Eurostat figures",
    ),
    "compare_one": (
        "har tall for bare ett land",
        "has figures for only one country",
    ),
    "compare_try": ("andre land har tall med b", "other countries have figures with b"),
    "compare_leave_first": (
        "Avslutt sammenligningen med g først",
        "Leave the comparison with g first",
    ),
    "theme_none": ("Ingen tall for", "No figures for"),
    "language": ("Språk: bokmål", "Language: English"),
    "chart_waiting": ("diagram …", "chart …"),
    "chart_small": ("for lite plass til diagrammet", "too small for the chart"),
    "chart_none": ("ingen tall å tegne", "no figures to draw"),
    "group": ("Gruppe", "Group"),
    "category": ("Kategori", "Category"),
    "country": ("Land", "Country"),
    # column headers and notes of the command line's tables
    "theme": ("Tema", "Theme"),
    "name": ("Navn", "Name"),
    "indicators": ("Indikatorer", "Indicators"),
    "indicator": ("Indikator", "Indicator"),
    "years": ("År", "Years"),
    "year": ("År", "Year"),
    "value": ("Verdi", "Value"),
    "country_comparison": ("sammenligning av land", "country comparison"),
    "reference_year_note": (
        "Årstall er referanseår: tallene gjelder kalenderåret før undersøkelsen.",
        "Years are reference years: the figures refer to the calendar year before the survey.",
    ),
    # headlines: sentences computed from the figures ({fields} are filled in by tui.core.headlines)
    "hl_rose": (
        "{subject} økte fra {old} i {old_year} til {new} i {new_year}, {difference}.",
        "{subject} rose from {old} in {old_year} to {new} in {new_year}, {difference}.",
    ),
    "hl_fell": (
        "{subject} falt fra {old} i {old_year} til {new} i {new_year}, {difference}.",
        "{subject} fell from {old} in {old_year} to {new} in {new_year}, {difference}.",
    ),
    "hl_unchanged": (
        "{subject} var {new} både i {old_year} og i {new_year}.",
        "{subject} was {new} in both {old_year} and {new_year}.",
    ),
    "hl_points": ("{number} prosentpoeng", "{number} percentage points"),
    "hl_point": ("{number} prosentpoeng", "{number} percentage point"),
    "hl_moved_most": (
        "Størst endring fra {old_year} til {new_year}: {items}.",
        "Moved most from {old_year} to {new_year}: {items}.",
    ),
    "hl_moved_item": (
        "{subject} ({points}, fra {old} til {new})",
        "{subject} ({points}, from {old} to {new})",
    ),
    "hl_ranking": (
        "Mest vanlig i {year}: {first}, deretter {rest}.",
        "Most common in {year}: {first}, then {rest}.",
    ),
    "hl_ranking_tied": ("Like vanlig i {year}: {first}.", "Equally common in {year}: {first}."),
    "hl_industry_ranking": (
        "{subject} i {year}, etter næring: høyest i {first}, deretter {rest}.",
        "{subject} in {year}, by industry: highest in {first}, then {rest}.",
    ),
    "hl_industry_tied": (
        "{subject} i {year}, etter næring: likt i {first}.",
        "{subject} in {year}, by industry: the same in {first}.",
    ),
    "hl_rises_with_size": (
        "{subject} i {year} øker med foretakets størrelse: {items}.",
        "{subject} in {year} rises with the size of the enterprise: {items}.",
    ),
    "hl_falls_with_size": (
        "{subject} i {year} synker med foretakets størrelse: {items}.",
        "{subject} in {year} falls with the size of the enterprise: {items}.",
    ),
    "hl_by_size": (
        "{subject} i {year} etter størrelse, uten jevn stigning eller nedgang: {items}.",
        "{subject} in {year} by size, neither rising nor falling steadily: {items}.",
    ),
    "hl_countries": (
        "{subject} i {year}: {geo} {value}, {position} blant landene som sammenlignes ({others}){aggregate}.",
        "{subject} in {year}: {geo} {value}, {position} among the countries compared ({others}){aggregate}.",
    ),
    "hl_aggregate_only": (
        "{subject} i {year}: {geo} {value}{aggregate}.",
        "{subject} in {year}: {geo} {value}{aggregate}.",
    ),
    "hl_highest": ("høyest", "the highest"),
    "hl_lowest": ("lavest", "the lowest"),
    "hl_shared_highest": ("delt høyest", "shared highest"),
    "hl_shared_lowest": ("delt lavest", "shared lowest"),
    "hl_in_between": ("verken høyest eller lavest", "neither the highest nor the lowest"),
    "hl_above": ("; over {aggregate} ({value})", "; above {aggregate} ({value})"),
    "hl_below": ("; under {aggregate} ({value})", "; below {aggregate} ({value})"),
    "hl_level": ("; likt med {aggregate} ({value})", "; level with {aggregate} ({value})"),
    "hl_base": ("populasjon: {base}", "base: {base}"),
    "hl_and": ("og", "and"),
    # what each key does (tui.app.keys: "key_" + the binding's id, else the id itself), and the
    # help's headings
    "key_year-previous": ("Forrige år", "Previous year"),
    "key_year-next": ("Neste år", "Next year"),
    "key_category-previous": ("Forrige kategori", "Previous category"),
    "key_category-next": ("Neste kategori", "Next category"),
    "key_year-first": ("Første år", "First year"),
    "key_year-last": ("Siste år", "Last year"),
    "key_screen-1": ("Skjerm 1", "Screen 1"),
    "key_screen-2": ("Skjerm 2", "Screen 2"),
    "key_screen-3": ("Skjerm 3", "Screen 3"),
    "key_screen-next": ("Neste skjerm", "Next screen"),
    "key_screen-previous": ("Forrige skjerm", "Previous screen"),
    "key_breakdown": ("Inndeling", "Breakdown"),
    "key_chart": ("Søyle/linje", "Bars/line"),
    "key_compare": ("Land", "Countries"),
    "key_jump": ("Hopp", "Jump"),
    "key_export": ("Lagre CSV", "Export CSV"),
    "key_copy": ("Kopier tallet", "Copy figure"),
    "key_language": ("Språk", "Language"),
    "key_help": ("Hjelp", "Help"),
    "key_back": ("Tilbake/avslutt", "Back/quit"),
    "key_close": ("Lukk", "Close"),
    "key_jump-cancel": ("Avbryt hopp", "Cancel jump"),
    "key_help-close": ("Lukk hjelpen", "Close help"),
    "keys_move": ("Flytt", "Move"),
    "keys_view": ("Visning", "View"),
    "keys_figure": ("Det valgte tallet", "The selected figure"),
    "keys_other": ("Annet", "Other"),
    "marks": ("Tegn i tabellen", "Marks in the table"),
    "mark_lower_bound": ("nedre grense: minst dette tallet", "lower bound: at least this figure"),
    "data_provider_for": ("dataleverandør for", "data provider for"),
    "rows_scale": ("hver rad på skalaen", "each row on the scale"),
    # fetched figures against the embedded snapshot ({fields} filled in by tui.core.provenance)
    "revision": (
        "revidert: {old} → {new} ({series}, hentet {day})",
        "revised: {old} → {new} ({series}, fetched {day})",
    ),
    "not_placed_theme": ("SSB-tabell {table}: ikke plassert", "SSB table {table}: not placed"),
    "changes_title": (
        "Nye og reviderte tall fra SSBs API",
        "New and revised figures from SSB's API",
    ),
    "change_new": ("ny", "new"),
    "change_revised": ("revidert", "revised"),
    "old_value": ("Før", "Before"),
    "new_value": ("Nå", "Now"),
    "period_as_labelled": ("året slik SSBs tabell oppgir det", "the year as SSB's table gives it"),
    # ordering, filtering and reading the rows; the headlines of a screen
    "key_order": ("Sorter etter året", "Order by the year"),
    "key_filter": ("Filtrer rader", "Filter rows"),
    "key_labels-narrower": ("Smalere navn", "Narrower names"),
    "key_labels-wider": ("Bredere navn", "Wider names"),
    "key_headlines": ("Overskrifter", "Headlines"),
    "key_headlines-close": ("Lukk overskriftene", "Close the headlines"),
    "key_filter-clear": ("Tøm filteret", "Clear the filter"),
    "key_filter-keep": ("Behold filteret", "Keep the filter"),
    "ordered_by": ("sortert etter", "ordered by"),
    "filter_on": ("filter", "filter"),
    "filter_prompt": (
        "Filtrer rader: skriv del av et navn; Enter beholder filteret, Esc tømmer det",
        "Filter rows: type part of a name; Enter keeps the filter, Esc clears it",
    ),
    "filter_empty": (
        "Ingen rad har «{text}» i navnet (f og så Esc tømmer filteret)",
        'No row has "{text}" in its name (f, then Esc, clears the filter)',
    ),
    "filter_cleared": (
        "Filteret er tømt, så tallet vises",
        "The filter is cleared to show the figure",
    ),
    "labels_narrowest": ("Navnene er så smale de kan bli", "The names are as narrow as they go"),
    "labels_widest": (
        "Navnene er så brede de kan bli her",
        "The names are as wide as they go here",
    ),
    "headlines_title": ("Overskrifter fra tallene", "Headlines from the figures"),
    "headlines_hint": (
        "↑/↓ velger, Enter viser tallet, Esc eller q lukker",
        "↑/↓ chooses, Enter shows the figure, Esc or q closes",
    ),
    "headlines_none": ("Ingen overskrifter for", "No headlines for"),
    "frequency_half-yearly": ("halvår", "half-yearly"),
    "frequency_quarterly": ("kvartal", "quarterly"),
    "frequency_monthly": ("måned", "monthly"),
    "frequency_weekly": ("uke", "weekly"),
    "frequency_other": ("perioder", "periods"),
    "key_geo": ("Velg område", "Choose geography"),
    "key_geo-cancel": ("Avbryt valget", "Cancel the choice"),
    "key_geo-up": ("Forrige område", "Previous geography"),
    "key_geo-down": ("Neste område", "Next geography"),
    "key_geo-page-up": ("En side opp", "Page up"),
    "key_geo-page-down": ("En side ned", "Page down"),
    "geo_prompt": (
        "Skriv for å filtrere, Enter velger, Esc avbryter",
        "Type to filter, Enter chooses, Esc cancels",
    ),
    "key_period-previous": ("Forrige periode", "Previous period"),
    "key_period-next": ("Neste periode", "Next period"),
    "key_period-first": ("Første periode", "First period"),
    "key_period-last": ("Siste periode", "Last period"),
    "geo_none": ("Ingen områder passer", "No geography matches"),
    "geo_one": ("Tabellen har bare ett område", "The table has only one geography"),
    "changes_title_eurostat": (
        "Nye og reviderte tall fra Eurostats API",
        "New and revised figures from Eurostat's API",
    ),
    "changes_title_both": (
        "Nye og reviderte tall fra SSBs og Eurostats API",
        "New and revised figures from SSB's and Eurostat's APIs",
    ),
}

REASONS: dict[str, tuple[str, str]] = {  # Change.reason codes, as people read them
    "no_value": ("ingen verdi", "no value"),
    "no_earlier_figure": ("ingen tidligere tall", "no earlier figure"),
    "different_series": (
        "ikke sammenlignbart: annen kildeserie",
        "not comparable: different source series",
    ),
    "different_base": (
        "ikke sammenlignbart: annen populasjon",
        "not comparable: different base population",
    ),
    "different_unit": ("ikke sammenlignbart: annen enhet", "not comparable: different unit"),
    "lower_bound": (
        "ikke sammenlignbart: nedre grense, ikke et tall",
        "not comparable: a lower bound, not a value",
    ),
    "break_in_series": (
        "ikke sammenlignbart: brudd i tidsserien",
        "not comparable: break in series",
    ),
}


def say(key: str, lang: str) -> str:
    """One interface word or phrase in the given language."""
    nb, en = WORDS[key]
    return shown(nb if lang == "nb" else en)


def reason(code: str, lang: str) -> str:
    """Why a change cannot be given (a `Change.reason` code), in the given language."""
    nb, en = REASONS[code]
    return shown(nb if lang == "nb" else en)


def default_lang(environ: Mapping[str, str] | None = None) -> str:
    """Bokmål when the locale is Norwegian (nb, nn, no), English otherwise."""
    env = os.environ if environ is None else environ
    locale = next((env[name] for name in LOCALE_VARIABLES if env.get(name)), "")
    return "nb" if locale.casefold().startswith(NORWEGIAN_LOCALES) else "en"
