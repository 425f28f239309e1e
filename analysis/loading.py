"""Reading articles from disk: bytes → text with a known encoding → Article."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

from analysis.article import Article
from analysis.errors import EncodingError, InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_BINARY_MAGIC = (b"\x89PNG", b"%PDF", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b")


def read_bytes(path: str | os.PathLike[str]) -> bytes:
    """Read a file, turning every OS failure into one clear InputError."""
    p = Path(path)
    if not p.exists():
        raise InputError(f"no such file: {p}")
    if p.is_dir():
        raise InputError(f"{p} is a directory, not an article file")
    try:
        return p.read_bytes()
    except PermissionError as exc:
        raise InputError(f"cannot read {p}: permission denied") from exc
    except OSError as exc:
        raise InputError(f"cannot read {p}: {exc.strerror or exc}") from exc


def decode_bytes(data: bytes, name: str = "input") -> tuple[str, str]:
    """Decode bytes to text, returning (text, encoding). Never guesses silently on binary data."""
    if not data.strip():
        raise InputError(f"{name} is empty")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise EncodingError(
                    f"{name} starts with a {encoding} BOM but is not valid {encoding}"
                ) from exc
    if data.startswith(_BINARY_MAGIC) or b"\x00" in data[:4096]:
        raise InputError(f"{name} looks like binary data, not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise EncodingError(f"{name}: could not detect a text encoding")
    return str(best), best.encoding


def load_article(path: str | os.PathLike[str]) -> Article:
    """Load an article file (UTF-8 with or without BOM, other encodings detected)."""
    p = Path(path)
    data = read_bytes(p)
    text, encoding = decode_bytes(data, name=str(p))
    return Article.from_text(text, source=str(p), encoding=encoding)
