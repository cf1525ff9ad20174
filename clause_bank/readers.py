"""Read a source text (.txt, .md, .docx) for mining, refusing what cannot be a declaration."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from lxml import etree

from clause_bank.model import Source

MAX_BYTES = 20 * 1024 * 1024
FORMATS = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".docx": "docx"}
# A .docx is a zip: refuse archives that would inflate far beyond their size (zip bombs).
MAX_UNZIPPED = 100 * 1024 * 1024
MAX_RATIO = 100
MAX_MEMBERS = 2000
_PROLOG_LIMIT = 1024 * 1024  # bytes of an XML part read, at most, to look for a DTD
_ROOT = re.compile(r"<[A-Za-z_]")  # the root element's start tag ends the prolog
_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.S)


class SourceError(ValueError):
    """A source file that cannot be mined; the message is one line."""


def read_source(path: Path | str) -> Source:
    """Return the text of *path*; raise SourceError for anything that is not a readable text."""
    path = Path(path)
    name = path.name
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        allowed = ", ".join(sorted(set(FORMATS) - {".text", ".markdown"}))
        kind = path.suffix or "(none)"
        raise SourceError(f"{name}: unsupported file type {kind!r}; use {allowed}")
    size = _size(path)
    if size == 0:
        raise SourceError(f"{name}: the file is empty")
    if size > MAX_BYTES:
        raise SourceError(f"{name}: the file is too large ({size / 1048576:.1f} MB, limit 20 MB)")
    text = _read_docx(path) if fmt == "docx" else _read_text(path)
    if not text.strip():
        raise SourceError(f"{name}: the file contains no text")
    return Source(text=text, file_name=name, format=fmt)


def _size(path: Path) -> int:
    try:
        if not path.is_file():
            raise SourceError(f"{path.name}: no such file")
        return path.stat().st_size
    except OSError as error:
        raise SourceError(f"{path.name}: cannot be read ({error.strerror})") from None


def _read_text(path: Path) -> str:
    with path.open("rb") as handle:
        data = handle.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise SourceError(f"{path.name}: the file is too large (limit 20 MB)")
    if _looks_binary(data):
        raise SourceError(f"{path.name}: binary file, not a text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise SourceError(
            f"{path.name}: not valid UTF-8 (byte {error.start}); save the file as UTF-8"
        ) from None


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 12, 13))
    return controls > len(sample) // 20


def _read_docx(path: Path) -> str:
    _check_zip(path)
    from clause_bank.docx_text import docx_text

    try:
        return docx_text(path)
    # lxml's XMLSyntaxError is no ValueError: without it a damaged part escaped as a crash.
    except (KeyError, ValueError, zipfile.BadZipFile, etree.LxmlError) as error:
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise SourceError(f"{path.name}: not a readable Word document ({reason})") from None


def _check_zip(path: Path) -> None:
    """Refuse a .docx that is not a zip, or whose members would inflate beyond the limits."""
    if not zipfile.is_zipfile(path):
        raise SourceError(f"{path.name}: not a Word document (not a zip archive)")
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError) as error:
        raise SourceError(f"{path.name}: damaged Word document ({error})") from None
    if len(members) > MAX_MEMBERS:
        raise SourceError(f"{path.name}: too many parts in the Word document")
    total = sum(member.file_size for member in members)
    if total > MAX_UNZIPPED:
        raise SourceError(f"{path.name}: the Word document inflates beyond 100 MB")
    for member in members:
        if member.file_size > MAX_RATIO * max(member.compress_size, 1024):
            raise SourceError(f"{path.name}: suspicious compression ratio in {member.filename}")
    if "word/document.xml" not in {member.filename for member in members}:
        raise SourceError(f"{path.name}: not a Word document (no word/document.xml)")
    _refuse_doctypes(path, archive_members=members)


def _refuse_doctypes(path: Path, *, archive_members: list[zipfile.ZipInfo]) -> None:
    """Refuse XML parts that declare a DTD: Word never writes one; entity attacks need one."""
    with zipfile.ZipFile(path) as archive:
        for member in archive_members:
            if member.filename.endswith((".xml", ".rels")) and _declares_doctype(archive, member):
                raise SourceError(f"{path.name}: {member.filename} declares a DTD or entities; "
                                  "refused")


def _declares_doctype(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> bool:
    """Return True when the prolog (all before the root element) holds a DOCTYPE."""
    head = b""
    with archive.open(member) as stream:
        while len(head) < _PROLOG_LIMIT:
            chunk = stream.read(4096)
            head += chunk
            text = _decode(head)
            if "<!DOCTYPE" in text or "<!ENTITY" in text:
                return True
            # Comments may hold anything, "<a" included; the prolog ends at a real tag.
            if not chunk or _ROOT.search(_COMMENT.sub("", text)):
                return False
    return True  # a prolog this long is no Word part


def _decode(data: bytes) -> str:
    utf16 = data[:2] in (b"\xff\xfe", b"\xfe\xff")
    return data.decode("utf-16" if utf16 else "utf-8", errors="ignore")
