"""Size and nesting limits for catalogue source files, checked before the TOML parser runs.

``tomllib`` parses nested arrays and inline tables recursively: a hand-made file with a few
thousand ``[`` stops it with ``RecursionError``. :func:`limit_problem` measures the nesting in
one pass without recursion — skipping strings and comments, so brackets in text do not count —
and says, in the words of the other source problems, what is wrong.
"""

from __future__ import annotations

# A real intervention file is a few KB and nests 2 deep (a table in an array of tables).
MAX_SOURCE_BYTES = 1024 * 1024
MAX_NESTING = 20

_OPEN, _CLOSE = "[{", "]}"


def nesting_depth(text: str) -> int:
    """The deepest nesting of ``[`` / ``{`` outside strings and comments."""
    depth = deepest = 0
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "#":
            end = text.find("\n", i)
            i = n if end < 0 else end
            continue
        if c in "\"'":
            quote = c * 3 if text.startswith(c * 3, i) else c
            i += len(quote)
            while i < n and not text.startswith(quote, i):
                if c == '"' and text[i] == "\\":
                    i += 1  # an escaped character (in basic strings only)
                elif len(quote) == 1 and text[i] == "\n":
                    break  # an unclosed single-line string: the parser reports it
                i += 1
            i += len(quote)
            continue
        if c in _OPEN:
            depth += 1
            deepest = max(deepest, depth)
        elif c in _CLOSE:
            depth = max(depth - 1, 0)
        i += 1
    return deepest


def limit_problem(raw_size: int, text: str | None = None) -> str | None:
    """A Dutch problem text when the file is too big or nested too deep, else ``None``."""
    if raw_size > MAX_SOURCE_BYTES:
        return f"het bestand is veel te groot voor een bronbestand (meer dan {MAX_SOURCE_BYTES // 1024} kB)"
    if text is not None and nesting_depth(text) > MAX_NESTING:
        return f"geen geldige TOML: de gegevens zijn te diep genest (meer dan {MAX_NESTING} niveaus)"
    return None
