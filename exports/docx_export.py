"""Export a draft to Word: house style, numbering, provenance comments, redline."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

from docx.opc.pkgwriter import PackageWriter

from drafts.model import Draft
from exports import page, properties
from exports.blocks import Block, layout, restyled
from exports.errors import ExportError
from exports.house_styles import HOUSE_STYLES, numbering_levels
from exports.numbering import add_instance, ensure_definitions
from exports.ooxml import RPR, RSTYLE, VAL, P, R, add_run, check_text, paragraph, w
from exports.provenance import AUTHOR, comment_lines
from exports.redline import align
from exports.template import open_template
from exports.wording import infer_house_style
from exports.writer import Writer


def export_docx(draft: Draft, *, house_style: str | None = None,
                template: str | Path | bytes | None = None, line_numbers: bool = False,
                labels: bool = False, compare_with: Draft | None = None,
                revision_label: str | None = None, watermark: bool = True) -> bytes:
    """Return *draft* as .docx bytes; with *compare_with*, as tracked changes against it."""
    key = _house_style(draft, house_style)
    _check_fields(draft, revision_label)
    style = HOUSE_STYLES[key]
    draft = restyled(draft, key, style.preambular_end)
    blocks = layout(draft, style, labels=labels)
    old_blocks = None
    if compare_with is not None:
        if not isinstance(compare_with, Draft):
            raise ExportError("compare_with must be a draft")
        old_blocks = layout(restyled(compare_with, key, style.preambular_end), style,
                            labels=labels)
    document, ids = open_template(key, template)
    language = "en" if draft.language == "en" else "fr"
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    writer = Writer(document.element.body, ids, _numbering(document, style, language, labels),
                    author=revision_label or AUTHOR[language][0],
                    date=now.isoformat().replace("+00:00", "Z"),
                    first_id=len(blocks) + len(old_blocks or ()),
                    label_levels=_label_levels(style, language, labels))
    _write_body(writer, blocks, old_blocks)
    _add_comments(document, writer, ids, language)
    page.set_language(document, draft.language)
    page.header_and_footer(document, ids, draft, watermark=watermark,
                           status=page.status_line(language, revision_label, now.date()))
    if line_numbers:
        page.line_numbers(document)
    if old_blocks is not None:
        page.track_revisions(document)
    properties.write(document, properties.draft_properties(draft, key))
    _core_properties(document, draft, revision_label, now)
    return save(document)


def _check_fields(draft: Draft, revision_label: str | None) -> None:
    # The metadata and the label go to the header, footer and properties, not through the
    # blocks' check: without this, a control character there escaped as lxml's ValueError.
    for name, value in vars(draft.metadata).items():
        if isinstance(value, str):
            check_text(value, f"metadata {name}")
    check_text(revision_label or "", "revision label")


class _ZipWriter:
    """python-docx's zip writer with the fastest deflate level: a third of the time."""

    def __init__(self, out):
        self.zip = zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1)

    def write(self, pack_uri, blob) -> None:
        self.zip.writestr(pack_uri.membername, blob)

    def close(self) -> None:
        self.zip.close()


def save(document) -> bytes:
    """Return *document* as .docx bytes (what Document.save writes, compressed faster)."""
    package = document.part.package
    parts = package.parts
    for part in parts:
        part.before_marshal()
    out = io.BytesIO()
    writer = _ZipWriter(out)
    PackageWriter._write_content_types_stream(writer, parts)
    PackageWriter._write_pkg_rels(writer, package.rels)
    PackageWriter._write_parts(writer, parts)
    writer.close()
    return out.getvalue()


def _house_style(draft: Draft, house_style: str | None) -> str:
    if not isinstance(draft, Draft):
        raise ExportError("only a draft can be exported")
    key = house_style or infer_house_style(draft)
    if key not in HOUSE_STYLES:
        raise ExportError(f"unknown house style {key!r}; choose one of {', '.join(HOUSE_STYLES)}")
    return key


def _numbering(document, style, language: str, labels: bool) -> dict[str, int]:
    """Add numbering instances restarting at 1 in this document; return their numIds."""
    numbering = document.part.numbering_part.element
    abstract = ensure_definitions(numbering, style, language)
    num_ids = {"operative": add_instance(
        numbering, abstract["operative_labelled" if labels else "operative"])}
    if labels:
        num_ids["preambular"] = add_instance(numbering, abstract["preambular_labelled"])
    return num_ids


def _label_levels(style, language: str, labels: bool) -> dict:
    operative = numbering_levels(style, "operative_labelled" if labels else "operative", language)
    levels = {"operative": operative[0]}
    if labels:
        levels["preambular"] = numbering_levels(style, "preambular_labelled", language)[0]
    return levels


def _write_body(writer: Writer, blocks: list[Block], old_blocks: list[Block] | None) -> None:
    if old_blocks is None:
        for block in blocks:
            writer.plain(block)
    else:
        for old, new in align(old_blocks, blocks):
            if old is None:
                writer.whole(new, "ins")
            elif new is None:
                writer.whole(old, "del")
            else:
                writer.changed(old, new)
    writer.finish()


def _add_comments(document, writer: Writer, ids: dict[str, str], language: str) -> None:
    """Anchor a provenance comment on each paragraph taken from the bank."""
    if not writer.commented:
        return
    author, initials = AUTHOR[language]
    comments = document.comments
    for p, block, inserted in writer.commented:
        lines = comment_lines(block.provenance, block.text, language=language)
        comment = comments.add_comment(text="", author=author, initials=initials)
        # python-docx appends text character by character; lxml runs are 20 times faster.
        element = comment._comment_elm
        add_run(element.find(P), lines[0])
        for line in lines[1:]:
            add_run(paragraph(element, ids["comment"]), line)
        _anchor(p, str(comment.comment_id), ids["comment_reference"],
                writer if inserted else None)


def _anchor(p, comment_id: str, reference_style: str, tracked: Writer | None) -> None:
    from lxml import etree

    start = etree.Element(w("commentRangeStart"))
    start.set(w("id"), comment_id)
    p.insert(1, start)
    etree.SubElement(p, w("commentRangeEnd")).set(w("id"), comment_id)
    parent = tracked._change(p, "ins") if tracked is not None else p
    run = etree.SubElement(parent, R)
    etree.SubElement(etree.SubElement(run, RPR), RSTYLE).set(VAL, reference_style)
    etree.SubElement(run, w("commentReference")).set(w("id"), comment_id)


def _core_properties(document, draft: Draft, revision_label: str | None, now) -> None:
    core = document.core_properties
    core.title = draft.title[:255]
    core.subject = (draft.metadata.symbol or "")[:255]
    core.language = page.word_language(draft.language)
    core.author = core.last_modified_by = ""
    core.comments = ""
    core.version = revision_label or ""
    core.created = core.modified = now
