"""What Qt does with ICU's data, as JSON: to compare the bundle's smaller ICU data with ICU's own.

    LD_PRELOAD=$(ls build/dist/gala-desktop/_internal/PySide6/Qt/lib/libicudata.so.*) \\
        .venv/bin/python packaging/icu_check.py

With ``LD_PRELOAD`` the process uses that ``libicudata.so.NN`` (same soname, so Qt's ICU takes
it instead of its own); without it, the full data that comes with PySide6. The report covers
every ICU service Qt Core calls: Dutch and English collation (QCollator: the order and every pairwise comparison),
case mapping, time zones and codecs; ``check`` asserts the Dutch answers.
"""

from __future__ import annotations

import json
import re
import sys
from functools import cmp_to_key
from pathlib import Path

from PySide6.QtCore import QCollator, QLocale, QStringDecoder, QStringEncoder, Qt, QTimeZone

ICU_DATA = re.compile(r"libicudata\.so\.\d+$")  # whichever ICU version the PySide6 wheel carries
DUTCH = QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands)
WORDS = [
    "zoeken", "Zoë", "zeef", "IJsselmeer", "ijzer", "ĳs", "Ieper", "idee", "ezel", "eend", "één",
    "Ångström", "appel", "Appel", "à la carte", "Çanakkale", "coöperatie", "cooperatie", "yoga",
    "Ymuiden", "'s-Gravenhage", "sociale basis", "sociaal", "Sociaal-Domein", "buurtcoach",
    "buurt-coach", "Buurtcoach", "straat", "Straße", "2 dagen", "10 dagen", "œuvre",
]
# The Dutch order (CLDR's, which for Dutch is the root order): "ĳ" and "IJ" as "i" + "j";
# accents, then case, only where the letters are equal; lower case first.
EXPECTED_DUTCH = [
    "'s-Gravenhage", "10 dagen", "2 dagen", "à la carte", "Ångström", "appel", "Appel", "buurt-coach",
    "buurtcoach", "Buurtcoach", "Çanakkale", "cooperatie", "coöperatie", "één", "eend", "ezel", "idee",
    "Ieper", "ĳs", "IJsselmeer", "ijzer", "œuvre", "sociaal", "Sociaal-Domein", "sociale basis",
    "straat", "Straße", "Ymuiden", "yoga", "zeef", "Zoë", "zoeken",
]


def collation(locale: QLocale, numeric: bool = False) -> dict:
    collator = QCollator(locale)
    collator.setNumericMode(numeric)
    return {
        "order": sorted(WORDS, key=cmp_to_key(collator.compare)),
        "compare": [[collator.compare(a, b) for b in WORDS] for a in WORDS],
    }


def report() -> dict:
    insensitive = QCollator(DUTCH)
    insensitive.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    amsterdam = QTimeZone(b"Europe/Amsterdam")
    codecs = {name: QStringEncoder(name).isValid() and QStringDecoder(name).isValid()
              for name in ("windows-1252", "ISO-8859-15", "ISO-8859-1", "UTF-8")}
    return {
        "icu_data": sorted({line.split()[-1] for line in Path("/proc/self/maps").read_text().splitlines()
                            if ICU_DATA.search(line.rstrip())}),
        "nl": collation(DUTCH),
        "nl_numeric": collation(DUTCH, numeric=True)["order"],
        "en": collation(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)),
        "c": collation(QLocale.c()),
        "case_insensitive_equal": insensitive.compare("IJsselmeer", "ijsselmeer"),
        "upper": DUTCH.toUpper("ĳsselmeer straße één"),
        "lower": DUTCH.toLower("IJSSELMEER ÉÉN"),
        "turkish_upper": QLocale(QLocale.Language.Turkish).toUpper("istanbul"),
        "zone_id": bytes(amsterdam.id()).decode(),
        "zone_names": [amsterdam.displayName(QTimeZone.TimeType.StandardTime, QTimeZone.NameType.LongName, DUTCH),
                       amsterdam.displayName(QTimeZone.TimeType.DaylightTime, QTimeZone.NameType.LongName, DUTCH)],
        "codecs": codecs,
        "available_codecs": len(QStringEncoder.availableCodecs()),
    }


def check(result: dict) -> list[str]:
    problems = []
    if result["nl"]["order"] != EXPECTED_DUTCH:
        problems.append(f"Dutch order: {result['nl']['order']}")
    numeric = result["nl_numeric"]
    if numeric.index("2 dagen") > numeric.index("10 dagen"):
        problems.append(f"numeric order: {numeric}")
    if result["case_insensitive_equal"] != 0:
        problems.append("case-insensitive comparison of IJsselmeer and ijsselmeer")
    if result["upper"] != "ĲSSELMEER STRASSE ÉÉN" or result["lower"] != "ijsselmeer één":
        problems.append(f"case mapping: {result['upper']!r} {result['lower']!r}")
    if result["turkish_upper"] != "İSTANBUL":
        problems.append(f"Turkish upper case: {result['turkish_upper']!r}")
    if result["zone_names"] != ["Midden-Europese standaardtijd", "Midden-Europese zomertijd"]:
        problems.append(f"Dutch time zone names: {result['zone_names']}")
    if not all(result["codecs"].values()):
        problems.append(f"codecs: {result['codecs']}")
    return problems


if __name__ == "__main__":
    outcome = report()
    outcome["problems"] = check(outcome)
    json.dump(outcome, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
