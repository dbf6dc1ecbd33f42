"""The Linux bundle's smaller ICU data library (packaging/icu_data.py) answers as the full one.

Qt's ICU is made to load the smaller library with ``LD_PRELOAD`` (same soname) in a fresh
process that runs ``packaging/icu_check.py``: Dutch and English collation, case mapping, time
zone names and codecs must come out the same as with PySide6's own 31 MB data library.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGING = Path(__file__).resolve().parents[1] / "packaging"


def _module(name: str):
    spec = importlib.util.spec_from_file_location(f"packaging_{name}", PACKAGING / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def _qt_icu_data() -> Path | None:
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not sys.platform.startswith("linux"):
        return None
    found = sorted((Path(spec.origin).parent / "Qt" / "lib").glob("libicudata.so.*"))
    return found[0] if found else None


FULL = _qt_icu_data()
pytestmark = pytest.mark.skipif(
    FULL is None or shutil.which("gcc") is None, reason="needs Linux, PySide6's own ICU and gcc"
)
icu_data = _module("icu_data")


def run_check(preload: Path | None) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "LD_PRELOAD"}
    if preload is not None:
        env["LD_PRELOAD"] = str(preload)
    done = subprocess.run([sys.executable, str(PACKAGING / "icu_check.py")], env=env,
                          capture_output=True, text=True, timeout=120, check=True)
    return json.loads(done.stdout)


def test_the_package_is_read_and_written_back_byte_for_byte():
    symbol, data = icu_data.read_library(FULL)
    assert symbol.startswith("icudt") and symbol.endswith("_dat")
    assert icu_data.parse_package(data).write() == data


def test_what_is_kept():
    kept = ["coll/nl.res", "coll/root.res", "coll/ucadata.icu", "zone/nl.res", "zone/pool.res",
            "nl.res", "en_US_POSIX.res", "root.res", "res_index.res", "pool.res", "supplementalData.res",
            "zoneinfo64.res", "metaZones.res", "cnvalias.icu", "ibm-5348_P100-1997.cnv", "nfkc.nrm"]
    dropped = ["coll/de.res", "coll/zh.res", "zone/fr.res", "de.res", "brkitr/cjdict.dict",
               "brkitr/word.brk", "translit/root.res", "curr/nl.res", "unit/root.res",
               "ibm-943_P15A-2003.cnv", "unames.icu"]
    assert [name for name in kept if not icu_data.keep(name)] == []
    assert [name for name in dropped if icu_data.keep(name)] == []


def test_the_smaller_library_answers_as_the_full_one(tmp_path):
    target = tmp_path / FULL.name
    full, kept = icu_data.trim_library(FULL, target)
    assert target.stat().st_size < 5_000_000 < FULL.stat().st_size
    assert {name for name, _ in kept.items} <= {name for name, _ in full.items}
    with_full, with_smaller = run_check(None), run_check(target)
    assert with_smaller["icu_data"] == [str(target)]  # the smaller library was really used
    assert with_full["icu_data"] == [str(FULL)]
    assert with_full["problems"] == [] and with_smaller["problems"] == []
    assert with_smaller["available_codecs"] < with_full["available_codecs"]
    for key in ("icu_data", "available_codecs"):
        del with_full[key], with_smaller[key]
    assert with_smaller == with_full
