"""Labels from data are shown as typed: never read as Rich markup, never sent as escape codes."""

from __future__ import annotations

from textual.widgets._toast import Toast

from tests.helpers.app_pilot import chart_of, make_app, press, screen_segments, screen_text, settle
from tui.app.screens.help import HelpScreen
from tui.app.screens.sources import SourcesScreen
from tui.core import Dataset, Figure, Source
from tui.core.labels import Labels
from tui.core.model import Indicator

MARKUP = "[red]x[/red]"
ESCAPE = "\x1b[31mred"
ESCAPE_SHOWN = "\\x1b[31mred"
OSC = "copy \x1b]52;c;QUJD\x07 done"
OSC_SHOWN = "copy \\x1b]52;c;QUJD\\x07 done"


def hostile_dataset() -> Dataset:
    labels = Labels()
    labels.add("theme", "social_media", "[b]Tema[/b]", "[b]Theme[/b]")
    labels.add("indicator", "a", MARKUP, MARKUP)
    labels.add("indicator", "b", ESCAPE, ESCAPE)
    labels.add("breakdown", "total", "Totalt", "Total")
    labels.add("group", "total", "Alle", "All")
    labels.add("geo", "NO", "Norge", "Norway")
    labels.add("base", "all", "[i]all[/i] enterprises", "[i]all[/i] enterprises")
    labels.add("series", "ssb", "SSB", "SSB")
    labels.add("unit", "percent", "prosent", "per cent")
    labels.add("status", "", "Publisert", "Published")
    labels.add("status", ":", "Konfidensielt", "Confidential")
    sources = {
        "s1": Source(
            "s1",
            "SSB [blink]",
            "[red]title[/red]",
            "2020",
            "https://example.org/[red]",
            "primary",
            "[u]scope[/u]",
        )
    }
    indicators = {
        "a": Indicator("a", "social_media", 0, "january", "ssb"),
        "b": Indicator("b", "social_media", 1, "january", "ssb"),
    }

    def figure(indicator: str, year: int, value: str, status: str = "") -> Figure:
        return Figure(
            "social_media",
            indicator,
            "NO",
            "total",
            "total",
            year,
            year,
            value,
            status,
            "percent",
            "all",
            "ssb",
            "s1",
            (),
            (),
            OSC,
            str(year),
        )

    figures = [
        figure("a", 2019, "10"),
        figure("a", 2020, "20"),
        figure("b", 2019, "5"),
        figure("b", 2020, "", ":"),
    ]
    return Dataset(figures, labels, sources, indicators)


def is_red(color: object) -> bool:
    triplet = getattr(color, "triplet", None)
    name = getattr(color, "name", "")
    if triplet is None:
        return "red" in str(name)
    return bool(triplet.red >= 150 and triplet.green <= 80 and triplet.blue <= 80)


def assert_no_red(segments: list) -> None:  # type: ignore[type-arg]
    for segment in segments:
        style = segment.style
        if style is not None and segment.text.strip():
            assert not is_red(style.color), (segment.text, style)


async def test_labels_stay_literal_in_table_chart_details_help_and_notices() -> None:
    app = make_app(hostile_dataset(), screen="social_media", year=2019)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "\x1b" not in text and "\x07" not in text
        assert text.count(MARKUP) >= 3, text  # table, chart bar, source line
        assert ESCAPE_SHOWN in text
        assert "[b]Theme[/b]" in text and "[i]all[/i] enterprises" in text
        assert_no_red(screen_segments(app))
        data = chart_of(app).data
        assert data is not None and [b.label for b in data.bars] == [MARKUP, ESCAPE_SHOWN]

        await press(pilot, "c", "down")  # the line chart names the category literally
        data = chart_of(app).data
        assert data is not None and ESCAPE_SHOWN in data.title
        assert ESCAPE_SHOWN in screen_text(app)
        await press(pilot, "c", "up")

        await press(pilot, "s")
        assert isinstance(app.screen, SourcesScreen)
        details = screen_text(app)
        for shown in (
            MARKUP,
            "[red]title[/red]",
            "SSB [blink]",
            "https://example.org/[red]",
            "[u]scope[/u]",
            OSC_SHOWN,
        ):
            assert shown in details, shown
        assert "\x1b" not in details
        assert_no_red(screen_segments(app))
        await press(pilot, "escape")

        await press(pilot, "question_mark")
        assert isinstance(app.screen, HelpScreen)
        assert "[b]Theme[/b]" in screen_text(app)
        await press(pilot, "escape")

        await press(pilot, "g")  # refused: an SSB figure; the notice shows the label as typed
        messages = [str(n.message) for n in app._notifications]
        assert any(m.startswith(MARKUP + " is an SSB figure") for m in messages), messages
        await pilot.pause(0.3)
        toasts = [str(toast.render()) for toast in app.screen.query(Toast)]
        assert any(MARKUP in toast for toast in toasts), toasts
        assert MARKUP + " is an SSB" in screen_text(app)
        assert_no_red(screen_segments(app))


async def test_copy_text_is_literal(monkeypatch: object) -> None:
    copied: list[str] = []
    app = make_app(hostile_dataset(), screen="social_media", year=2019)
    app.copy_to_clipboard = copied.append  # type: ignore[method-assign]
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "down", "y")
    assert copied == [
        f"{ESCAPE_SHOWN} 2019: 5% (SSB [blink], [red]title[/red], https://example.org/[red])"
    ]
