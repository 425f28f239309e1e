"""Reading articles from disk: bytes → text with a known encoding → Article.

Every way a file can be wrong ends in one :class:`~analysis.errors.InputError` with a one-line
message: missing, a directory or other non-regular file, unreadable, too large, empty, binary,
undecodable, or an HTML page with no article in it. Nothing is decoded by guesswork without
saying so: a detected (non-UTF-8) encoding is recorded in ``Article.encoding`` and warned about.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from pathlib import Path

from analysis.article import Article
from analysis.errors import EncodingError, InputError

MAX_BYTES = 50 * 1024 * 1024  # far beyond any news article; refuses logs and dumps up front
# Western news files that are not UTF-8 are nearly always Windows-1252; when charset-normalizer
# finds several single-byte encodings equally plausible (it often ranks cp1250 first on short
# English text, turning "à" into "ŕ"), prefer these, in order.
PREFERRED_ENCODINGS = ("cp1252", "latin_1", "iso8859_15")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_BINARY_MAGIC = (
    b"\x89PNG",
    b"%PDF",
    b"GIF8",
    b"\xff\xd8\xff",
    b"PK\x03\x04",
    b"\x1f\x8b",
    b"\x7fELF",
    b"BZh",
    b"\xfd7zXZ",
    b"Rar!",
    b"7z\xbc\xaf",
    b"OggS",
    b"ID3",
    b"RIFF",
    b"\x00\x00\x01\x00",
    b"SQLite format 3",
)
# Control characters other than tab, line feed, vertical tab, form feed, carriage return.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_HTML_START_RE = re.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
    re.IGNORECASE | re.DOTALL,
)
_DECLARED = frozenset({"utf-8", "utf-8-sig", "utf-16", "utf-32"})  # UTF-8 or a BOM: no guess
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})


def read_bytes(path: str | os.PathLike[str]) -> bytes:
    """Read a regular file, turning every OS failure into one clear InputError."""
    p = Path(path)
    try:
        info = p.stat()
    except FileNotFoundError as exc:
        raise InputError(f"no such file: {p}") from exc
    except PermissionError as exc:
        raise InputError(f"cannot read {p}: permission denied") from exc
    except OSError as exc:  # e.g. a name too long, a loop of symlinks
        raise InputError(f"cannot read {p}: {exc.strerror or exc}") from exc
    if stat.S_ISDIR(info.st_mode):
        raise InputError(f"{p} is a directory, not an article file")
    if not stat.S_ISREG(info.st_mode):  # a FIFO or device would block or never end
        raise InputError(f"{p} is not a regular file (a pipe, socket or device)")
    if info.st_size > MAX_BYTES:
        raise InputError(
            f"{p} is {info.st_size / 2**20:.0f} MiB; the limit is {MAX_BYTES // 2**20} MiB "
            "for one article"
        )
    try:
        return p.read_bytes()
    except PermissionError as exc:
        raise InputError(f"cannot read {p}: permission denied") from exc
    except OSError as exc:
        raise InputError(f"cannot read {p}: {exc.strerror or exc}") from exc


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a BOM: NUL bytes on every other position. None when it isn't."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    for zeros, encoding in ((odd, "utf-16-le"), (even, "utf-16-be")):
        if zeros.count(0) > 0.9 * len(zeros):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    return None


def _check_text(text: str, name: str, encoding: str) -> str:
    if not text.strip():
        raise InputError(f"{name} is empty (only white space)")
    controls = len(_CONTROL_RE.findall(text, 0, 100_000))
    if controls > max(2, 0.01 * min(len(text), 100_000)):
        raise InputError(
            f"{name} looks like binary data, not text ({controls} control characters "
            f"when read as {encoding})"
        )
    return text


def _detect(data: bytes, name: str) -> tuple[str, str]:
    """Decode non-UTF-8 bytes with charset-normalizer, preferring Western encodings on ties."""
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        raise EncodingError(f"{name}: could not detect a text encoding (is it text?)")
    best = matches[0]
    tied = [
        m for m in matches if m.chaos <= best.chaos + 0.01 and m.coherence >= best.coherence - 0.01
    ]
    for preferred in PREFERRED_ENCODINGS:
        for match in tied:
            if preferred in match.could_be_from_charset:
                return str(match), preferred
    if best.chaos > 0.3:
        raise EncodingError(
            f"{name}: not UTF-8, and no encoding decodes it cleanly (best guess "
            f"{best.encoding} leaves {best.chaos:.0%} of it garbled)"
        )
    return str(best), best.encoding


def decode_bytes(data: bytes, name: str = "input") -> tuple[str, str]:
    """Decode bytes to text, returning (text, encoding). Never guesses silently on binary data."""
    if not data.strip():
        raise InputError(f"{name} is empty")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _check_text(data.decode(encoding), name, encoding), encoding
            except UnicodeDecodeError as exc:
                raise EncodingError(
                    f"{name} starts with a {encoding} BOM but is not valid {encoding}"
                ) from exc
    if data.startswith(_BINARY_MAGIC):
        raise InputError(f"{name} looks like binary data (a {_kind(data)} file), not text")
    if b"\x00" in data[:4096]:
        text = _utf16_without_bom(data)
        if text is None:
            raise InputError(f"{name} looks like binary data (NUL bytes), not text")
        encoding = "utf-16-le" if data[1] == 0 else "utf-16-be"
        return _check_text(text, name, encoding), encoding
    try:
        return _check_text(data.decode("utf-8"), name, "utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    text, encoding = _detect(data, name)
    return _check_text(text, name, encoding), encoding


def _kind(data: bytes) -> str:
    kinds = {
        b"\x89PNG": "PNG",
        b"%PDF": "PDF",
        b"GIF8": "GIF",
        b"\xff\xd8\xff": "JPEG",
        b"PK\x03\x04": "ZIP/Office",
        b"\x1f\x8b": "gzip",
        b"\x7fELF": "executable",
    }
    return next((k for magic, k in kinds.items() if data.startswith(magic)), "binary")


def looks_like_html(text: str, suffix: str = "") -> bool:
    """An HTML page (not text that merely mentions a tag): an html suffix or an HTML preamble."""
    return bool(_HTML_START_RE.match(text[:4096])) or (
        suffix.lower() in HTML_SUFFIXES and "<" in text[:4096]
    )


def extract_html(html_text: str, name: str = "input") -> str:
    """The article text of an HTML page (headline first), extracted with trafilatura.

    Boilerplate (navigation, scripts, comments, footers) is dropped; paragraphs become lines, so
    the article model sees the same structure as in a plain-text file.
    """
    import trafilatura

    doc = trafilatura.bare_extraction(
        html_text,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        favor_precision=True,
        deduplicate=False,
    )
    body = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not body:
        raise InputError(f"{name} is an HTML page, but no article text could be extracted from it")
    title = (getattr(doc, "title", None) or "").strip()
    lines = [ln.strip() for ln in body.splitlines() if ln.strip()]
    if title and (not lines or lines[0] != title):
        lines.insert(0, title)
    return "\n".join(lines) + "\n"


def extraction_note() -> str:
    import trafilatura

    return f"html: article text extracted with trafilatura {trafilatura.__version__}"


def load_article(path: str | os.PathLike[str]) -> Article:
    """Load an article file: plain text in any detectable encoding, or an HTML page.

    For an HTML page ``Article.text`` is the extracted text (save it beside the results: every
    offset refers to it) and ``Article.extraction`` says so.
    """
    p = Path(path)
    data = read_bytes(p)
    text, encoding = decode_bytes(data, name=str(p))
    warnings: list[str] = []
    if encoding in ("utf-16-le", "utf-16-be"):
        warnings.append(f"{p.name} has no byte-order mark: decoded as {encoding} (NUL pattern)")
    elif encoding not in _DECLARED:
        warnings.append(
            f"{p.name} is not UTF-8: decoded as {encoding} (detected by charset-normalizer); "
            "check accented letters and quotation marks"
        )
    extraction = None
    if looks_like_html(text, p.suffix):
        text = extract_html(text, name=str(p))
        extraction = extraction_note()
        warnings.append(
            f"{p.name} is an HTML page: analysed the article text extracted from it "
            "(offsets refer to that text, saved as extracted.txt beside the results)"
        )
    return Article.from_text(
        text, source=str(p), encoding=encoding, warnings=tuple(warnings), extraction=extraction
    )
