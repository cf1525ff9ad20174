"""Reading sources: good files read, bad ones refused with one line and exit code 2."""

from __future__ import annotations

import io
import json
import zipfile

import docx
import pytest

from clause_bank.readers import MAX_BYTES, SourceError, read_source
from tests.conftest import SEEDS


def _docx(path, paragraphs, *, numbered=()):
    document = docx.Document()
    document.add_heading("Déclaration de Lomé", 1)
    for index, text in enumerate(paragraphs):
        document.add_paragraph(text, style="List Number" if index in numbered else None)
    document.save(path)
    return path


def _bomb(path):
    """A zip named .docx whose one member inflates a thousandfold."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<" + b"a" * (30 * 1024 * 1024))
    return path


def _big_bomb(path):
    """A zip named .docx whose members add up to more than 100 MB."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for index in range(4):
            archive.writestr(f"word/part{index}.xml", b"a" * (30 * 1024 * 1024))
    return path


BAD = [
    ("binary.txt", lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 50), "binary"),
    ("empty.txt", lambda p: p.write_bytes(b""), "empty"),
    ("blank.md", lambda p: p.write_text("  \n\n \n"), "no text"),
    ("latin1.txt", lambda p: p.write_bytes("Réaffirmant".encode("latin-1")), "UTF-8"),
    ("fake.docx", lambda p: p.write_text("Réaffirmant notre attachement"), "not a zip"),
    ("bomb.docx", _bomb, "compression ratio"),
    ("bigbomb.docx", _big_bomb, "inflates beyond 100 MB"),
    ("notes.pdf", lambda p: p.write_bytes(b"%PDF-1.7\n"), "unsupported"),
    ("noext", lambda p: p.write_text("Réaffirmant"), "unsupported"),
    ("empty.docx", lambda p: zipfile.ZipFile(p, "w").close(), "no word/document.xml"),
]


def _huge(path):
    # Sparse: 50 MB on paper, nothing on disk; the reader must refuse it from its size.
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)


@pytest.mark.parametrize(("name", "make", "message"), BAD + [("huge.txt", _huge, "too large")])
def test_bad_input_one_line_exit_2(runner, tmp_path, name, make, message):
    path = tmp_path / name
    make(path)
    result = runner.invoke(args=["bank", "segment", str(path), "--json"])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ")
    assert message in lines[0]
    assert "Traceback" not in result.output


def test_missing_file(runner, tmp_path):
    result = runner.invoke(args=["bank", "segment", str(tmp_path / "absent.txt")])
    assert result.exit_code == 2
    assert result.output.strip() == "Error: absent.txt: no such file"


def test_huge_file_is_refused_before_reading(tmp_path, monkeypatch):
    path = tmp_path / "huge.md"
    _huge(path)
    # Reading any byte of it would be a failure: the size alone must decide.
    monkeypatch.setattr("pathlib.Path.open", lambda *a, **k: pytest.fail("file was opened"))
    with pytest.raises(SourceError, match="too large"):
        read_source(path)
    assert path.stat().st_size > MAX_BYTES


@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_reads_seeds(seed):
    source = read_source(seed)
    assert source.format == "txt" and source.file_name == seed.name
    assert source.text == seed.read_text(encoding="utf-8")


def test_reads_markdown_with_bom(tmp_path):
    path = tmp_path / "d.md"
    path.write_bytes("\ufeff**Réaffirmant** notre attachement ;".encode())
    assert read_source(path).text == "**Réaffirmant** notre attachement ;"


def test_reads_docx_with_automatic_numbers(tmp_path):
    path = _docx(
        tmp_path / "d.docx",
        ["L'Assemblée générale,", "Rappelant sa résolution 70/1,", "Décide de faire ;",
         "Prie le Secrétaire général de rendre compte."],
        numbered={2, 3},
    )
    text = read_source(path).text
    assert "# Déclaration de Lomé" in text
    assert "1. Décide de faire ;" in text and "2. Prie le Secrétaire général" in text


def test_docx_segments_through_the_cli(runner, tmp_path):
    path = _docx(
        tmp_path / "d.docx",
        ["L'Assemblée générale,", "Rappelant sa résolution 70/1,", "Décide de faire ;",
         "Prie le Secrétaire général de rendre compte."],
        numbered={2, 3},
    )
    result = runner.invoke(args=["bank", "segment", str(path), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["title"] == "Déclaration de Lomé"
    assert data["chapeau"] == "L'Assemblée générale,"
    kinds = [(p["kind"], p["number"], p["opener_lemma"]) for p in data["paragraphs"]]
    assert kinds == [("preambular", None, "rappeler"), ("operative", "1", "décider"),
                     ("operative", "2", "prier")]


def test_docx_that_is_a_zip_of_something_else(tmp_path):
    path = tmp_path / "other.docx"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<not-word/>")
    path.write_bytes(buffer.getvalue())
    with pytest.raises(SourceError, match="other.docx"):
        read_source(path)
