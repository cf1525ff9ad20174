"""`flask --app drafting draft check DRAFT.json [--json] [--fix] [-o FILE]`."""

import json

import pytest

from drafts.jsonio import dumps, loads
from tests.check_helpers import make

DRAFT = make(["Réaffirmant notre attachement à la Charte des Nations Unies ;"],
             ["Souignons l'importance de la coopération régionale ;",
              "Réaffirment leur engagement si néssaire ;"])


@pytest.fixture
def draft_file(tmp_path):
    path = tmp_path / "draft.json"
    path.write_text(dumps(DRAFT), encoding="utf-8")
    return path


def test_prints_findings_for_a_reader(runner, draft_file):
    result = runner.invoke(args=["draft", "check", str(draft_file)])
    assert result.exit_code == 0
    assert "opener-unknown" in result.output and "« Soulignons »" in result.output
    assert "OP2" in result.output
    assert result.output.rstrip().splitlines()[-1].startswith("2 erreurs")


def test_prints_one_json_object(runner, draft_file):
    result = runner.invoke(args=["draft", "check", str(draft_file), "--json", "--lang", "en"])
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert list(data) == ["findings"]
    codes = {f["code"] for f in data["findings"]}
    assert {"opener-unknown", "opener-form", "spelling", "punctuation"} <= codes
    unknown = next(f for f in data["findings"] if f["code"] == "opener-unknown")
    assert (unknown["part"], unknown["index"], unknown["item"]) == ("operative", 0, None)
    assert "is not a known opener" in unknown["message"]


def test_fix_prints_the_fixed_draft(runner, draft_file):
    result = runner.invoke(args=["draft", "check", str(draft_file), "--fix"])
    assert result.exit_code == 0
    fixed = loads(result.stdout)
    assert fixed.operative[0].text.startswith("Soulignons")
    assert fixed.operative[1].text.startswith("Réaffirmons")
    assert fixed.operative[1].text.endswith("néssaire.")  # spelling is the drafter's call
    assert "correction" in result.stderr


def test_fix_writes_the_draft_and_prints_what_remains(runner, draft_file, tmp_path):
    out = tmp_path / "fixed.json"
    result = runner.invoke(args=["draft", "check", str(draft_file), "--fix", "-o", str(out),
                                 "--json"])
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert [f["code"] for f in data["findings"]] == ["spelling"]
    assert data["fixed"] >= 3
    assert loads(out.read_text(encoding="utf-8")).operative[0].text.startswith("Soulignons")


@pytest.mark.parametrize("content", [b"{", b"[]", b'{"format": "other/9"}', b"\xff\xfe\x00",
                                     b'{"operative": [{"text": 3}]}'])
def test_unreadable_input_is_one_line_and_exit_2(runner, tmp_path, content):
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    result = runner.invoke(args=["draft", "check", str(path)])
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and result.output.startswith("Error:")
    assert "Traceback" not in result.output


def test_missing_file_is_exit_2(runner, tmp_path):
    result = runner.invoke(args=["draft", "check", str(tmp_path / "absent.json")])
    assert result.exit_code == 2
    assert result.output.startswith("Error:")
