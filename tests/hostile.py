"""Hostile files for the upload tests: zip bombs, XXE, billion laughs, wrong types."""

from __future__ import annotations

import io
import zipfile

import docx

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
SECRET_LINE = "root-secret-line-4be1"


def plain_docx(text: str = "Réaffirmant la Déclaration de Niamey,") -> bytes:
    """Return a real, harmless .docx holding *text*."""
    document = docx.Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def replace_part(data: bytes, name: str, content: bytes | None = None, *,
                 stream: int = 0, filler: bytes = b" ") -> bytes:
    """Return *data* with part *name* replaced by *content* (or *stream* bytes of *filler*)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            if entry.filename != name:
                target.writestr(entry, source.read(entry))
        if content is not None:
            target.writestr(name, content)
        else:
            with target.open(name, "w", force_zip64=True) as part:
                chunk = filler * (1024 * 1024 // len(filler))
                for _ in range(stream // len(chunk)):
                    part.write(chunk)
    return out.getvalue()


def document_xml(doctype: str, body_text: str) -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n{doctype}\n'
            f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>{body_text}</w:t></w:r></w:p>'
            f"</w:body></w:document>").encode()


def xxe_docx(secret_path) -> bytes:
    """A .docx whose text is an external entity pointing at a local file."""
    doctype = f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://{secret_path}">]>'
    return replace_part(plain_docx(), "word/document.xml", document_xml(doctype, "A &xxe; Z"))


def billion_laughs_docx() -> bytes:
    """A .docx whose text is ten levels of entities, each ten times the one below (10^9)."""
    entities = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{n} "{("&lol" + str(n - 1) + ";") * 10}">' for n in range(1, 10)]
    doctype = f"<!DOCTYPE w:document [{''.join(entities)}]>"
    return replace_part(plain_docx(), "word/document.xml", document_xml(doctype, "&lol9;"))


def padded_billion_laughs_docx() -> bytes:
    """The same, its DTD pushed far down the prolog behind a long comment holding a tag."""
    data = billion_laughs_docx()
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        xml = source.read("word/document.xml")
    padding = b"<!-- <w:document> " + b"x" * 70000 + b" -->"
    xml = xml.replace(b"<!DOCTYPE", padding + b"<!DOCTYPE", 1)
    return replace_part(data, "word/document.xml", xml)


def zip_bomb_docx(size: int = 150 * 1024 * 1024) -> bytes:
    """A .docx of a few hundred kB whose document.xml inflates to *size* bytes."""
    return replace_part(plain_docx(), "word/document.xml", stream=size)


def ratio_bomb_docx() -> bytes:
    """Under the total cap, but one part compressed a thousand to one."""
    return replace_part(plain_docx(), "word/document.xml", stream=40 * 1024 * 1024)


def macro_docm() -> bytes:
    """A macro-enabled document disguised with a .docx name."""
    data = plain_docx()
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        types = source.read("[Content_Types].xml")
    types = types.replace(b"document.main+xml", b"document.macroEnabled.main+xml")
    return replace_part(data, "[Content_Types].xml", types)


PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
HOSTILE_DOCX = {
    "zip bomb": zip_bomb_docx,
    "ratio bomb": ratio_bomb_docx,
    "billion laughs": billion_laughs_docx,
    "billion laughs behind a long comment": padded_billion_laughs_docx,
    "macro-enabled": macro_docm,
    "empty": lambda: b"",
    "png named docx": lambda: PNG,
    "truncated zip": lambda: plain_docx()[:300],
    "not a zip": lambda: b"PK but not really a zip archive" * 10,
}
