"""A smaller ICU data library for the Linux bundle: only what Qt uses, for Dutch and English.

Qt Core (PySide6's own build) links ICU and calls it for exactly four things — the imports of
``libQt6Core.so.6`` show it (``nm -D --undefined-only``): collation (``ucol_*``: QCollator,
``QString::localeAwareCompare``, the file dialog's sorting), case mapping (``u_strToUpper``/
``u_strToLower``), time zones (``ucal_*``: canonical ids and display names) and text codecs
(``ucnv_*``: QStringConverter for encodings Qt has no built-in codec for). No other library in
the bundle links ICU. Everything else in ICU's 31 MB data library — break-iterator
dictionaries, transliterators, number spell-out, currency, unit, language and region names, and
all other locales — is never read.

``libicudata.so.73`` is nothing but one exported symbol, ``icudt73_dat``: an ICU *common data*
package (a table of contents of named items followed by the items, each 16-byte aligned). This
module reads that package out of the library, keeps the items :func:`keep` accepts (in the
same, sorted order), and links a replacement library with the same soname and symbol using
``gcc``. ICU treats a locale bundle it cannot find as missing and falls back to the parent
locale and then ``root``, so leaving out locales changes nothing for ``nl``, ``en`` and ``root``.

    python packaging/icu_data.py SOURCE_LIBRARY TARGET_LIBRARY   # prints what was kept

Only the standard library and ``gcc`` (which also brings ``as`` and ``ld``) are needed.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

# The locales whose data stays: the program is Dutch; English and en_US_POSIX are ICU's
# fallback and default locale (what ICU uses for LANG=C), root is every bundle's last parent.
KEEP_LOCALES = frozenset({"root", "nl", "nl_NL", "en", "en_001", "en_150", "en_GB", "en_US", "en_US_POSIX"})
# Data trees Qt never reads: break iterators (and their CJK/Thai dictionaries),
# transliteration, rule-based number formats, currency and unit names.
DROP_TREES = frozenset({"brkitr", "translit", "rbnf", "curr", "unit"})
# Converters are loaded by name only when asked for; Qt has built-in UTF-8/16/32 and Latin-1.
# Kept: Windows-1252 and ISO-8859-15, the other encodings of Dutch text.
KEEP_CONVERTERS = frozenset({"ibm-5348_P100-1997.cnv", "ibm-923_P100-1998.cnv"})
DROP_ITEMS = frozenset({"unames.icu"})  # Unicode character names (u_charName), never asked for
# Item names that look like locale ids but are not: each tree's string pool and locale index.
NOT_LOCALES = frozenset({"pool", "res_index"})
_LOCALE = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]+)*$")
_SYMBOL = re.compile(rb"^icudt\d+_dat$")
_PAD = b"\xaa"  # what ICU's own package tool pads with


def keep(name: str) -> bool:
    """Whether the item ``name`` (without the package prefix, e.g. ``coll/nl.res``) stays."""
    tree, _, base = name.rpartition("/")
    stem, _, extension = base.rpartition(".")
    if tree in DROP_TREES or base in DROP_ITEMS:
        return False
    if extension == "cnv":
        return base in KEEP_CONVERTERS
    if extension == "res" and _LOCALE.match(stem) and stem not in NOT_LOCALES:
        return stem in KEEP_LOCALES
    return True


@dataclass
class Package:
    header: bytes  # ICU's DataHeader: size, magic, UDataInfo ("CmnD"), copyright text
    prefix: str  # e.g. "icudt73l/"
    items: list[tuple[str, bytes]]  # (name without prefix, bytes) in table-of-contents order

    def size(self) -> int:
        return len(self.write())

    def write(self) -> bytes:
        names = b"".join((self.prefix + name).encode("ascii") + b"\0" for name, _ in self.items)
        toc_size = 4 + 8 * len(self.items)
        offset = _align(toc_size + len(names))
        entries, body, name_offset = [], bytearray(), toc_size
        for name, data in self.items:
            entries.append(struct.pack("<II", name_offset, offset + len(body)))
            name_offset += len(self.prefix + name) + 1
            body += data + _PAD * (_align(len(data)) - len(data))
        toc = struct.pack("<I", len(self.items)) + b"".join(entries) + names
        return self.header + toc + _PAD * (offset - len(toc)) + bytes(body)


def _align(n: int) -> int:
    return (n + 15) & ~15


def parse_package(data: bytes) -> Package:
    header_size, magic1, magic2 = struct.unpack_from("<HBB", data)
    if (magic1, magic2) != (0xDA, 0x27) or data[12:16] != b"CmnD" or data[8] != 0:
        raise ValueError("not a little-endian ICU common data package")
    toc = data[header_size:]
    (count,) = struct.unpack_from("<I", toc)
    entries = [struct.unpack_from("<II", toc, 4 + 8 * i) for i in range(count)]
    names = [toc[n : toc.index(b"\0", n)].decode("ascii") for n, _ in entries]
    prefix = names[0].split("/", 1)[0] + "/"
    if not all(name.startswith(prefix) for name in names):
        raise ValueError("the package's items do not share one prefix")
    ends = [offset for _, offset in entries[1:]] + [len(toc)]
    items = [(name[len(prefix) :], toc[offset:end]) for name, (_, offset), end in zip(names, entries, ends)]
    return Package(data[:header_size], prefix, items)


def read_library(path: Path) -> tuple[str, bytes]:
    """The name of the exported ``icudtNN_dat`` symbol of an ELF64 library and its bytes."""
    elf = Path(path).read_bytes()
    if elf[:4] != b"\x7fELF" or elf[4] != 2 or elf[5] != 1:
        raise ValueError(f"{path} is not a little-endian 64-bit ELF library")
    shoff, = struct.unpack_from("<Q", elf, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", elf, 0x3A)
    sections = [struct.unpack_from("<IIQQQQIIQQ", elf, shoff + i * shentsize) for i in range(shnum)]
    for _name, kind, _flags, _addr, offset, size, link, _info, _align_, entsize in sections:
        if kind != 11:  # SHT_DYNSYM
            continue
        strtab = sections[link][4]
        for position in range(offset, offset + size, entsize):
            st_name, _st_info, _st_other, shndx, value, symbol_size = struct.unpack_from("<IBBHQQ", elf, position)
            name = elf[strtab + st_name : elf.index(b"\0", strtab + st_name)]
            if _SYMBOL.match(name) and 0 < shndx < len(sections):
                section = sections[shndx]
                start = value - section[3] + section[4]
                return name.decode("ascii"), elf[start : start + symbol_size]
    raise ValueError(f"{path} exports no ICU data symbol (icudtNN_dat)")


def link_library(symbol: str, package: bytes, soname: str, target: Path) -> None:
    """Write a shared library exporting ``symbol`` = ``package`` (read-only, 16-byte aligned)."""
    gcc = shutil.which("gcc") or shutil.which("cc")
    if gcc is None:
        raise RuntimeError("gcc is needed to link the smaller ICU data library")
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "icudata.bin"
        data.write_bytes(package)
        source = Path(folder) / "icudata.S"
        source.write_text(
            f"""    .section .rodata
    .balign 16
    .globl {symbol}
    .type {symbol}, @object
    .size {symbol}, {len(package)}
{symbol}:
    .incbin "{data}"
    .section .note.GNU-stack,"",@progbits
""",
            encoding="ascii",
        )
        subprocess.run(
            [gcc, "-shared", "-nostdlib", f"-Wl,-soname,{soname}", "-Wl,-z,noexecstack",
             "-o", str(target), str(source)],
            check=True,
        )


def trim_library(source: Path, target: Path) -> tuple[Package, Package]:
    """Write the smaller library to ``target``; returns the full and the kept package."""
    symbol, data = read_library(source)
    full = parse_package(data)
    kept = Package(full.header, full.prefix, [(name, item) for name, item in full.items if keep(name)])
    target.parent.mkdir(parents=True, exist_ok=True)
    link_library(symbol, kept.write(), Path(source).name, target)
    if read_library(target) != (symbol, kept.write()):
        raise RuntimeError(f"{target} does not hold the package that was written")
    return full, kept


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("gebruik: python packaging/icu_data.py BRON_BIBLIOTHEEK DOEL_BIBLIOTHEEK", file=sys.stderr)
        return 2
    full, kept = trim_library(Path(argv[0]), Path(argv[1]))
    print(f"ICU data: {len(kept.items)} of {len(full.items)} items kept, "
          f"{kept.size() / 1e6:.1f} of {full.size() / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
