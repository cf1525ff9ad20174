"""Check an uploaded .docx before any parser opens it: size, zip bomb, DTDs, content type."""

from __future__ import annotations

import io
import zipfile

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring as defused_fromstring

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_EXPANDED_BYTES = 100 * 1024 * 1024
MAX_ENTRIES = 2000
MAX_RATIO = 100  # uncompressed / compressed, for entries big enough to matter
RATIO_FLOOR = 10 * 1024 * 1024  # below this, a high ratio harms nobody (repetitive text)
DOCUMENT_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
TEMPLATE_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_CHUNK = 1024 * 1024


class PackageError(ValueError):
    """A file refused before opening; the message says why in one line."""


def check_package(data: bytes, *, what: str = "file") -> bytes:
    """Return *data* when it is a safe Word package (a .dotx is turned into a .docx)."""
    if not isinstance(data, bytes | bytearray):
        raise PackageError(f"the {what} must be given as bytes")
    if len(data) > MAX_FILE_BYTES:
        raise PackageError(f"the {what} is {len(data) // 1024 // 1024} MB, more than the "
                           f"{MAX_FILE_BYTES // 1024 // 1024} MB accepted")
    if not data.startswith(b"PK"):
        raise PackageError(f"the {what} is not a Word document (.docx): it is not a zip archive")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise PackageError(f"the {what} is not a Word document (.docx): {error}") from None
    with archive:
        entries = _check_sizes(archive, what)
        names = {entry.filename for entry in entries}
        if "[Content_Types].xml" not in names or "word/document.xml" not in names:
            raise PackageError(f"the {what} is not a Word document (.docx): no word/document.xml")
        types = _read_all(archive, entries, what)
    if TEMPLATE_MAIN.encode() in types:
        return _as_document(data)
    if DOCUMENT_MAIN.encode() not in types:
        raise PackageError(f"the {what} is not a plain Word document (.docx); "
                           "macro-enabled and other packages are refused")
    return bytes(data)


def _check_sizes(archive: zipfile.ZipFile, what: str) -> list[zipfile.ZipInfo]:
    entries = archive.infolist()
    if len(entries) > MAX_ENTRIES:
        raise PackageError(f"the {what} holds {len(entries)} parts, more than {MAX_ENTRIES}")
    expanded = sum(entry.file_size for entry in entries)
    compressed = sum(entry.compress_size for entry in entries) or 1
    if expanded > MAX_EXPANDED_BYTES:
        raise PackageError(f"the {what} expands to {expanded // 1024 // 1024} MB, more than "
                           f"{MAX_EXPANDED_BYTES // 1024 // 1024} MB (refused as a zip bomb)")
    for entry in entries:
        ratio = entry.file_size / max(entry.compress_size, 1)
        if entry.file_size > RATIO_FLOOR and ratio > MAX_RATIO:
            raise PackageError(f"the {what} has a part compressed {ratio:.0f} to 1 "
                               f"({entry.filename}), refused as a zip bomb")
    if expanded > RATIO_FLOOR and expanded / compressed > MAX_RATIO:
        raise PackageError(f"the {what} is compressed {expanded / compressed:.0f} to 1, "
                           "refused as a zip bomb")
    return entries


def _read_all(archive: zipfile.ZipFile, entries: list[zipfile.ZipInfo], what: str) -> bytes:
    """Decompress every part under the size cap; parse XML parts with DTDs forbidden."""
    budget = MAX_EXPANDED_BYTES
    content_types = b""
    for entry in entries:
        try:
            data = _read_capped(archive, entry, budget)
        except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError,
                EOFError) as error:
            raise PackageError(f"the {what} is damaged ({entry.filename}: {error})") from None
        budget -= len(data)
        if entry.filename.endswith((".xml", ".rels")):
            _check_xml(data, entry.filename, what)
        if entry.filename == "[Content_Types].xml":
            content_types = data
    return content_types


def _read_capped(archive: zipfile.ZipFile, entry: zipfile.ZipInfo, budget: int) -> bytes:
    chunks, size = [], 0
    with archive.open(entry) as stream:
        while chunk := stream.read(_CHUNK):
            size += len(chunk)
            if size > budget:
                raise ValueError("expands beyond the size limit")
            chunks.append(chunk)
    return b"".join(chunks)


def _check_xml(data: bytes, name: str, what: str) -> None:
    try:
        defused_fromstring(data, forbid_dtd=True, forbid_entities=True,
                           forbid_external=True)
    except DefusedXmlException:
        raise PackageError(f"the {what} declares a DTD or entities in {name}; "
                           "refused (external entities are not allowed)") from None
    except Exception as error:  # expat's ParseError and friends
        raise PackageError(f"the {what} is damaged: {name} is not well-formed XML "
                           f"({error})") from None


def _as_document(data: bytes) -> bytes:
    """Return a .dotx template repackaged as a .docx (only the main content type differs)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            blob = source.read(entry)
            if entry.filename == "[Content_Types].xml":
                blob = blob.replace(TEMPLATE_MAIN.encode(), DOCUMENT_MAIN.encode())
            target.writestr(entry.filename, blob)
    return out.getvalue()
