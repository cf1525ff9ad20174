"""`flask --app drafting bank import | list | stats | search`."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from storage.models import Document

TEXT = """Déclaration de Lomé

Nous, Ministres,

Réaffirmant notre attachement à la Charte des Nations Unies ;

1. Condamnons la traite des personnes sous toutes ses formes.
"""


def test_import_adds_then_replaces(runner, session, tmp_path):
    path = tmp_path / "lome.txt"
    path.write_text(TEXT, encoding="utf-8")
    result = runner.invoke(args=["bank", "import", str(path), "--body", "CEDEAO",
                                 "--date", "2019-05-02"])
    assert result.exit_code == 0, result.output
    assert "1 preambular and 1 operative" in result.output
    path.write_text(TEXT.replace("Lomé", "Lomé (rév. 1)"), encoding="utf-8")
    assert runner.invoke(args=["bank", "import", str(path)]).exit_code == 0
    documents = session.scalars(select(Document).where(Document.source_key == "lome.txt")).all()
    assert [d.title for d in documents] == ["Déclaration de Lomé (rév. 1)"]


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("empty.txt", b""),
        ("binary.txt", bytes(range(256)) * 8),
        ("latin1.txt", "Réaffirmant la Charte".encode("latin-1") * 20),
        ("broken.docx", b"this is not a zip archive"),
        ("table.xlsx", b"PK\x03\x04"),
    ],
)
def test_bad_files_give_one_line_and_exit_2(runner, session, tmp_path, name, content):
    good = tmp_path / "good.txt"
    good.write_text(TEXT, encoding="utf-8")
    bad = tmp_path / name
    bad.write_bytes(content)
    before = session.scalar(select(func.count(Document.id)))
    result = runner.invoke(args=["bank", "import", str(good), str(bad)])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and name in lines[0]
    assert "Traceback" not in result.output
    assert session.scalar(select(func.count(Document.id))) == before  # nothing half-imported


def test_missing_file(runner, tmp_path):
    result = runner.invoke(args=["bank", "import", str(tmp_path / "nowhere.txt")])
    assert result.exit_code == 2
    assert result.output.startswith("Error: ")


def test_list_and_stats(runner):
    listed = runner.invoke(args=["bank", "list"])
    assert listed.exit_code == 0
    assert "Déclaration de Niamey" in listed.output
    assert len(json.loads(runner.invoke(args=["bank", "list", "--json"]).output)) == 5
    stats = runner.invoke(args=["bank", "stats"])
    assert "documents: 5" in stats.output and "families: 1" in stats.output
    figures = json.loads(runner.invoke(args=["bank", "stats", "--json"]).output)
    assert figures["clauses"] == figures["preambular"] + figures["operative"]


def test_search_prints_ranked_hits_with_marked_words(runner):
    result = runner.invoke(args=["bank", "search", "traite des persones", "--kind", "operative",
                                 "--limit", "2"])
    assert result.exit_code == 0, result.output
    assert "« persones » read as « personn… »" in result.output
    assert result.output.count("OP") >= 2
    assert "[traite]" in result.output and "[personnes]" in result.output


def test_search_json(runner):
    result = runner.invoke(args=["bank", "search", "assistance juridique gratuite", "--json",
                                 "--limit", "1", "--body", "OEA", "--year-from", "2018"])
    data = json.loads(result.output)
    assert data["hits"][0]["text"].startswith("De promouvoir l’accès à l’assistance juridique")


@pytest.mark.parametrize("query", ['"NEAR( * -', "", "x" * 10_000])
def test_search_hostile_queries(runner, query):
    result = runner.invoke(args=["bank", "search", query])
    assert result.exit_code == 0
    assert "Traceback" not in result.output


def test_search_too_long_is_an_error(runner):
    result = runner.invoke(args=["bank", "search", "x" * 10_001])
    assert result.exit_code == 2
    assert result.output.startswith("Error: query too long")
