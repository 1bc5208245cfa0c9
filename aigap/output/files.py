"""Files aigap writes at a path the user names (a chart, an --svg picture).

Written atomically (a temporary file beside it, then renamed), and never over
a file aigap did not write: what aigap writes carries ``MARK`` near its start
(PNG and SVG metadata, an SVG comment), and an existing file without it is
refused. A temporary file left by a killed run is removed by the next write
into the same directory. A file that cannot be written exits 74.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from typing import BinaryIO

from aigap.core.errors import AigapError, OutputError, os_reason

MARK = "made by aigap"  # in every file aigap writes at a user's path
_HEAD = 64 * 1024  # where the mark is looked for: metadata comes first
_TMP = ".aigap-tmp."  # + pid + the file's name


def is_ours(path: str) -> bool:
    """Whether ``path`` is a regular file (not a link) that aigap wrote."""
    try:
        if not stat.S_ISREG(os.lstat(path).st_mode):
            return False
        with open(path, "rb") as f:
            return MARK.encode() in f.read(_HEAD)
    except OSError:
        return False


def check_target(path: str) -> None:
    """Refuse, before any work, a path holding something aigap did not write."""
    if os.path.lexists(path) and not is_ours(path):
        raise AigapError.said("error.file.not_ours", path=path)


def write_atomic(path: str, write: Callable[[BinaryIO], None]) -> None:
    """Call ``write`` on a new temporary file beside ``path``, then rename it into place."""
    check_target(path)
    directory = os.path.dirname(os.path.abspath(path))
    _remove_stale(directory)
    tmp = os.path.join(directory, f"{_TMP}{os.getpid()}.{os.path.basename(path)}")
    try:
        # O_EXCL: never write through a file or link put there in the meantime.
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        try:
            with os.fdopen(fd, "wb") as out:
                write(out)
            check_target(path)  # put there while we wrote: still not ours to replace
            os.replace(tmp, path)
        except BaseException:
            if os.path.lexists(tmp):
                os.unlink(tmp)
            raise
    except OSError as exc:
        raise OutputError.said("error.cannot_write", path=path, why=os_reason(exc)) from None


def _remove_stale(directory: str) -> None:
    """Temporary files of runs that were killed (their process is gone)."""
    try:
        names = [n for n in os.listdir(directory) if n.startswith(_TMP)]
    except OSError:
        return
    for name in names:
        pid = name[len(_TMP) :].split(".", 1)[0]
        if pid.isdigit() and not alive(int(pid)):
            try:
                if stat.S_ISREG(os.lstat(os.path.join(directory, name)).st_mode):
                    os.unlink(os.path.join(directory, name))
            except OSError:
                pass  # another run removed it first


def alive(pid: int) -> bool:
    """Whether process ``pid`` still runs (this one always does)."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True
    return True
