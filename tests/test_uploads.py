"""Hostile files given to the readers: each refused with a one-line reason, the process unharmed."""

from __future__ import annotations

import contextlib
import resource

import pytest

from clause_bank.readers import SourceError, read_source
from drafts.jsonio import dumps
from exports import import_docx
from tests.hostile import (
    HOSTILE_DOCX,
    SECRET_LINE,
    billion_laughs_docx,
    plain_docx,
    xxe_docx,
)

MEMORY_HEADROOM = 1536 * 1024 * 1024


@contextlib.contextmanager
def memory_capped():
    """Cap the address space near its current size: a bomb fails with MemoryError, not the host."""
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    with open("/proc/self/status") as status:
        used = next(int(line.split()[1]) * 1024 for line in status if line.startswith("VmSize"))
    cap = used + MEMORY_HEADROOM
    resource.setrlimit(resource.RLIMIT_AS, (cap if hard == resource.RLIM_INFINITY
                                            else min(cap, hard), hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def assert_one_line(error: Exception) -> None:
    message = str(error)
    assert message and "\n" not in message and "Traceback" not in message


@pytest.mark.parametrize("kind", sorted(HOSTILE_DOCX))
def test_draft_import_refuses_hostile_docx(kind):
    data = HOSTILE_DOCX[kind]()
    with memory_capped(), pytest.raises(ValueError) as refused:
        import_docx(data)
    assert_one_line(refused.value)


@pytest.mark.parametrize("kind", sorted(HOSTILE_DOCX))
def test_bank_reader_refuses_hostile_docx(tmp_path, kind):
    path = tmp_path / "precedent.docx"
    path.write_bytes(HOSTILE_DOCX[kind]())
    with memory_capped(), pytest.raises(SourceError) as refused:
        read_source(path)
    assert_one_line(refused.value)


def _secret_file(tmp_path):
    secret = tmp_path / "passwd"
    secret.write_text(f"{SECRET_LINE}\n")
    return secret


def test_draft_import_never_reads_an_external_entity(tmp_path):
    with pytest.raises(ValueError) as refused:
        import_docx(xxe_docx(_secret_file(tmp_path)))
    assert SECRET_LINE not in str(refused.value)


def test_bank_reader_never_reads_an_external_entity(tmp_path):
    path = tmp_path / "xxe.docx"
    path.write_bytes(xxe_docx(_secret_file(tmp_path)))
    try:
        source = read_source(path)
    except SourceError as error:
        assert SECRET_LINE not in str(error)
    else:
        assert SECRET_LINE not in source.text


def test_bank_reader_does_not_expand_entities(tmp_path):
    path = tmp_path / "lol.docx"
    path.write_bytes(billion_laughs_docx())
    with memory_capped():
        try:
            source = read_source(path)
        except SourceError:
            return
    assert "lollollol" not in source.text


@pytest.mark.parametrize(("name", "content", "message"), [
    ("precedent.pdf", b"%PDF-1.7 ...", "unsupported file type"),
    ("precedent.exe", b"MZ\x90\x00", "unsupported file type"),
    ("precedent", b"Rappelant", "unsupported file type"),
    ("empty.txt", b"", "empty"),
    ("blank.txt", b" \n\t\n", "no text"),
    ("binary.txt", b"\x00\x01\x02" * 100, "binary"),
    ("latin1.txt", "Réaffirmant".encode("latin-1"), "UTF-8"),
    ("big.txt", b"a" * (20 * 1024 * 1024 + 1), "too large"),
])
def test_bank_reader_refuses_what_is_not_a_text(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(SourceError) as refused:
        read_source(path)
    assert message in str(refused.value)
    assert_one_line(refused.value)


def test_a_plain_docx_still_goes_through(tmp_path):
    """The guards refuse the hostile files, not Word documents in general."""
    assert "Niamey" in dumps(import_docx(plain_docx()))
    path = tmp_path / "precedent.docx"
    path.write_bytes(plain_docx())
    assert "Niamey" in read_source(path).text
