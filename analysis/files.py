"""Writing outputs safely: a temporary file in the same folder, then an atomic rename."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from analysis.errors import InputError
from analysis.paths import RAW_DIR


def _read_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


UMASK = _read_umask()  # read once: os.umask is process-wide, not safe to toggle in threads


def atomic_write(path: str | os.PathLike[str], write: Callable[[str], object]) -> Path:
    """Call ``write(tmp_path)`` then rename onto ``path``: readers see the old or the new file."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    os.close(fd)
    try:
        write(tmp)
        os.chmod(tmp, 0o666 & ~UMASK)  # mkstemp makes 0600; give the usual permissions
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return target


def check_output_dir(path: str | os.PathLike[str]) -> Path:
    """Refuse to write results into data/raw: raw inputs are never modified or added to."""
    resolved = Path(path).resolve()
    raw = RAW_DIR.resolve()
    if resolved == raw or raw in resolved.parents:
        raise InputError(f"refusing to write into {raw}: data/raw holds inputs only")
    existing = next(p for p in (resolved, *resolved.parents) if p.exists())
    if not existing.is_dir():
        raise InputError(f"cannot write output into {resolved}: {existing} is a file")
    return resolved
