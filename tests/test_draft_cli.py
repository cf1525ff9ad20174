"""`draft export-json` and `draft import-json`: exact round trip, clear one-line refusals."""

import json

import pytest

from drafts import jsonio, store
from tests.conftest import BACKENDS
from tests.draft_samples import sample_draft


@pytest.fixture
def people(make_users):
    return make_users("alice", "bob")


@pytest.fixture
def draft_id(session, people):
    return store.create_draft(session, sample_draft(), owner_id=people["alice"])


def _invoke(runner, *args):
    return runner.invoke(args=["draft", *map(str, args)])


@pytest.mark.parametrize("database_url", BACKENDS, indirect=True)
def test_export_then_import_gives_an_equal_draft(runner, session, draft_id, tmp_path):
    exported = tmp_path / "paris.json"
    assert _invoke(runner, "export-json", draft_id, "-o", exported).exit_code == 0
    result = _invoke(runner, "import-json", exported, "--owner", "bob")
    assert result.exit_code == 0, result.output
    imported_id = int(result.output.split()[2])
    assert imported_id != draft_id
    assert store.load_draft(session, imported_id)[0] == store.load_draft(session, draft_id)[0]
    again = tmp_path / "again.json"
    assert _invoke(runner, "export-json", imported_id, "-o", again).exit_code == 0
    assert again.read_bytes() == exported.read_bytes()


@pytest.mark.parametrize("database_url", BACKENDS, indirect=True)
def test_import_keeps_unknown_keys(runner, session, people, tmp_path):
    data = jsonio.to_dict(sample_draft())
    data["x-negotiation"] = {"facilitator": "Mexique", "round": 3}
    data["operative"][0]["x-comment"] = "langue agréée de 2017"
    source = tmp_path / "in.json"
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = _invoke(runner, "import-json", source, "--owner", "alice")
    assert result.exit_code == 0, result.output
    out = tmp_path / "out.json"
    _invoke(runner, "export-json", result.output.split()[2], "-o", out)
    assert json.loads(out.read_text(encoding="utf-8")) == data


def test_export_a_past_revision_to_standard_output(runner, session, draft_id, people):
    draft, _ = store.load_draft(session, draft_id)
    draft.title = "Rev.1"
    store.save_draft(session, draft_id, draft, base_revision=1, author_id=people["alice"])
    result = _invoke(runner, "export-json", draft_id, "-o", "-", "--revision", 1)
    assert result.exit_code == 0
    assert jsonio.loads(result.stdout).title == sample_draft().title
    assert jsonio.loads(_invoke(runner, "export-json", draft_id, "-o", "-").stdout).title == "Rev.1"


@pytest.mark.parametrize(("content", "field"), [
    ("{", "(file)"),
    (b"\xff\xfe\x00garbage", "(file)"),
    ('{"format": "declaration-draft/2"}', "format"),
    ('{"preambular": [{"txt": "Rappelant"}]}', "preambular[0].text"),
    ('{"operative": [{"text": "Décidons :", "items": [{"text": 3}]}]}',
     "operative[0].items[0].text"),
    ('{"house_style": "ue"}', "house_style"),
    ('{"metadata": {"date": 2017}}', "metadata.date"),
])
def test_invalid_files_are_refused_in_one_line_naming_the_field(runner, session, people,
                                                                tmp_path, content, field):
    source = tmp_path / "bad.json"
    if isinstance(content, bytes):
        source.write_bytes(content)
    else:
        source.write_text(content, encoding="utf-8")
    result = _invoke(runner, "import-json", source, "--owner", "alice")
    assert result.exit_code == 2
    assert result.output.startswith(f"Error: {source}: {field}: ")
    assert result.output.count("\n") == 1
    assert "Traceback" not in result.output
    assert store.drafts_for_user(session, people["alice"]) == []


@pytest.mark.parametrize(("args", "message"), [
    (["import-json", "{tmp}/missing.json", "--owner", "alice"], "cannot read"),
    (["import-json", "{tmp}/good.json", "--owner", "nobody"], "no such user: nobody"),
    (["export-json", "999", "-o", "{tmp}/out.json"], "no draft 999"),
    (["export-json", "{draft}", "-o", "{tmp}/out.json", "--revision", "7"], "no revision 7"),
    (["export-json", "{draft}", "-o", "{tmp}/no/such/dir/out.json"], "cannot write"),
])
def test_bad_arguments_exit_2_with_one_line(runner, draft_id, tmp_path, args, message):
    (tmp_path / "good.json").write_text(jsonio.dumps(sample_draft()), encoding="utf-8")
    args = [a.format(tmp=tmp_path, draft=draft_id) for a in args]
    result = _invoke(runner, *args)
    assert result.exit_code == 2
    assert result.output.startswith("Error: ") and message in result.output
    assert result.output.count("\n") == 1


def test_oversized_file_is_refused_before_parsing(app, runner, people, tmp_path):
    app.config["MAX_CONTENT_LENGTH"] = 1024
    source = tmp_path / "big.json"
    source.write_text(jsonio.dumps(sample_draft()), encoding="utf-8")
    result = _invoke(runner, "import-json", source, "--owner", "alice")
    assert result.exit_code == 2
    assert "larger than" in result.output
