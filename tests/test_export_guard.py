"""Imports are guarded: size, zip bombs, entities, and anything that is not a .docx."""

import io
import struct
import zipfile

import pytest
from docx.oxml.parser import parse_xml
from lxml import etree

from exports import ImportError_, export_docx, import_docx
from exports.guard import MAX_ENTRIES, MAX_FILE_BYTES
from tests.export_helpers import sample_draft

XXE = (b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
       b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
       b"<w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>")
LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa">'
          + b"".join(f'<!ENTITY {n} "{("&" + p + ";") * 10}">'.encode()
                     for p, n in zip("abcdefg", "bcdefgh", strict=True))
          + b"]><r>&h;</r>")


def _replace(data: bytes, name: str, blob: bytes, *, extra: dict | None = None) -> bytes:
    """Return the package *data* with part *name* replaced by *blob* (and *extra* parts)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            target.writestr(entry.filename,
                            blob if entry.filename == name else source.read(entry))
        for extra_name, extra_blob in (extra or {}).items():
            target.writestr(extra_name, extra_blob)
    return out.getvalue()


def _zip(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, blob in parts.items():
            archive.writestr(name, blob)
    return out.getvalue()


GOOD = export_docx(sample_draft())


def _declared_size(data: bytes, name: str, size: int) -> bytes:
    """Return *data* with the headers of part *name* declaring *size* uncompressed bytes."""
    data = bytearray(data)
    entry = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo(name)
    struct.pack_into("<I", data, entry.header_offset + 22, size)  # local header
    central = data.rfind(b"PK\x01\x02")
    while central != -1:
        name_length = struct.unpack_from("<H", data, central + 28)[0]
        if data[central + 46:central + 46 + name_length] == name.encode():
            struct.pack_into("<I", data, central + 24, size)
            break
        central = data.rfind(b"PK\x01\x02", 0, central)
    return bytes(data)


def _lying_sizes() -> bytes:
    """A zip whose headers declare 1 000 bytes for a part that inflates to 5 MB."""
    padded = _replace(GOOD, "word/document.xml", b"<x/>" + b" " * 5_000_000)
    return _declared_size(padded, "word/document.xml", 1000)


def _macro_enabled() -> bytes:
    with zipfile.ZipFile(io.BytesIO(GOOD)) as archive:
        types = archive.read("[Content_Types].xml")
    return _replace(GOOD, "[Content_Types].xml", types.replace(
        b"wordprocessingml.document.main+xml", b"ms-word.document.macroEnabled.main+xml"))


REFUSED = {
    "plain text": (b"hello, not a document", "not a Word document (.docx): it is not a zip"),
    "pdf": (b"%PDF-1.7 ...", "not a zip archive"),
    "zip without a document": (_zip({"a.txt": b"x"}), "no word/document.xml"),
    "truncated": (GOOD[: len(GOOD) // 2], "not a Word document"),
    "too big": (b"PK" + b"\0" * (MAX_FILE_BYTES + 1), "more than the 20 MB accepted"),
    "bomb ratio": (_replace(GOOD, "word/media/zeros.bin", b"",
                            extra={"word/media/zeros.bin": b"\0" * 12_000_000}),
                   "refused as a zip bomb"),
    "bomb size": (_declared_size(GOOD, "word/document.xml", 150 * 1024 * 1024),
                  "expands to 150 MB, more than 100 MB"),
    "lying sizes": (_lying_sizes(), "is damaged"),
    "too many parts": (_replace(GOOD, "x", b"", extra={f"p/{i}": b"" for i in
                                                       range(MAX_ENTRIES)}),
                       "parts, more than 2000"),
    "external entity": (_replace(GOOD, "word/document.xml", XXE), "declares a DTD or entities"),
    "billion laughs": (_replace(GOOD, "word/styles.xml", LAUGHS), "declares a DTD or entities"),
    "broken xml": (_replace(GOOD, "word/document.xml", b"<w:document"), "not well-formed XML"),
    "macro-enabled": (_macro_enabled(), "macro-enabled and other packages are refused"),
}


@pytest.mark.parametrize("name", list(REFUSED))
def test_refused_with_a_clear_message(name):
    data, message = REFUSED[name]
    with pytest.raises(ImportError_) as error:
        import_docx(data)
    assert message in str(error.value)
    assert "\n" not in str(error.value)


def test_a_good_export_passes_the_guard():
    assert import_docx(GOOD).title == sample_draft().title


def test_python_docx_parser_neither_expands_external_entities_nor_laughs():
    # What python-docx does on its own (resolve_entities=False, libxml2's amplification cap):
    # the guard refuses such parts before, with a clearer message.
    element = parse_xml(XXE)
    assert "root:" not in "".join(element.itertext())
    with pytest.raises(etree.XMLSyntaxError, match="amplification"):
        parse_xml(LAUGHS)
