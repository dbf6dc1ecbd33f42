"""Project documents (``*.gala``): a UTF-8 JSON envelope around the :class:`Project`.

::

    {"format": "gala-desktop-project", "format_version": 3, "saved_with": "0.1.0",
     "project": {...}}

``project_to_dict`` / ``project_from_dict`` work on the whole envelope, so that
``project_from_dict(project_to_dict(p)) == p``. Older format versions are upgraded in memory by
the functions in ``_MIGRATIONS`` (the file itself is never rewritten on load). The format is
described in ``docs/project-format.md``.
"""

from __future__ import annotations

import copy
import json
import os
import stat as stat_module
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import gala_desktop
from gala_desktop.domain.project import Project
from gala_desktop.file_errors import read_failure_reason
from gala_desktop.project.atomic import atomic_write_bytes, backup_path
from gala_desktop.project.codec import project_body_from_dict, project_body_to_dict
from gala_desktop.project.stamp import FileStamp, changed_on_disk
from gala_desktop.project.errors import (
    CorruptProjectError,
    NewerFormatError,
    NotAProjectError,
    ProjectFileError,
    ProjectSaveError,
    UnreadableProjectError,
)

__all__ = [
    "FILE_SUFFIX",
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "CorruptProjectError",
    "NewerFormatError",
    "NotAProjectError",
    "ProjectFileError",
    "ProjectSaveError",
    "UnreadableProjectError",
    "document_bytes",
    "load_project",
    "load_project_file",
    "project_from_dict",
    "project_to_dict",
    "read_document",
    "save_project",
]

FORMAT_NAME = "gala-desktop-project"
FORMAT_VERSION = 3
FILE_SUFFIX = ".gala"

# Far above any real project (a large one is well under 1 MB); protects against opening a
# multi-gigabyte file chosen by mistake.
MAX_FILE_BYTES = 64 * 1024 * 1024

# Limits checked (without recursion) before any recursive step — migration, validation — so
# that a hand-made file cannot exhaust the stack or the memory. A real project is 6 levels
# deep and holds a few thousand values.
MAX_DEPTH = 32
MAX_VALUES = 2_000_000

# ``_MIGRATIONS[n]`` upgrades a whole document of format version ``n`` to version ``n + 1``.
# It receives a private deep copy and returns the upgraded document (``format_version`` is set
# by the loop). When FORMAT_VERSION is raised, add the step for the previous version here and a
# test with a real file of that version.


def _v1_no_own_interventions(data: dict) -> dict:
    """Version 2 adds own interventions (``snapshot.own_intervention``); a version-1 file has
    none, so it is valid version 2 as it is. (An older program would read an own intervention
    as a catalogue intervention that no longer exists, hence the new version.)"""
    return data


def _v2_single_budget_to_lines(data: dict) -> dict:
    """Version 2 → 3: an entry's one ``budget_cents`` becomes one budget line for the whole
    period (``year`` null) from the entry's funding source (``source`` null): the same amount
    with the same meaning. Shapes that are not understood are left for the reader to report."""
    project = data.get("project")
    shortlist = project.get("shortlist") if isinstance(project, dict) else None
    for entry in shortlist if isinstance(shortlist, list) else []:
        plan = entry.get("plan") if isinstance(entry, dict) else None
        if not isinstance(plan, dict) or "budget_cents" not in plan:
            continue
        cents = plan.pop("budget_cents")
        plan["budget"] = [] if cents is None else [
            {"year": None, "source": None, "budget_cents": cents}]
    return data


_MIGRATIONS: dict[int, Callable[[dict], dict]] = {
    1: _v1_no_own_interventions,
    2: _v2_single_budget_to_lines,
}


# ---------------------------------------------------------------------------------------------
# Envelope


def project_to_dict(project: Project) -> dict[str, Any]:
    """The complete document for ``project`` (JSON-ready, fixed key order)."""
    return {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "saved_with": gala_desktop.__version__,
        "project": project_body_to_dict(project),
    }


def _check_envelope(data: Any) -> int:
    """The document's format version; raises when it is not a (readable) project."""
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise NotAProjectError("Het bevat geen projectgegevens van GALA Desktop.")
    version = data.get("format_version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise CorruptProjectError("De bestandsversie (‘format_version’) ontbreekt of is ongeldig.")
    if version > FORMAT_VERSION:
        saved_with = data.get("saved_with")
        saved_with = f"versie {saved_with}" if isinstance(saved_with, str) and saved_with else ""
        raise NewerFormatError(
            f"Deze versie van GALA Desktop ({gala_desktop.__version__}) kan bestandsversie "
            f"{version} nog niet lezen. Werk GALA Desktop bij om dit project te openen.",
            file_version=version,
            saved_with=saved_with,
        )
    return version


def _migrate(data: dict[str, Any], version: int) -> dict[str, Any]:
    """Upgrade ``data`` step by step from ``version`` to ``FORMAT_VERSION`` (on a copy)."""
    if version == FORMAT_VERSION:
        return data
    data = copy.deepcopy(data)
    while version < FORMAT_VERSION:
        step = _MIGRATIONS.get(version)
        if step is None:
            raise CorruptProjectError(f"Bestandsversie {version} is onbekend.")
        try:
            data = step(data)
        except (KeyError, TypeError, ValueError, AttributeError, IndexError) as exc:
            raise CorruptProjectError(
                f"Het bestand kon niet worden omgezet van bestandsversie {version} naar "
                f"{version + 1}."
            ) from exc
        if not isinstance(data, dict):
            raise CorruptProjectError(f"Omzetten van bestandsversie {version} is mislukt.")
        version += 1
        data["format_version"] = version
    return data


def project_from_dict(data: Any) -> Project:
    """Decode a complete document (as made by :func:`project_to_dict`), migrating old versions.

    Raises :class:`NotAProjectError`, :class:`NewerFormatError` or :class:`CorruptProjectError`
    (without a file name; :func:`load_project` adds it).
    """
    check_shape(data)  # before any recursive step (the migration copies the document)
    version = _check_envelope(data)
    data = _migrate(data, version)
    if "project" not in data:
        raise CorruptProjectError("De projectgegevens (‘project’) ontbreken.")
    return project_body_from_dict(data["project"])


# ---------------------------------------------------------------------------------------------
# Bytes


def document_bytes(document: dict[str, Any]) -> bytes:
    """Serialise a document: UTF-8, indent 2, non-ASCII kept readable, trailing newline.

    A lone surrogate (possible in text pasted from a broken source) cannot be encoded as UTF-8;
    it is written as its JSON escape (``\\udXXX``) instead, which reads back to the same text.
    """
    text = json.dumps(document, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
    return text.encode("utf-8", errors="backslashreplace")


def _reject_constant(name: str) -> Any:
    raise ValueError(f"niet-toegestane waarde {name}")


class _DuplicateKey(ValueError):
    pass


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """JSON objects with a key twice are refused (instead of silently keeping the last)."""
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKey(key)
        result[key] = value
    return result


def check_shape(data: Any) -> None:
    """Refuse documents nested deeper than :data:`MAX_DEPTH` or with more than
    :data:`MAX_VALUES` values. Iterative, so it is safe on any input."""
    count = 0
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        count += 1
        if count > MAX_VALUES:
            raise CorruptProjectError("Het bestand bevat veel te veel gegevens voor een project.")
        if isinstance(value, (dict, list)):
            if depth > MAX_DEPTH:
                raise CorruptProjectError(
                    "De inhoud is niet geldig: de gegevens zijn veel dieper genest dan een "
                    "project kan zijn."
                )
            children = value.values() if isinstance(value, dict) else value
            stack.extend((child, depth + 1) for child in children)


def read_document(raw: bytes) -> Any:
    """Parse the bytes of a document file into JSON data; Dutch errors without a file name."""
    if len(raw) > MAX_FILE_BYTES:
        raise NotAProjectError("Het bestand is veel te groot voor een project.")
    if not raw.strip():
        raise CorruptProjectError("Het bestand is leeg.")
    try:
        text = raw.decode("utf-8-sig")  # tolerate a byte-order mark added by an editor
    except UnicodeDecodeError:
        raise CorruptProjectError("Het bestand bevat geen leesbare tekst.") from None
    try:
        data = json.loads(text, parse_constant=_reject_constant, object_pairs_hook=_unique_keys)
    except _DuplicateKey as exc:
        raise CorruptProjectError(
            f"De inhoud is niet geldig: het veld ‘{exc}’ staat twee keer in dezelfde groep "
            "gegevens."
        ) from None
    except json.JSONDecodeError as exc:
        if exc.pos >= len(text.rstrip()):
            raise CorruptProjectError(
                "Het bestand is onvolledig: het houdt midden in de gegevens op. Misschien is het "
                "opslaan of kopiëren onderbroken."
            ) from None
        raise CorruptProjectError(
            f"De inhoud is niet geldig (regel {exc.lineno}, positie {exc.colno})."
        ) from None
    except (ValueError, RecursionError):
        raise CorruptProjectError("De inhoud is niet geldig.") from None
    check_shape(data)
    return data


# ---------------------------------------------------------------------------------------------
# Files


_NOT_A_FILE = (
    "Dit is geen gewoon bestand (maar bijvoorbeeld een apparaat, een pijp of een socket). Kies "
    "een projectbestand."
)


def read_file_bytes(path: Path) -> bytes:
    """Read a whole (project) file; Dutch :class:`UnreadableProjectError` on failure."""
    return read_file_with_stat(path)[0]


def read_file_with_stat(path: Path) -> tuple[bytes, os.stat_result]:
    """Read a whole regular file and its status at that moment.

    A FIFO, device or socket is refused before anything is read: it is opened without waiting
    (``O_NONBLOCK``) and checked with ``fstat``, so a pipe named ``plan.gala`` cannot hang the
    program.
    """
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        try:
            if not stat_module.S_ISREG(os.stat(path).st_mode) and not Path(path).is_dir():
                raise UnreadableProjectError(_NOT_A_FILE, path)
        except FileNotFoundError:
            pass  # reported by the open below
        fd = os.open(path, flags)
        with os.fdopen(fd, "rb") as fh:
            status = os.fstat(fd)
            if stat_module.S_ISDIR(status.st_mode):
                raise IsADirectoryError(path)
            if not stat_module.S_ISREG(status.st_mode):
                raise UnreadableProjectError(_NOT_A_FILE, path)
            if hasattr(os, "set_blocking"):
                os.set_blocking(fd, True)
            return fh.read(MAX_FILE_BYTES + 1), status
    except FileNotFoundError:
        raise UnreadableProjectError(
            "Het bestand bestaat niet (meer). Misschien is het verplaatst, hernoemd of verwijderd.",
            path,
        ) from None
    except IsADirectoryError:
        raise UnreadableProjectError("Dit is een map, geen bestand.", path) from None
    except PermissionError:
        raise UnreadableProjectError(
            "U hebt geen toestemming om dit bestand te lezen, of het is vergrendeld door een "
            "ander programma.",
            path,
        ) from None
    except OSError as exc:
        raise UnreadableProjectError(
            read_failure_reason(exc), path
        ) from None


@dataclass(frozen=True, slots=True)
class LoadedProject:
    """A project as read from a file, with the stamp of the bytes it came from."""

    project: Project
    stamp: FileStamp


def load_project(path: Path | str) -> Project:
    """Read a ``.gala`` file. Never modifies it. Raises a :class:`ProjectFileError` subclass."""
    return load_project_file(path).project


def load_project_file(path: Path | str) -> LoadedProject:
    """Like :func:`load_project`, also returning the stamp of what was read (see ``stamp.py``)."""
    path = Path(path)
    raw, status = read_file_with_stat(path)
    return LoadedProject(_decode_file(raw, path), FileStamp.of(raw, status))


def _decode_file(raw: bytes, path: Path) -> Project:
    try:
        try:
            data = read_document(raw)
        except CorruptProjectError as exc:
            if path.suffix.lower() != FILE_SUFFIX:
                # Unreadable bytes in, say, a .docx: the user picked the wrong file.
                raise NotAProjectError("Het bevat geen projectgegevens van GALA Desktop.") from exc
            raise
        return project_from_dict(data)
    except CorruptProjectError as exc:
        error = exc.for_file(path)
        if backup_path(path).is_file():
            error.detail += (
                f" Er staat een reservekopie naast: ‘{backup_path(path).name}’. Maak daar een "
                f"kopie van en geef die de extensie {FILE_SUFFIX} om de vorige versie te openen."
            )
        raise error from exc
    except NotAProjectError as exc:
        error = exc.for_file(path)
        if path.suffix.lower() != FILE_SUFFIX:  # the wrong file picked; a .gala is another kind
            error.detail += f" Kies een bestand dat eindigt op {FILE_SUFFIX}."
        raise error from exc
    except ProjectFileError as exc:
        raise exc.for_file(path) from exc


def _refuse_overwriting_newer(path: Path) -> None:
    """Saving over a file written by a newer version would silently lose its data."""
    try:
        if not path.is_file() or path.stat().st_size > MAX_FILE_BYTES:
            return
        data = read_document(path.read_bytes())
        if isinstance(data, dict) and data.get("format") == FORMAT_NAME:
            _check_envelope(data)
    except NewerFormatError as exc:
        exc.detail = (
            "Opslaan met deze oudere versie zou de nieuwere gegevens overschrijven. Sla het "
            "project op onder een andere naam, of werk GALA Desktop bij."
        )
        raise exc.for_file(path) from None
    except (ProjectFileError, OSError):
        return  # unreadable or not ours: the normal save (and its .bak) handles it


def save_project(project: Project, path: Path | str) -> FileStamp:
    """Save atomically, keeping the previous file as ``<name>.gala.bak``; the stamp of the
    written file (to notice later outside changes).

    Raises :class:`ProjectSaveError` (or :class:`NewerFormatError` when the existing file was
    written by a newer version); the existing file is then unchanged and no temp file remains.
    """
    path = Path(path)
    data = document_bytes(project_to_dict(project))
    _refuse_overwriting_newer(path)
    atomic_write_bytes(path, data, keep_backup=True)
    try:
        status = path.stat()
    except OSError:
        status = os.stat_result((0,) * 10)
    return FileStamp.of(data, status)


def current_stamp(path: Path | str) -> FileStamp | None:
    """The stamp of the file as it is now (``None`` when it cannot be read)."""
    try:
        raw, status = read_file_with_stat(Path(path))
    except ProjectFileError:
        return None
    return FileStamp.of(raw, status)


def changed_since(path: Path | str, stamp: FileStamp | None) -> bool:
    """Whether the file at ``path`` differs from what was loaded or saved (``stamp``)."""
    return changed_on_disk(path, stamp, limit=MAX_FILE_BYTES)
