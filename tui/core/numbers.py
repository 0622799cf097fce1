"""Numbers as people read them: decimal comma in bokmål, point in English, never rounded."""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal

from tui.core.model import Figure


def format_number(text: str, lang: str) -> str:
    """'24.3' -> '24,3' in bokmål; the digits stay exactly as published."""
    return text.replace(".", ",") if lang == "nb" else text


def format_value(figure: Figure | None, lang: str, *, with_unit: bool = True) -> str:
    """A figure for display: its number with unit, or its status symbol when it is missing."""
    if figure is None:
        return ""
    if figure.missing:
        return figure.status or ".."
    prefix = "> " if figure.status == ">" else ""
    if not with_unit:
        return prefix + format_number(figure.value_text, lang)
    return prefix + format_amount(figure.value_text, figure.unit, lang)


def format_amount(text: str, unit: str, lang: str) -> str:
    """A number in its unit ('24,3 %', 'NOK 568 bn'), for a figure or a difference of two."""
    number = format_number(text, lang)
    if unit == "nok_bn":
        return f"{number} mrd. kr" if lang == "nb" else f"NOK {number} bn"
    if unit != "percent":
        return number
    return f"{number} %" if lang == "nb" else f"{number}%"


def format_points(points: Decimal, lang: str) -> str:
    """A change in percentage points with its sign: '+8 pp' / '-10,36 p.p.'."""
    return f"{_signed(points, lang)} {'p.p.' if lang == 'nb' else 'pp'}"


def format_difference(difference: Decimal, previous: Decimal, unit: str, lang: str) -> str:
    """A change in the figures' own unit: points between percentages, else the unit's difference.

    The difference is exact (Decimal of the two published texts, as many decimals as they
    carry). Outside percentages the relative change follows, to one decimal: '+12 NOK bn
    (+2.2%)'; it is left out when the earlier figure is 0 or below.
    """
    if unit == "percent":
        return format_points(difference, lang)
    text = _signed(difference, lang)
    if unit == "nok_bn":
        text += " mrd. kr" if lang == "nb" else " NOK bn"
    if previous > 0:
        relative = (difference * 100 / previous).quantize(Decimal("0.1"), ROUND_HALF_EVEN)
        text += (
            f" ({_signed(relative, lang)} %)" if lang == "nb" else f" ({_signed(relative, lang)}%)"
        )
    return text


def _signed(number: Decimal, lang: str) -> str:
    """'+8', '-10,36', '±0': the sign always written, the digits as they are."""
    sign = "+" if number > 0 else ("±" if number == 0 else "-")
    return sign + format_number(f"{abs(number):f}", lang)
