"""Dutch notation for money and dates, and parsing of what users type.

Parsing never guesses: input that is not clearly valid raises ``ValueError`` with a Dutch
message that can be shown at the field.
"""

from __future__ import annotations

import datetime as dt
import re

MONTHS = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)

MAX_CENTS = 10**13  # one hundred billion euro: far above any municipal budget line


def format_euro_table(cents: int | None) -> str:
    """Like :func:`format_euro`, without ``,00`` for whole euros (``€ 62.000``): budget tables
    with a column per year stay readable; cents are shown when there are any."""
    text = format_euro(cents)
    return text[:-3] if text.endswith(",00") else text


def format_euro(cents: int | None, *, with_sign: bool = True) -> str:
    """``123456`` → ``€ 1.234,56``; ``None`` → empty."""
    if cents is None:
        return ""
    negative = cents < 0
    euros, rest = divmod(abs(cents), 100)
    grouped = f"{euros:,}".replace(",", ".")
    text = f"{grouped},{rest:02d}"
    if negative:
        text = "-" + text
    return f"€ {text}" if with_sign else text


_EURO_RE = re.compile(r"^(?P<int>\d{1,3}(?:\.\d{3})+|\d+)(?:,(?P<dec>\d{1,2}|-{1,2}))?$")


def parse_euro(text: str) -> int | None:
    """Parse a Dutch euro amount into cents. Empty input gives ``None``.

    Accepts ``1234``, ``1.234``, ``1.234,5``, ``1234,56``, ``€ 1.234,-`` and surrounding spaces.
    Refuses negative amounts, more than two decimals, English notation such as ``1,234.56`` and
    anything else.
    """
    raw = text.strip().replace("\u00a0", " ")
    if not raw:
        return None
    if raw.startswith("€"):
        raw = raw[1:].strip()
    raw = raw.replace(" ", "")
    if raw.startswith("-"):
        raise ValueError("Een bedrag kan niet negatief zijn.")
    match = _EURO_RE.match(raw)
    if not match:
        raise ValueError(
            "Geen geldig bedrag. Gebruik Nederlandse notatie, bijvoorbeeld 12.500 of 12.500,50."
        )
    euros = int(match.group("int").replace(".", ""))
    dec = match.group("dec") or "0"
    cents = 0 if dec.startswith("-") else int(dec.ljust(2, "0"))
    total = euros * 100 + cents
    if total >= MAX_CENTS:
        raise ValueError("Dit bedrag is onwaarschijnlijk groot. Controleer het aantal cijfers.")
    return total


def format_date(value: dt.date | None) -> str:
    """``2025-03-01`` → ``01-03-2025``; ``None`` → empty."""
    return value.strftime("%d-%m-%Y") if value else ""


def format_date_long(value: dt.date | None) -> str:
    """``2025-03-01`` → ``1 maart 2025``."""
    if not value:
        return ""
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


_DATE_RE = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")


def parse_date(text: str) -> dt.date | None:
    """Parse ``dd-mm-jjjj`` (also with / or .). Empty gives ``None``."""
    raw = text.strip()
    if not raw:
        return None
    match = _DATE_RE.match(raw)
    if not match:
        raise ValueError("Geen geldige datum. Gebruik dd-mm-jjjj, bijvoorbeeld 01-03-2026.")
    day, month, year = (int(g) for g in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValueError(f"De datum {raw} bestaat niet.") from None


_PARTIAL_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def is_partial_date(text: str) -> bool:
    """True for ``2019``, ``2019-04`` or ``2019-04-15`` (a real date)."""
    match = _PARTIAL_RE.match(text)
    if not match:
        return False
    year, month, day = match.groups()
    try:
        dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return False
    return True


def format_partial_date(text: str) -> str:
    """``2019-04`` → ``april 2019``; ``2019-04-15`` → ``15 april 2019``; empty → ``onbekend``."""
    if not text:
        return "datum onbekend"
    match = _PARTIAL_RE.match(text)
    if not match:
        return text
    year, month, day = match.groups()
    if day:
        return f"{int(day)} {MONTHS[int(month) - 1]} {year}"
    if month:
        return f"{MONTHS[int(month) - 1]} {year}"
    return year


_COUNT_RE = re.compile(r"[0-9]+|[0-9]{1,3}(?:\.[0-9]{3})+")


def parse_count(text: str) -> int | None:
    """A whole, non-negative number of people (``1.200`` with dots between thousands allowed).
    Empty gives ``None``. ``1.5`` or ``12.00`` is refused: it is no whole number of people."""
    raw = text.strip().replace(" ", "")
    if not raw:
        return None
    if not _COUNT_RE.fullmatch(raw):
        raise ValueError("Vul een heel, positief aantal in, bijvoorbeeld 120 of 1.200.")
    return int(raw.replace(".", ""))


def format_count(value: int | None) -> str:
    return "" if value is None else f"{value:,}".replace(",", ".")


def join_dutch(items: list[str]) -> str:
    """``a``, ``a en b``, ``a, b en c``."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " en " + items[-1]
