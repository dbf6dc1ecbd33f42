"""The Dutch stemmer is loaded on its own, and stems exactly as the package's public way does."""

from __future__ import annotations

import subprocess
import sys
import textwrap

WORDS = ["eenzaam", "eenzame", "eenzaamheid", "groot", "grote", "ouderen", "oudere", "sporten",
         "bewegen", "beweging", "mantelzorgers", "kinderen", "opvoeding", "weerbaarheid", "ĳs"]


def _run(code: str) -> str:
    result = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True,
                            text=True, check=True)
    return result.stdout.strip()


def test_stems_equal_the_public_stemmer_and_no_other_language_is_loaded():
    ours = _run(f"""
        import sys
        from gala_desktop.catalogue import textnorm
        print([textnorm.stem(w) for w in {WORDS!r}])
        print(sorted(m for m in sys.modules if m.startswith("snowballstemmer.")))
    """).splitlines()
    public = _run(f"""
        import snowballstemmer
        s = snowballstemmer.stemmer("dutch_porter")
        print([s.stemWord(w) for w in {WORDS!r}])
    """)
    assert ours[0] == public
    assert eval(ours[0])[:2] == ["eenzam", "eenzam"]
    loaded = eval(ours[1])
    assert "snowballstemmer.dutch_porter_stemmer" in loaded
    assert not [m for m in loaded if m.endswith("_stemmer") and "dutch_porter" not in m]


def test_loading_the_dutch_stemmer_alone_leaves_the_package_whole():
    """Only the Dutch stemmer is loaded, without the package's __init__; a later import of the
    package (by another library) still gets the whole package."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from gala_desktop.catalogue import textnorm\n"
        "assert textnorm.stem('ouderen') == 'ouder'\n"
        "assert 'snowballstemmer.dutch_porter_stemmer' in sys.modules\n"
        "import snowballstemmer\n"
        "print(snowballstemmer.stemmer('english').stemWord('running'))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "run"
