"""`flask --app drafting draft export|import`: thin commands, one-line errors, exit code 2."""

import functools
import io
import json
import zipfile

import docx
import pytest

from drafts.jsonio import dumps, loads
from exports.template import builtin_bytes
from tests.export_helpers import q, revised, sample_draft


@pytest.fixture
def files(tmp_path):
    draft = sample_draft()
    (tmp_path / "draft.json").write_text(dumps(draft), encoding="utf-8")
    (tmp_path / "rev.json").write_text(dumps(revised(draft)), encoding="utf-8")
    (tmp_path / "bad.json").write_text('{"format": "declaration-draft/1", "preambular": 3}')
    (tmp_path / "style.docx").write_bytes(builtin_bytes("oif"))
    (tmp_path / "notes.txt").write_text("pas un document Word")
    return tmp_path


def test_export_docx_with_every_option(runner, files):
    out = files / "out.docx"
    result = runner.invoke(args=[
        "draft", "export", str(files / "rev.json"), "-o", str(out), "--style", "oif",
        "--line-numbers", "--labels", "--compare", str(files / "draft.json"),
        "--revision-label", "Rev.2"])
    assert result.exit_code == 0, result.output
    assert result.output == f"Wrote {out}\n"
    document = docx.Document(str(out))
    root = document.element.body
    assert document.sections[0]._sectPr.find(q("lnNumType")) is not None
    assert list(root.iter(q("ins"))) and list(root.iter(q("del")))
    assert document.styles["Opener"].font.bold is True
    assert "Rev.2" in document.sections[0].header.paragraphs[1].text


def test_export_with_a_template_file_and_markdown_to_stdout(runner, files):
    result = runner.invoke(args=["draft", "export", str(files / "draft.json"),
                                 "--style", str(files / "style.docx"), "-o",
                                 str(files / "t.docx")])
    assert result.exit_code == 0, result.output
    result = runner.invoke(args=["draft", "export", str(files / "draft.json"), "--format", "md"])
    assert result.exit_code == 0
    assert result.output.startswith("# Projet de résolution")


@pytest.mark.parametrize("fmt", ["txt", "md"])
def test_text_formats_from_the_file_name(runner, files, fmt):
    out = files / f"out.{fmt}"
    assert runner.invoke(args=["draft", "export", str(files / "draft.json"), "-o",
                               str(out)]).exit_code == 0
    assert "1.  " in out.read_text(encoding="utf-8")


def test_import_gives_back_the_draft(runner, files):
    runner.invoke(args=["draft", "export", str(files / "draft.json"), "-o", str(files / "d.docx")])
    result = runner.invoke(args=["draft", "import", str(files / "d.docx"), "-o",
                                 str(files / "back.json")])
    assert result.exit_code == 0, result.output
    back = loads((files / "back.json").read_text(encoding="utf-8"))
    assert back == loads((files / "draft.json").read_text(encoding="utf-8"))
    printed = runner.invoke(args=["draft", "import", str(files / "d.docx")])
    assert json.loads(printed.output)["title"] == back.title


@functools.cache
def _bomb() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<x/>")
        archive.writestr("word/document.xml", b"<x>" + b" " * 12_000_000 + b"</x>")
    return out.getvalue()


BAD = [
    (["export", "{dir}/missing.json", "-o", "{dir}/o.docx"], "cannot read {dir}/missing.json"),
    (["export", "{dir}/bad.json", "-o", "{dir}/o.docx"], "preambular: expected a list"),
    (["export", "{dir}/draft.json", "-o", "{dir}/o.docx", "--style", "xyz"], "--style must be"),
    (["export", "{dir}/draft.json", "--style", "{dir}/notes.txt", "-o", "{dir}/o.docx"],
     "--style must be"),
    (["export", "{dir}/draft.json", "--style", "{dir}/nope.docx", "-o", "{dir}/o.docx"],
     "template not found"),
    (["export", "{dir}/draft.json", "--format", "rtf"], "--format must be one of"),
    (["export", "{dir}/draft.json"], "-o OUT.docx is required"),
    (["export", "{dir}/draft.json", "-o", "{dir}/no/such/dir/o.docx"], "cannot write"),
    (["export", "{dir}/draft.json", "-o", "{dir}/o.docx", "--compare", "{dir}/bad.json"],
     "preambular: expected a list"),
    (["import", "{dir}/notes.txt"], "not a Word document (.docx)"),
    (["import", "{dir}/bomb.docx"], "refused as a zip bomb"),
    (["import", "{dir}/missing.docx"], "cannot read"),
]


@pytest.mark.parametrize(("args", "message"), BAD)
def test_bad_input_gives_one_line_and_exit_code_2(runner, files, args, message):
    if "bomb" in args[1]:
        (files / "bomb.docx").write_bytes(_bomb())
    result = runner.invoke(args=["draft", *[a.format(dir=files) for a in args]])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ")
    assert message.format(dir=files) in lines[0]


def test_bad_text_is_refused_on_the_command_line(runner, files):
    draft = sample_draft()
    draft.operative[0].text = "Décide\x07 de sonner"
    (files / "bell.json").write_text(dumps(draft), encoding="utf-8")
    result = runner.invoke(args=["draft", "export", str(files / "bell.json"), "-o",
                                 str(files / "o.docx")])
    assert result.exit_code == 2
    assert result.output.strip() == ("Error: OP1: control character U+0007 at position 7 "
                                     "cannot be written to a Word document; remove it from "
                                     "the text")
    assert not (files / "o.docx").exists()
