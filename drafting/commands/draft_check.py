"""`flask --app drafting draft check …`: consistency checks on a draft file."""

from __future__ import annotations

import json
from pathlib import Path

import click

from drafting.cli import draft, fail
from drafting.commands.draft import read_draft

SEVERITY_WORDS = {
    "fr": {"error": ("erreur", "erreurs"), "warning": ("avertissement", "avertissements"),
           "info": ("remarque", "remarques"), "none": "Aucune remarque.",
           "fixed": "{count} correction(s) appliquée(s)"},
    "en": {"error": ("error", "errors"), "warning": ("warning", "warnings"),
           "info": ("note", "notes"), "none": "Nothing found.",
           "fixed": "{count} fix(es) applied"},
}


@draft.command("check")
@click.argument("path", metavar="DRAFT.json")
@click.option("--json", "as_json", is_flag=True,
              help='Print one JSON object {"findings": [...]} instead of text.')
@click.option("--fix", is_flag=True,
              help="Apply every safe fix. Without -o the fixed draft (JSON) goes to stdout "
                   "and a summary to stderr; with -o it is written to that file and the "
                   "findings that remain are printed.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True),
              help="With --fix: write the fixed draft to this file.")
@click.option("--lang", "language", type=click.Choice(["fr", "en"]),
              help="Language of the messages (default: the draft's).")
def check(path: str, as_json: bool, fix: bool, output: str | None, language: str | None):
    """Check DRAFT.json for consistency; exit 0 when it ran, 2 on unreadable input."""
    from checks import fix_draft, run_checks
    from drafts.jsonio import dumps

    current = read_draft(path)
    applied = []
    if fix:
        current, applied = fix_draft(current)
    findings = run_checks(current, language=language)
    language = language or ("en" if current.language == "en" else "fr")
    if fix and output is None:
        click.echo(dumps(current))
        click.echo(SEVERITY_WORDS[language]["fixed"].format(count=len(applied)), err=True)
        return
    if fix:
        try:
            Path(output).write_text(dumps(current) + "\n", encoding="utf-8")
        except OSError as error:
            fail(f"cannot write {output}: {error.strerror or error}")
    if as_json:
        payload = {"findings": [f.to_dict() for f in findings]}
        if fix:
            payload["fixed"] = len(applied)
            payload["output"] = output
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    _print_findings(findings, language)
    if fix:
        words = SEVERITY_WORDS[language]["fixed"].format(count=len(applied))
        click.echo(f"{words} → {output}")


def _print_findings(findings, language: str) -> None:
    words = SEVERITY_WORDS[language]
    for finding in findings:
        line = f"{finding.severity:<8}{finding.code:<18}{finding.message}"
        if finding.suggestion is not None and len(finding.suggestion) <= 80:
            line += f"  → « {finding.suggestion} »"
        click.echo(line)
    counts = {s: sum(1 for f in findings if f.severity == s) for s in ("error", "warning", "info")}
    if not findings:
        click.echo(words["none"])
        return
    click.echo(", ".join(f"{n} {words[s][n != 1]}" for s, n in counts.items() if n))
