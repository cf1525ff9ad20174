"""`flask --app drafting bank …` commands."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import click

from drafting.cli import bank, fail
from drafting.database import get_session


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


@bank.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--title", help="Title of the text (default: found by the segmenter).")
@click.option("--body", help="Issuing body, e.g. « OEA ».")
@click.option("--date", help="Date of adoption, e.g. 2018-03-05.")
@click.option("--language", type=click.Choice(["fr", "en"]), help="Language of the texts.")
def import_files(files, title, body, date, language) -> None:
    """Add FILES (.txt, .md, .docx) to the bank; importing a file again replaces it."""
    from clause_bank.readers import SourceError, read_source
    from clause_bank.store import import_document

    sources = []
    for path in files:
        try:
            sources.append(read_source(path))
        except SourceError as exc:
            fail(f"{path}: {exc}")
    meta = {name: value for name, value in
            (("title", title), ("body", body), ("date", date), ("language", language)) if value}
    session = get_session()
    for path, source in zip(files, sources, strict=True):
        try:
            document = import_document(session, source, meta=dict(meta, source_key=path.name))
        except ValueError as exc:
            fail(f"{path}: {exc}")
        kinds = [clause.kind for clause in document.clauses]
        click.echo(f"{path}: document {document.id}, {kinds.count('preambular')} preambular "
                   f"and {kinds.count('operative')} operative paragraphs")


@bank.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def list_documents(as_json: bool) -> None:
    """List the documents of the bank."""
    from clause_bank.store import list_documents as summaries

    documents = summaries(get_session())
    if as_json:
        click.echo(json.dumps(documents, ensure_ascii=False, indent=2))
        return
    for doc in documents:
        click.echo(f"{doc['id']:>5}  {doc['year'] or '????'}  {doc['body'] or '-':<20.20}  "
                   f"PP {doc['preambular']:>3}  OP {doc['operative']:>3}  {doc['title'] or '-'}")


@bank.command("stats")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def stats(as_json: bool) -> None:
    """Show how many documents, clauses and families the bank holds."""
    from clause_bank.store import bank_stats

    figures = bank_stats(get_session())
    if as_json:
        click.echo(json.dumps(figures, ensure_ascii=False, indent=2))
        return
    for name in ("documents", "clauses", "preambular", "operative", "families",
                 "clauses_in_families"):
        click.echo(f"{name.replace('_', ' ')}: {figures[name]}")
    click.echo("languages: " + ", ".join(f"{k} {v}" for k, v in figures["languages"].items()))
    click.echo("top openers: " + ", ".join(f"{o['lemma']} {o['count']}"
                                           for o in figures["top_openers"]))


@bank.command("search")
@click.argument("query")
@click.option("--kind", type=click.Choice(["preambular", "operative"]))
@click.option("--opener", help="Opener lemma, e.g. réaffirmer.")
@click.option("--source", help="Document id or file name.")
@click.option("--body", help="Issuing body (part of its name).")
@click.option("--year-from", type=int)
@click.option("--year-to", type=int)
@click.option("--language", help="fr or en.")
@click.option("--reference", help="A referenced instrument or organisation.")
@click.option("--limit", type=int, default=10, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def search_bank(query: str, as_json: bool, **filters) -> None:
    """Find the clauses that best match QUERY."""
    from clause_bank.search import QueryError, search

    try:
        result = search(get_session(), query, **filters)
    except QueryError as exc:
        fail(str(exc))
    if as_json:
        click.echo(json.dumps(asdict(result), ensure_ascii=False, indent=2))
        return
    for wrong, right in result.corrections.items():
        click.echo(f"(« {wrong} » read as « {right}… »)")
    for hit in result.hits:
        source = hit.document
        click.echo(f"[{hit.score:5.1f}] #{hit.clause_id} {source['title'] or '-'} "
                   f"({source['body'] or '-'}, {source['date'] or '-'}) {hit.position}")
        click.echo("        " + _marked(hit.text, hit.highlights))
    if not result.hits:
        click.echo("No clause found.")


def _marked(text: str, spans) -> str:
    """Return *text* with matched words in [brackets]."""
    out, last = [], 0
    for start, end in spans:
        out += [text[last:start], "[", text[start:end], "]"]
        last = end
    return "".join(out + [text[last:]])
