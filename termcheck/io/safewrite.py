"""Writing fixed articles back: same encoding, BOM, line endings, permissions, owner, group and
extended attributes; atomic; never over a file that changed since termcheck read it.

How a file is written:

- It is read, and its bytes must still be the text termcheck checked.
- Read-only files (no write bit for the owner) and symbolic links whose target lies outside
  the checked folders are refused unless the run allows them (WritePolicy).
- A file with one link is written to a temporary file beside it (`.NAME.termcheck-PID-XXXX.tmp`,
  locked while termcheck writes it), given the file's mode, owner, group and extended
  attributes, and renamed over it. Just before the rename the file is checked again (inode,
  size, mtime_ns and content): an editor's save that landed meanwhile is kept and the file is
  not fixed, with a message.
- A file with several hard links (or whose owner or attributes the new file could not keep)
  is written in place, through its own inode, so every link sees the fix. So that a crash
  cannot leave it torn, its old bytes are first kept in a journal beside it
  (`.NAME.termcheck-PID-XXXX.restore`); the journal goes once the write is complete, and a
  journal left by a killed run is played back by the next (`clean_stale`).
- Temporary files and journals that a killed run left are removed by the next run that
  writes in their folder (those older than the run and not locked by a live process).

Between the last check and the rename an editor could still save (POSIX has no
compare-and-rename); the window is a few system calls long instead of the whole write.
"""

from __future__ import annotations

import codecs
import contextlib
import hashlib
import json
import os
import re
import stat
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from termcheck.errors import InputError

try:
    import fcntl
except ImportError:  # pragma: no cover  (Windows: no locks; stale files are judged by age alone)
    fcntl = None  # type: ignore[assignment]

_WIDE = {
    # codec: (big-endian BOM, little-endian BOM, big-endian codec, little-endian codec)
    "utf-16": (codecs.BOM_UTF16_BE, codecs.BOM_UTF16_LE, "utf-16-be", "utf-16-le"),
    "utf-32": (codecs.BOM_UTF32_BE, codecs.BOM_UTF32_LE, "utf-32-be", "utf-32-le"),
}
_MARK = "termcheck"
# Ours: .NAME.termcheck-PID-XXXXXXXX.tmp and .restore; and .NAME.XXXXXXXX.termcheck-tmp from
# versions before the pid was in the name.
STALE = re.compile(r"\A\..*\.termcheck-\d+-[A-Za-z0-9_]+\.(?:tmp|restore)\Z|\A\..*\.[A-Za-z0-9_]{8}\.termcheck-tmp\Z")
_NAME_IN_PREFIX = 64  # characters of the file's name in a temporary name (a long name would not fit)


@dataclass(frozen=True)
class WritePolicy:
    fix_readonly: bool = False  # --fix-readonly: write files without the owner's write bit
    follow_links: bool = False  # --follow-links: write through links whose target leaves `roots`
    roots: tuple[Path, ...] = ()  # the checked folders, resolved; empty: links are not checked


def encode_like(text: str, encoding: str, original: bytes) -> bytes:
    """`text` encoded as `original` is: 'utf-16' and 'utf-32' decode either byte order from the
    BOM but would encode in the machine's, so the order is taken from the original's BOM."""
    name = codecs.lookup(encoding).name
    if name in _WIDE:
        be_bom, le_bom, be, le = _WIDE[name]
        # The UTF-32-LE BOM starts with the UTF-16-LE one; textio tells them apart, so trust `name`.
        if original.startswith(be_bom):
            return be_bom + text.encode(be)
        return le_bom + text.encode(le)
    return text.encode(encoding)


def _temporary(folder: Path, name: str, suffix: str) -> tuple[int, str]:
    """A new file of ours beside `name`, opened and locked (a run that cleans up leaves it)."""
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name[:_NAME_IN_PREFIX]}.{_MARK}-{os.getpid()}-",
                               suffix=suffix)
    if fcntl is not None:
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    return fd, tmp


def atomic_write(path: Path, data: bytes, mode: int | None = None) -> None:
    """Write `data` to a hidden temporary file beside `path`, then rename it over `path`: a reader
    (or a crash) sees the old file or the new one, never part of one."""
    fd, tmp = _temporary(path.parent, path.name, ".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        if mode is not None:
            os.chmod(tmp, stat.S_IMODE(mode))
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _sync_folder(path.parent)


def _sync_folder(folder: Path) -> None:
    # Makes the rename itself durable; not possible on every platform, hence best effort.
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _read_fd(fd: int) -> bytes:
    os.lseek(fd, 0, os.SEEK_SET)
    chunks = []
    while chunk := os.read(fd, 1 << 20):
        chunks.append(chunk)
    return b"".join(chunks)


def _outside(path: Path, target: Path, roots: Sequence[Path]) -> bool:
    """Whether `path` reaches, through a symbolic link, a file outside every checked folder."""
    if not roots or Path(os.path.abspath(path)) == target:
        return False
    return not any(target.is_relative_to(root) for root in roots)


def replace_text(path: Path, old_text: str, new_text: str, encoding: str,
                 policy: WritePolicy | None = None) -> None:
    """Write `new_text` over `path` if the file still holds `old_text` (the text termcheck read).

    Decoding is exact for the codecs textio chooses, so the file is unchanged exactly when its
    bytes are `old_text` encoded again. Raises InputError, naming the file, when it is not,
    when the policy refuses the file, or when it cannot be written.
    """
    policy = policy or WritePolicy()
    target = Path(os.path.realpath(path))  # through a symbolic link: the link stays a link
    if not policy.follow_links and _outside(path, target, policy.roots):
        raise InputError(f"a symbolic link to {target}, outside the checked folders; not fixed "
                         "(--follow-links to fix it)", path)
    try:
        fd = os.open(target, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as err:
        raise InputError(f"cannot read file: {err.strerror or err}; not fixed", path) from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise InputError("not a regular file; not fixed", path)
        current = _read_fd(fd)
    except OSError as err:
        raise InputError(f"cannot read file: {err.strerror or err}; not fixed", path) from None
    finally:
        os.close(fd)
    if current != encode_like(old_text, encoding, current):
        raise InputError("changed since it was read; not fixed", path)
    if not st.st_mode & stat.S_IWUSR and not policy.fix_readonly:
        raise InputError("read-only; not fixed (--fix-readonly to fix it)", path)
    try:
        data = encode_like(new_text, encoding, current)
    except UnicodeEncodeError as err:
        raise InputError(f"the fix cannot be written in {encoding} ({err.object[err.start:err.end]!r}); "
                         "not fixed", path) from None
    try:
        if st.st_nlink > 1 or not _write_by_rename(target, st, current, data):
            _write_in_place(target, st, current, data)
    except _Changed:
        raise InputError("changed while termcheck was fixing it; left as the other writer saved it, "
                         "not fixed", path) from None
    except OSError as err:
        raise InputError(f"cannot write file: {err.strerror or err}; not fixed", path) from None


class _Changed(Exception):
    """The file changed between termcheck's read and its write."""


def _check_unchanged(target: Path, st: os.stat_result, current: bytes, fd: int | None = None) -> None:
    """The file is still the one read: same inode, size, mtime and content (checked last)."""
    now = os.fstat(fd) if fd is not None else os.stat(target)
    if (now.st_dev, now.st_ino, now.st_size, now.st_mtime_ns) != (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns):
        raise _Changed
    if fd is not None:
        again = _read_fd(fd)
    else:
        with open(target, "rb") as f:
            again = f.read()
    if again != current:
        raise _Changed


def _keep_owner_and_attributes(target: Path, tmp_fd: int, st: os.stat_result) -> bool:
    """Give the new file the old one's mode, owner, group and extended attributes; False when
    the OS does not let termcheck keep them (then the file is written in place instead)."""
    os.fchmod(tmp_fd, stat.S_IMODE(st.st_mode))
    mine = os.fstat(tmp_fd)
    if (mine.st_uid, mine.st_gid) != (st.st_uid, st.st_gid):
        try:
            os.fchown(tmp_fd, st.st_uid, st.st_gid)
        except OSError:
            return False
        os.fchmod(tmp_fd, stat.S_IMODE(st.st_mode))  # chown clears set-id bits
    if hasattr(os, "listxattr"):
        try:
            names = os.listxattr(target)
        except OSError:
            names = []  # the file system has none
        for name in names:
            try:
                os.setxattr(tmp_fd, name, os.getxattr(target, name))
            except OSError:
                return False
    return True


def _write_by_rename(target: Path, st: os.stat_result, current: bytes, data: bytes) -> bool:
    """Write through a temporary file and a rename; False (nothing written) when the new
    file could not keep the old one's owner or attributes."""
    fd, tmp = _temporary(target.parent, target.name, ".tmp")
    try:
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
            if not _keep_owner_and_attributes(target, fd, st):
                os.unlink(tmp)
                return False
            _check_unchanged(target, st, current)  # as late as possible: then rename at once
            os.replace(tmp, target)
        finally:
            os.close(fd)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _sync_folder(target.parent)
    return True


def _write_in_place(target: Path, st: os.stat_result, current: bytes, data: bytes) -> None:
    """Write through the file's own inode (hard links, owner and attributes stay), with a
    journal of its old bytes so that an interrupted write is undone by the next run."""
    jfd, journal = _temporary(target.parent, target.name, ".restore")
    try:
        header = {"name": target.name, "dev": st.st_dev, "ino": st.st_ino,
                  "new": hashlib.sha256(data).hexdigest(), "old": hashlib.sha256(current).hexdigest()}
        with open(jfd, "wb", closefd=False) as j:
            j.write(json.dumps(header).encode() + b"\n" + current)
            j.flush()
            os.fsync(j.fileno())
        _sync_folder(target.parent)
        fd = os.open(target, os.O_RDWR)
        try:
            _check_unchanged(target, st, current, fd)
            try:
                _overwrite(fd, data)
            except BaseException:
                _overwrite(fd, current)  # put the old bytes back before anything else
                raise
        finally:
            os.close(fd)
        os.unlink(journal)
        _sync_folder(target.parent)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(journal)
        raise
    finally:
        os.close(jfd)


def _overwrite(fd: int, data: bytes) -> None:
    os.lseek(fd, 0, os.SEEK_SET)
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]
    os.ftruncate(fd, len(data))
    os.fsync(fd)


def _stale(folder: Path, started: float) -> Iterator[tuple[Path, int]]:
    """Our leftover files in `folder`, each opened and locked: older than `started` and not
    locked by a live run."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if not STALE.match(entry.name):
            continue
        try:
            if not entry.is_file(follow_symlinks=False) or entry.stat(follow_symlinks=False).st_mtime >= started:
                continue
            fd = os.open(entry.path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        except OSError:
            continue
        try:
            if fcntl is not None:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            continue  # a live run is writing it
        yield Path(entry.path), fd


def clean_stale(folder: Path, started: float) -> list[str]:
    """Remove the temporary files a killed run left in `folder`, and play back its journals
    (a file it was writing in place gets its old bytes back unless the write was complete).
    Returns a message for each file put back."""
    messages: list[str] = []
    for path, fd in _stale(folder, started):
        try:
            if path.name.endswith(".restore"):
                message = _play_back(folder, path, fd)
                if message:
                    messages.append(message)
            if path.exists():
                path.unlink()
        except (OSError, ValueError):
            pass  # not ours to judge: left alone
        finally:
            os.close(fd)
    if messages:
        _sync_folder(folder)
    return messages


_SINCE_JOURNAL = 5.0  # seconds: a file written later than this after its journal was saved by someone


def _play_back(folder: Path, journal: Path, journal_fd: int) -> str | None:
    head, newline, old = _read_fd(journal_fd).partition(b"\n")
    try:
        header = json.loads(head)
    except ValueError:
        return None  # killed while writing the journal: the file is only written after it is whole
    if not newline or ("old" in header and hashlib.sha256(old).hexdigest() != header["old"]):
        return None  # the journal is not whole, so the file was not touched: nothing to put back
    target = folder / str(header["name"])
    if "/" in str(header["name"]) or not target.is_file():
        return None
    fd = os.open(target, os.O_RDWR)
    try:
        st = os.fstat(fd)
        if (st.st_dev, st.st_ino) != (header["dev"], header["ino"]):
            return None  # another file now: not ours to touch
        if hashlib.sha256(_read_fd(fd)).hexdigest() == header["new"]:
            return None  # the fix was written whole
        if st.st_mtime > os.fstat(journal_fd).st_mtime + _SINCE_JOURNAL:
            # Someone saved the file after the interrupted fix: their text stays, and the text
            # from before the fix is kept beside it for them to compare.
            kept = folder / f"{target.name}.before-termcheck-fix"
            with open(kept, "xb") as f:
                f.write(old)
            return f"{target}: changed after an interrupted fix; left as it is (its text before the fix: {kept})"
        _overwrite(fd, old)
    finally:
        os.close(fd)
    return f"{target}: an interrupted fix was undone; the file is as it was before it"
