"""`flask --app drafting draft export|import`: Word, text, Markdown and PDF."""

from __future__ import annotations

from pathlib import Path

import click

from drafting.cli import draft, fail
from drafting.commands.draft import read_draft

EXPORT_FORMATS = ("docx", "txt", "md", "pdf")
MAX_INPUT_BYTES = 20 * 1024 * 1024


def _read(path: str, *, binary: bool = False) -> bytes | str:
    """Return the content of *path*, or fail with one line."""
    file = Path(path)
    try:
        if file.stat().st_size > MAX_INPUT_BYTES:
            fail(f"{path} is larger than {MAX_INPUT_BYTES // 1024 // 1024} MB")
        return file.read_bytes() if binary else file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        fail(f"cannot read {path}: {getattr(error, 'strerror', None) or error}")


def _write(path: str, content: bytes | str) -> None:
    try:
        if isinstance(content, bytes):
            Path(path).write_bytes(content)
        else:
            Path(path).write_text(content, encoding="utf-8")
    except OSError as error:
        fail(f"cannot write {path}: {error.strerror or error}")


def _style_options(style: str | None) -> dict:
    from exports.house_styles import HOUSE_STYLES

    if style is None or style in HOUSE_STYLES:
        return {"house_style": style}
    if style.lower().endswith((".docx", ".dotx")):
        return {"template": Path(style)}
    fail(f"--style must be one of {', '.join(HOUSE_STYLES)} or a template .docx, not {style!r}")


@draft.command("export")
@click.argument("source")
@click.option("-o", "--output", help="File to write (stdout for txt and md when omitted).")
@click.option("--style", help="House style (un, oif, oas) or a template .docx.")
@click.option("--line-numbers", is_flag=True, help="Number the lines in the margin.")
@click.option("--labels", is_flag=True, help="Label paragraphs PP1, OP1 …")
@click.option("--compare", help="Older draft (JSON): export the changes as tracked changes.")
@click.option("--format", "fmt", help="docx, txt, md or pdf (default: from -o, else docx).")
@click.option("--revision-label", help="Revision shown in the header, e.g. Rev.2.")
@click.option("--no-watermark", is_flag=True, help="Leave out the « PROJET » watermark.")
def export_command(source, output, style, line_numbers, labels, compare, fmt, revision_label,
                   no_watermark) -> None:
    """Export DRAFT.json to Word (or txt, md, pdf)."""
    from exports import export_docx, export_pdf, export_text

    fmt = (fmt or (Path(output).suffix.lstrip(".").lower() if output else "") or "docx")
    if fmt not in EXPORT_FORMATS:
        fail(f"--format must be one of {', '.join(EXPORT_FORMATS)}, not {fmt!r}")
    if fmt in ("docx", "pdf") and not output:
        fail(f"-o OUT.{fmt} is required for {fmt}")
    loaded = read_draft(source)
    options = _style_options(style)
    try:
        if fmt in ("txt", "md"):
            content = export_text(loaded, fmt=fmt, labels=labels,
                                  house_style=options.get("house_style"))
        else:
            render = export_docx if fmt == "docx" else export_pdf
            content = render(loaded, line_numbers=line_numbers, labels=labels,
                             compare_with=read_draft(compare) if compare else None,
                             revision_label=revision_label, watermark=not no_watermark,
                             **options)
    except ValueError as error:
        fail(str(error))
    if output:
        _write(output, content)
        click.echo(f"Wrote {output}")
    else:
        click.echo(content, nl=False)


@draft.command("import")
@click.argument("source")
@click.option("-o", "--output", help="Draft JSON to write (stdout when omitted).")
def import_command(source, output) -> None:
    """Read a Word FILE.docx back into a draft (declaration-draft/1 JSON)."""
    from drafts.jsonio import dumps
    from exports import import_docx

    try:
        loaded = import_docx(_read(source, binary=True))
    except ValueError as error:
        fail(f"{source}: {error}")
    text = dumps(loaded) + "\n"
    if output:
        _write(output, text)
        click.echo(f"Wrote {output}")
    else:
        click.echo(text, nl=False)
