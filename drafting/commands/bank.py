"""`flask --app drafting bank …` commands."""

from __future__ import annotations

import json
from pathlib import Path

import click

from drafting.cli import bank, fail


@bank.command("segment")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the segmentation as JSON.")
@click.option("--language", type=click.Choice(["fr", "en"]), default=None,
              help="Language of the text (guessed when omitted).")
def bank_segment(file: Path, as_json: bool, language: str | None) -> None:
    """Print the segmentation of FILE (.txt, .md, .docx); writes nothing."""
    from clause_bank.readers import SourceError, read_source
    from clause_bank.segment import segment_text

    try:
        source = read_source(file)
    except SourceError as error:
        fail(str(error))
    segmentation = segment_text(source.text, language=language)
    if as_json:
        click.echo(json.dumps(segmentation.to_json(), ensure_ascii=False, indent=2))
    else:
        click.echo(_summary(segmentation))


def _summary(segmentation) -> str:
    lines = [f"Title: {segmentation.title or '-'}", f"Chapeau: {segmentation.chapeau or '-'}"]
    counts = {"preambular": 0, "operative": 0}
    for paragraph in segmentation.paragraphs:
        counts[paragraph.kind] += 1
        label = ("PP" if paragraph.kind == "preambular" else "OP") + str(counts[paragraph.kind])
        opener = f" [{paragraph.opener} → {paragraph.opener_lemma}]" if paragraph.opener else ""
        lines.append(f"{label}{opener} {paragraph.text[:90]}")
        lines.extend(f"    - {item[:86]}" for item in paragraph.items)
    lines.extend(f"Heading: {heading}" for heading in segmentation.headings)
    lines.extend(f"Note: {note[:90]}" for note in segmentation.notes)
    return "\n".join(lines)
