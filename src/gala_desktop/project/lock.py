"""Lock files beside open projects, as office suites make them. No Qt here.

Opening ``plan.gala`` writes ``.~lock.plan.gala#`` in the same folder: a small JSON document
saying who has the file open (user, computer, process, since when). A second opener — another
instance on this computer or a colleague on the share — reads it and can tell the officer who
has the file. A lock is *stale* when its process is gone (on this computer) or, for a lock of
another computer, when its holder has not refreshed it for :data:`STALE_AFTER`; the holder
touches it every minute while the project is open. The format is described in
``docs/project-format.md``.

The same locks guard recovery files (``project/recovery.py``): a recovery file whose lock is
live belongs to a running instance and is never offered to another one.
"""

from __future__ import annotations

import datetime as dt
import functools
import getpass
import json
import logging
import os
import sys
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

LOCK_FORMAT = "gala-desktop-lock"
LOCK_PREFIX = ".~lock."
LOCK_SUFFIX = "#"
# A lock of another computer that was not refreshed for this long belongs to a program that
# stopped (crash, power cut, sleeping laptop). Its holder refreshes it every minute.
STALE_AFTER = dt.timedelta(hours=2)
MAX_LOCK_BYTES = 4096

_OPEN_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)


def lock_path(path: Path | str) -> Path:
    """``H:/Beleid/plan.gala`` → ``H:/Beleid/.~lock.plan.gala#``."""
    path = Path(path)
    return path.with_name(f"{LOCK_PREFIX}{path.name}{LOCK_SUFFIX}")


# ---------------------------------------------------------------------------------------------
# Who we are


@functools.cache
def _display_name() -> str:
    """The person's full name where the system knows it, else the login name. Asked once per
    program run: on Windows the full name may come from the domain controller, slow when the
    laptop is offline, and the lock is written at every open and save."""
    login = ""
    try:
        login = getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name in the environment
        pass
    if sys.platform == "win32":  # pragma: no cover - Windows only
        try:
            import ctypes

            size = ctypes.c_ulong(256)
            buffer = ctypes.create_unicode_buffer(256)
            if ctypes.windll.secur32.GetUserNameExW(3, buffer, ctypes.byref(size)) and buffer.value:
                return buffer.value  # NameDisplay, e.g. "Marieke Smit"
        except Exception:  # noqa: BLE001
            pass
        return login or "onbekende gebruiker"
    try:
        import pwd

        gecos = pwd.getpwuid(os.getuid()).pw_gecos.split(",")[0].strip()
        if gecos:
            return gecos
    except Exception:  # noqa: BLE001
        pass
    return login or "onbekende gebruiker"


def computer_name() -> str:
    if hasattr(os, "uname"):  # what gethostname() returns there, without loading ``socket``
        name = os.uname().nodename
    else:
        import socket

        name = socket.gethostname()
    return name or "onbekende computer"


def _now() -> dt.datetime:
    return dt.datetime.now().astimezone().replace(microsecond=0)


def process_alive(pid: int) -> bool:
    """Whether a process with this id runs on this computer."""
    if pid <= 0:
        return False
    if pid == os.getpid():
        return True
    if sys.platform == "win32":  # pragma: no cover - Windows only
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)  # QUERY_LIMITED_INFORMATION
        if not handle:
            return ctypes.GetLastError() == 5  # access denied: it exists
        code = ctypes.c_ulong()
        try:
            ctypes.windll.kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        finally:
            ctypes.windll.kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    except OSError:
        return False
    return True


def process_start(pid: int) -> str:
    """What identifies the start of the process with this id on this computer, "" when unknown:
    on Linux the boot and the clock tick it started at, on Windows its creation time. It does not
    move when the clock is set, so a lock that names its writer's start tells a reused process
    id apart (after a crash and a restart, ids come round again, even to this program)."""
    try:
        if sys.platform == "win32":  # pragma: no cover - Windows only
            return _windows_process_start(pid)
        if sys.platform.startswith("linux"):
            return _linux_process_start(pid)
    except (OSError, ValueError, IndexError):
        return ""
    return ""


@functools.cache
def _linux_boot_id() -> str:
    with open("/proc/sys/kernel/random/boot_id", encoding="ascii") as fh:
        return fh.read().strip()


def _linux_process_start(pid: int) -> str:
    with open(f"/proc/{pid}/stat", "rb") as fh:
        fields = fh.read().rsplit(b")", 1)[1].split()  # after "pid (name)", which may hold spaces
    return f"linux:{_linux_boot_id()}:{int(fields[19])}"  # field 22: start, in ticks after boot


def _windows_process_start(pid: int) -> str:  # pragma: no cover - Windows only
    import ctypes
    from ctypes import wintypes

    kernel32 = ctypes.windll.kernel32
    handle = kernel32.OpenProcess(0x1000, False, pid)  # QUERY_LIMITED_INFORMATION
    if not handle:
        return ""
    try:
        times = [wintypes.FILETIME() for _ in range(4)]
        if not kernel32.GetProcessTimes(handle, *(ctypes.byref(t) for t in times)):
            return ""
        return f"windows:{times[0].dwHighDateTime << 32 | times[0].dwLowDateTime}"
    finally:
        kernel32.CloseHandle(handle)


@functools.cache
def _my_start() -> str:
    return process_start(os.getpid())


def _start_time(start: str) -> dt.datetime | None:
    """The wall-clock time of a ``process_start`` (for locks of earlier versions, which name
    no start: only a comparison with their ``since`` is left)."""
    try:
        kind, _, value = start.partition(":")
        if kind == "windows":
            return dt.datetime.fromtimestamp(int(value) / 10_000_000 - 11_644_473_600).astimezone()
        if kind == "linux":
            ticks = int(value.rsplit(":", 1)[1])
            with open("/proc/stat", "rb") as fh:
                boot = next(float(line.split()[1]) for line in fh if line.startswith(b"btime "))
            return dt.datetime.fromtimestamp(boot + ticks / os.sysconf("SC_CLK_TCK")).astimezone()
    except (OSError, ValueError, IndexError, StopIteration, OverflowError):
        return None
    return None


# For a lock of an earlier version: a process that started this little after the lock's time
# still counts as its writer (clock resolution, a clock set back a little by a time sync).
START_TOLERANCE = dt.timedelta(minutes=2)


# ---------------------------------------------------------------------------------------------
# The lock document


@dataclass(frozen=True, slots=True)
class LockOwner:
    """Who holds (or held) a lock."""

    user: str
    computer: str
    pid: int
    since: dt.datetime
    session: str = ""
    started: str = ""  # ``process_start`` of the writing process ("" when unknown, or older)

    @classmethod
    def me(cls, session: str = "") -> "LockOwner":
        return cls(_display_name(), computer_name(), os.getpid(), _now(), session, _my_start())

    def to_bytes(self) -> bytes:
        document = {
            "format": LOCK_FORMAT,
            "user": self.user,
            "computer": self.computer,
            "pid": self.pid,
            "since": self.since.isoformat(),
            "session": self.session,
            "started": self.started,
        }
        return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")

    @property
    def on_this_computer(self) -> bool:
        return self.computer.casefold() == computer_name().casefold()

    def is_mine(self, session: str) -> bool:
        return bool(session) and self.session == session and self.on_this_computer and (
            self.pid == os.getpid()
        )


@dataclass(frozen=True, slots=True)
class LockInfo:
    """A lock found on disk: its owner (``None`` when unreadable) and when it was last touched."""

    path: Path
    owner: LockOwner | None
    touched: dt.datetime

    def is_stale(self, now: dt.datetime | None = None) -> bool:
        """Gone process on this computer (or its id now used by a process that started after
        the lock was written), or no sign of life for :data:`STALE_AFTER` elsewhere."""
        if self.owner is not None and self.owner.on_this_computer:
            if not process_alive(self.owner.pid):
                return True
            # alive, but is it the writer?
            started = process_start(self.owner.pid)
            if not started:
                return False  # cannot tell: taken as the writer
            if self.owner.started:
                return started != self.owner.started
            # a lock of an earlier version names no start: a process that started well after
            # the lock was written cannot have written it
            when = _start_time(started)
            return when is not None and when > self.owner.since + START_TOLERANCE
        now = now or _now()
        return now - self.touched > STALE_AFTER

    def describe(self) -> str:
        """``Marieke Smit op LAPTOP-123 sinds 10:42`` (date added when not today)."""
        if self.owner is None:
            return f"een onbekende gebruiker sinds {_when(self.touched)}"
        return f"{self.owner.user} op {self.owner.computer} sinds {_when(self.owner.since)}"


def _when(moment: dt.datetime) -> str:
    local = moment.astimezone()
    if local.date() == dt.date.today():
        return f"{local:%H:%M}"
    return f"{local:%d-%m-%Y %H:%M}"


def _parse_owner(raw: bytes) -> LockOwner | None:
    try:
        data = json.loads(raw.decode("utf-8"))
        if not isinstance(data, dict) or data.get("format") != LOCK_FORMAT:
            return None
        since = dt.datetime.fromisoformat(str(data["since"]))
        if since.tzinfo is None:
            since = since.astimezone()
        pid = data["pid"]
        if isinstance(pid, bool) or not isinstance(pid, int):
            return None
        return LockOwner(str(data["user"]), str(data["computer"]), pid, since,
                         str(data.get("session", "")), str(data.get("started", "")))
    except (ValueError, KeyError, TypeError, UnicodeDecodeError, OverflowError, RecursionError):
        return None


def _read_owner(file: Path) -> LockOwner | None:
    try:
        with open(file, "rb") as fh:
            return _parse_owner(fh.read(MAX_LOCK_BYTES))
    except OSError:
        return None


def read_lock(target: Path | str) -> LockInfo | None:
    """The lock on ``target``, or ``None`` when there is none. A lock file that exists but
    cannot be read (another user's permissions on a share) is a lock of an unknown owner:
    someone may have the project open."""
    file = lock_path(target)
    try:
        with open(file, "rb") as fh:
            touched = dt.datetime.fromtimestamp(os.fstat(fh.fileno()).st_mtime).astimezone()
            raw = fh.read(MAX_LOCK_BYTES)
    except FileNotFoundError:
        return None
    except OSError as exc:
        log.warning("lock file %s unreadable: %s", file, exc)
        try:
            touched = dt.datetime.fromtimestamp(file.stat().st_mtime).astimezone()
        except FileNotFoundError:
            return None
        except (OSError, ValueError, OverflowError):
            touched = _now()
        return LockInfo(file, None, touched)
    return LockInfo(file, _parse_owner(raw), touched)


# ---------------------------------------------------------------------------------------------
# Taking and releasing


class ProjectLock:
    """A lock this program holds. Release it when the project is closed."""

    def __init__(self, target: Path, owner: LockOwner) -> None:
        self.target = target
        self.path = lock_path(target)
        self.owner = owner

    def refresh(self) -> None:
        """Show that the holder is still alive (for openers on other computers)."""
        try:
            os.utime(self.path)
        except FileNotFoundError:  # removed by someone: put it back (best effort)
            try:
                _create(self.path, self.owner)
            except OSError as exc:  # the folder went away (a share disconnected)
                log.warning("lock %s not restored: %s", self.path, exc)
        except OSError as exc:
            log.warning("lock %s not refreshed: %s", self.path, exc)

    def release(self) -> None:
        """Remove the lock, but only while it is still ours."""
        info = read_lock(self.target)
        if info is None or info.owner != self.owner:
            return
        try:
            self.path.unlink()
        except FileNotFoundError:
            pass
        except OSError as exc:
            log.warning("lock %s not removed: %s", self.path, exc)


def _create(file: Path, owner: LockOwner) -> bool:
    """Create the lock file exclusively; ``False`` when one exists already."""
    try:
        fd = os.open(file, _OPEN_FLAGS, 0o666)
    except FileExistsError:
        return False
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(owner.to_bytes())
    except OSError:
        file.unlink(missing_ok=True)
        raise
    return True


def acquire(target: Path | str, owner: LockOwner) -> ProjectLock | LockInfo:
    """Take the lock on ``target``: the held lock, or the :class:`LockInfo` of its holder.

    A lock of the same session (the same file opened again) is simply taken over. Raises
    ``OSError`` when no lock can be written (a read-only folder, for instance).
    """
    target = Path(target)
    for _attempt in range(3):
        if _create(lock_path(target), owner):
            return ProjectLock(target, owner)
        info = read_lock(target)
        if info is None:
            continue  # removed in between: try again
        if info.owner is not None and info.owner.is_mine(owner.session):
            return take_over(target, info, owner)
        return info
    raise FileExistsError(lock_path(target))


def take_over(target: Path | str, stale: LockInfo, owner: LockOwner) -> ProjectLock | LockInfo:
    """Replace a stale lock by ours ("Toch openen").

    The stale file is first renamed to a unique name: when two openers take over at the same
    moment only one rename succeeds, and only that one creates the new lock. Returns the lock,
    or the :class:`LockInfo` of whoever won.
    """
    target = Path(target)
    file = lock_path(target)
    aside = file.with_name(f"{file.name}.{os.urandom(4).hex()}.oud")
    try:
        os.rename(file, aside)
    except FileNotFoundError:
        pass  # already gone
    except OSError as exc:
        log.warning("stale lock %s not moved: %s", file, exc)
    else:
        if _read_owner(aside) != stale.owner:  # someone else took it over first: give it back
            try:
                os.rename(aside, file)
            except OSError:
                pass
            return read_lock(target) or stale
        aside.unlink(missing_ok=True)
    if _create(file, owner):
        return ProjectLock(target, owner)
    return read_lock(target) or stale
