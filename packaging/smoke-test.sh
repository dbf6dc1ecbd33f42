#!/usr/bin/env bash
# Smoke-test a frozen GALA Desktop bundle, using only the frozen program.
#
#     bash packaging/smoke-test.sh BUNDLE_DIR [PYTHON]
#
# BUNDLE_DIR is the one-folder bundle (e.g. build/dist/gala-desktop). The program runs with an
# empty environment (no virtual environment, no PYTHONPATH, no display, a fresh HOME) from an
# unrelated working directory, so it can only use what is inside the bundle. PYTHON (default:
# .venv/bin/python, else python3) is used only to check the results: it needs pikepdf and pypdf.
set -euo pipefail

if [ $# -lt 1 ]; then
    echo "gebruik: $0 BUNDLE_DIR [PYTHON]" >&2
    exit 2
fi
REPO="$(cd "$(dirname "$0")/.." && pwd)"
BUNDLE="$(cd "$1" && pwd)"
PYTHON="${2:-}"
if [ -z "$PYTHON" ]; then
    if [ -x "$REPO/.venv/bin/python" ]; then PYTHON="$REPO/.venv/bin/python"; else PYTHON=python3; fi
fi
EXE="$BUNDLE/gala-desktop"
SAMPLE="$REPO/examples/voorbeeld-gemeente-lindeveen.gala"
[ -x "$EXE" ] || { echo "FAIL: no executable at $EXE" >&2; exit 1; }

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/home" "$WORK/cwd"
touch "$WORK/started"  # anything in the bundle newer than this was written by the program

# Run the frozen program with nothing from the build machine's Python set-up.
frozen() {
    (cd "$WORK/cwd" && env -i PATH=/usr/bin:/bin HOME="$WORK/home" LANG=C.UTF-8 \
        QT_QPA_PLATFORM=offscreen "$EXE" "$@")
}
step() { printf "%-64s" "$1"; }
ok() { echo "ok${1:+ ($1)}"; }
fail() { echo "FAIL"; echo "  $1" >&2; exit 1; }

echo "Smoke test of $BUNDLE ($(du -sh "$BUNDLE" | cut -f1))"

step "bundle holds catalogue, fonts, Qt texts, hyphenation, rl_accel"
for f in _internal/gala_desktop/shipped_data/catalogue.sqlite \
         _internal/gala_desktop/resources/fonts/DejaVuSans.ttf \
         _internal/gala_desktop/resources/icons/gala-desktop.png \
         _internal/PySide6/Qt/translations/qtbase_nl.qm \
         _internal/pyphen/dictionaries/hyph_nl_NL.dic \
         _internal/_rl_accel.abi3.so; do
    [ -f "$BUNDLE/$f" ] || fail "missing $f"
done
ok

step "the smaller ICU data and libsodium are in, cryptography is not"
ICU_DATA="$(find "$BUNDLE/_internal" -name 'libicudata.so.*' -type f | head -1)"
[ -n "$ICU_DATA" ] || fail "no libicudata in the bundle"
icu_mb=$(( $(stat -c %s "$ICU_DATA") / 1000000 ))
[ "$icu_mb" -lt 8 ] || fail "$ICU_DATA is $icu_mb MB: the full ICU data (packaging/icu_data.py did not run)"
[ -n "$(find "$BUNDLE/_internal/nacl" -name '_sodium*.so' 2>/dev/null)" ] || fail "PyNaCl's libsodium is missing"
[ ! -e "$BUNDLE/_internal/cryptography" ] || fail "cryptography is in the bundle"
ok "ICU data $icu_mb MB"

step "Dutch collation, case and time zones with the bundle's ICU data"
# Qt's own ICU calls (QCollator, QLocale::toUpper, QTimeZone, codecs), made to use the bundle's
# libicudata through LD_PRELOAD, must answer exactly as with ICU's full data.
"$PYTHON" -c "import PySide6" 2>/dev/null || fail "$PYTHON has no PySide6 to run the ICU check"
env -u LD_PRELOAD "$PYTHON" "$REPO/packaging/icu_check.py" >"$WORK/icu-full.json" \
    || fail "the ICU check failed with ICU's own data"
LD_PRELOAD="$ICU_DATA" "$PYTHON" "$REPO/packaging/icu_check.py" >"$WORK/icu-bundle.json" \
    || fail "the ICU check failed with the bundle's ICU data"
"$PYTHON" - "$WORK/icu-full.json" "$WORK/icu-bundle.json" "$ICU_DATA" <<'PY' || fail "the bundle's ICU data answers differently"
import json, sys
full, bundle = (json.load(open(p, encoding="utf-8")) for p in sys.argv[1:3])
assert bundle["icu_data"] == [sys.argv[3]], f"Qt used {bundle['icu_data']}, not the bundle's ICU data"
assert bundle["problems"] == [], bundle["problems"]
for key in ("icu_data", "available_codecs"):
    del full[key], bundle[key]
different = sorted(k for k in full if full[k] != bundle[k])
assert not different, f"different from ICU's own data: {different}"
PY
ok "$("$PYTHON" -c 'import json,sys; print(", ".join(json.load(open(sys.argv[1], encoding="utf-8"))["nl"]["order"][16:21]))' "$WORK/icu-bundle.json")"

step "--version"
version="$(frozen --version)" || fail "--version exited with $?"
[[ "$version" == "GALA Desktop "* ]] || fail "unexpected output: $version"
ok "$version"

step "catalogue export --format json (the catalogue opens)"
frozen catalogue export --format json --output "$WORK/catalogus.json" || fail "export exited with $?"
count="$("$PYTHON" -c 'import json, sys; print(len(json.load(open(sys.argv[1], encoding="utf-8"))["interventions"]))' "$WORK/catalogus.json")"
[ "$count" -ge 48 ] || fail "only $count interventions in the exported catalogue"
ok "$count interventions"

step "catalogue search mantelzorg (full-text search)"
if ! frozen catalogue --help | grep -q "search"; then
    fail "the frozen program has no 'catalogue search' command (gala_desktop/cli.py)"
fi
hits="$(frozen catalogue search mantelzorg 2>/dev/null)" || fail "search exited with $?"
# 'mantelzorg' must be found inside the compound 'Mantelscan' (trigram index, FTS5)
grep -q "^mantelscan	" <<<"$hits" || fail "search did not find mantelscan: $hits"
ok "$(grep -c . <<<"$hits") hits"

step "export of the sample project (headless PDF)"
[ -f "$SAMPLE" ] || fail "sample project missing: $SAMPLE"
frozen export "$SAMPLE" --output "$WORK/bijlage.pdf" >/dev/null || fail "export exited with $?"
"$PYTHON" - "$WORK/bijlage.pdf" <<'EOF' || fail "the PDF is not valid"
import sys

import pikepdf
from pypdf import PdfReader

path = sys.argv[1]
reader = PdfReader(path)
assert len(reader.pages) >= 2, f"only {len(reader.pages)} page(s)"
text = "".join(page.extract_text() or "" for page in reader.pages)
assert "Lindeveen" in text, "the sample municipality is not in the text"
with pikepdf.open(path) as pdf:
    for page in pdf.pages:
        for font in (page.Resources.get("/Font") or {}).values():
            descriptor = font.get("/FontDescriptor")
            if font.get("/Subtype") == "/Type0":
                descriptor = font.DescendantFonts[0].get("/FontDescriptor")
            assert descriptor is not None and any(
                k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")
            ), f"font {font.get('/BaseFont')} is not embedded"
try:
    from pikepdf import pdfa
except ImportError:
    pass
else:
    report = pdfa.validate_written(path, "2b")
    assert report.passed, report.summary()
EOF
ok "$("$PYTHON" -c 'import sys; from pypdf import PdfReader; print(len(PdfReader(sys.argv[1]).pages))' "$WORK/bijlage.pdf") pages, PDF/A-2b"

step "the window starts and stays up (offscreen, 8 s)"
set +e
(cd "$WORK/cwd" && env -i PATH=/usr/bin:/bin HOME="$WORK/home" LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen \
    timeout 8 "$EXE" >"$WORK/gui.log" 2>&1)
code=$?
set -e
[ "$code" -eq 124 ] || fail "the program ended early with code $code: $(cat "$WORK/gui.log")"
if grep -q "translations.*not found\|Traceback" "$WORK/gui.log"; then
    fail "problems while starting: $(cat "$WORK/gui.log")"
fi
ok

step "catalogue update files: signed, checked and refused (frozen)"
# A key pair and an update file made by the frozen program itself, from a copy of the shipped
# catalogue; then checked three ways: by the bundle as it is (an unknown key), by a hard-linked
# copy of the bundle that trusts the new key (the signature verifies, and the catalogue is the
# one already in use), and with the manifest changed after signing (the signature fails).
mkdir -p "$WORK/keys"
cp "$BUNDLE/_internal/gala_desktop/shipped_data/catalogue.sqlite" "$WORK/catalogue.sqlite"
frozen catalogue keygen --output "$WORK/keys/rooktest" >/dev/null || fail "keygen exited with $?"
frozen catalogue pack --key "$WORK/keys/rooktest.key" --catalogue "$WORK/catalogue.sqlite" \
    --output "$WORK/bijwerking.galacat" >/dev/null || fail "pack exited with $?"
"$PYTHON" - "$WORK/bijwerking.galacat" "$WORK/gewijzigd.galacat" <<'PY' || fail "could not prepare the changed update file"
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as src, zipfile.ZipFile(sys.argv[2], "w") as dst:
    for item in src.infolist():
        data = src.read(item)
        if item.filename == "manifest.json":
            data = data.replace(b'"title": "', b'"title": "X', 1)
        dst.writestr(item, data)
PY
refused() {  # refused EXE FILE EXPECTED: the program refuses FILE with a message containing EXPECTED
    local out
    if out="$(cd "$WORK/cwd" && env -i PATH=/usr/bin:/bin HOME="$WORK/home" LANG=C.UTF-8 \
            QT_QPA_PLATFORM=offscreen "$1" catalogue install "$2" 2>&1)"; then
        fail "$(basename "$2") was installed: $out"
    fi
    grep -q "$3" <<<"$out" || fail "$(basename "$2"): expected '$3', got: $out"
}
refused "$EXE" "$WORK/bijwerking.galacat" "sleutel die dit programma niet kent"
cp -al "$BUNDLE" "$WORK/trusting"
cp "$WORK/keys/rooktest.pub" "$WORK/trusting/_internal/gala_desktop/resources/catalogue-keys/"
refused "$WORK/trusting/gala-desktop" "$WORK/bijwerking.galacat" "is al in gebruik"
refused "$WORK/trusting/gala-desktop" "$WORK/gewijzigd.galacat" "De handtekening van .* klopt niet"
ok "unknown key; verified; changed after signing"

step "the window starts on X11 too (Xvfb, 8 s)"
if command -v xvfb-run >/dev/null; then
    set +e
    (cd "$WORK/cwd" && env -i PATH=/usr/bin:/bin HOME="$WORK/home" LANG=C.UTF-8 QT_QPA_PLATFORM=xcb \
        xvfb-run -a -s "-screen 0 1366x768x24" timeout 8 "$EXE" >"$WORK/gui-x11.log" 2>&1)
    code=$?
    set -e
    [ "$code" -eq 124 ] || fail "the program ended early with code $code: $(cat "$WORK/gui-x11.log")"
    if grep -q "Traceback\|Could not load\|cannot open shared object" "$WORK/gui-x11.log"; then
        fail "problems while starting: $(cat "$WORK/gui-x11.log")"
    fi
    ok
else
    ok "skipped: no xvfb-run"
fi

step "nothing written next to the program"
if [ -n "$(find "$BUNDLE" -newer "$WORK/started" -print -quit)" ]; then
    fail "files changed inside the bundle: $(find "$BUNDLE" -newer "$WORK/started" | head -5)"
fi
ok

echo "Smoke test passed."
