"""Why a file could not be read or written, in Dutch and without system jargon.

The operating system's own texts (``strerror``) are English on most machines; users see these
explanations instead, with the error's code name as the only technical trace for support.
"""

from __future__ import annotations

import errno
import os


def error_code(exc: OSError) -> str:
    """``ENOSPC`` and the like; the exception's class name when there is no errno."""
    return errno.errorcode.get(exc.errno, type(exc).__name__) if exc.errno else type(exc).__name__


def read_failure_reason(exc: OSError) -> str:
    """A Dutch explanation of why reading failed."""
    if isinstance(exc, FileNotFoundError):
        return "Het bestand bestaat niet (meer)."
    # Windows reports opening a folder as "access denied"
    if isinstance(exc, IsADirectoryError) or (
            isinstance(exc, PermissionError) and exc.filename and os.path.isdir(exc.filename)):
        return "Dit is een map, geen bestand."
    if isinstance(exc, PermissionError):
        return "U hebt geen toestemming om dit bestand te lezen, of het is vergrendeld."
    if exc.errno == errno.ELOOP:
        return "Dit is een snelkoppeling die naar zichzelf verwijst."
    return f"Het bestand kon niet worden gelezen (foutcode {error_code(exc)})."


# Windows reports a write-protected disk or share as "access denied" with this code.
_ERROR_WRITE_PROTECT = 19


def is_read_only_medium(exc: OSError) -> bool:
    """A read-only file system, share or write-protected disk (not a permission problem)."""
    return exc.errno == errno.EROFS or getattr(exc, "winerror", None) == _ERROR_WRITE_PROTECT


def write_failure_reason(exc: OSError) -> str:
    """A Dutch, jargon-free explanation of why writing failed."""
    code = exc.errno
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return "De schijf of uw opslagruimte is vol. Maak ruimte vrij of kies een andere plek."
    if is_read_only_medium(exc):
        return "Deze schijf of map is alleen-lezen. Kies een andere plek om op te slaan."
    if code in (errno.EACCES, errno.EPERM) or isinstance(exc, PermissionError):
        return (
            "U hebt geen toestemming om hier op te slaan, het bestand is alleen-lezen, of het is "
            "geopend in een ander programma. Sluit dat programma of kies een andere map."
        )
    if code == errno.ENOENT:
        return (
            "De map bestaat niet (meer). Misschien is een netwerkschijf of USB-stick losgekoppeld."
        )
    if code == errno.ENAMETOOLONG:
        return "De naam of de mapnaam is te lang. Kies een kortere naam of een andere map."
    if code == errno.EISDIR:
        return "Op deze plek staat al een map met dezelfde naam."
    return f"Er ging iets mis bij het schrijven (foutcode {error_code(exc)})."


# SQLite result codes (primary code in the low byte).
_SQLITE_IOERR, _SQLITE_FULL, _SQLITE_READONLY, _SQLITE_CANTOPEN = 10, 13, 8, 14


def database_write_reason(exc: Exception) -> str | None:
    """A Dutch explanation when writing an SQLite database failed (the error itself or one
    wrapped by SQLAlchemy as ``.orig``); ``None`` for anything else."""
    import sqlite3

    error = getattr(exc, "orig", exc)
    if not isinstance(error, sqlite3.Error):
        return None
    code = (getattr(error, "sqlite_errorcode", 0) or 0) & 0xFF
    if code == _SQLITE_FULL:
        return "De schijf of uw opslagruimte is vol. Maak ruimte vrij of kies een andere plek."
    if code == _SQLITE_IOERR:
        return (
            "Schrijven op de schijf is mislukt: de schijf is vol, het bestand wordt te groot voor "
            "deze schijf, of de schijf is niet meer bereikbaar. Maak ruimte vrij of kies een "
            "andere plek."
        )
    if code == _SQLITE_READONLY:
        return "Deze schijf of map is alleen-lezen. Kies een andere plek om op te slaan."
    if code == _SQLITE_CANTOPEN:
        return "Het bestand kan hier niet worden aangemaakt. Kies een andere plek."
    return f"Er ging iets mis bij het schrijven van de database ({type(error).__name__})."
