"""Exports rendered by LibreOffice: what a reader of the PDF sees (pdftotext)."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from exports import docx_to_pdf, export_docx, export_pdf
from exports.house_styles import HOUSE_STYLES
from tests.export_helpers import english_draft, revised, sample_draft

pytestmark = [pytest.mark.libreoffice, pytest.mark.slow]
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"


def pdf_text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "out.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                          capture_output=True, text=True, timeout=60).stdout


def _png(pdf: bytes, name: str, tmp_path: Path) -> None:
    """Keep page 1 as a PNG under test-artifacts/ for a human to look at."""
    ARTIFACTS.mkdir(exist_ok=True)
    source = tmp_path / f"{name}.pdf"
    source.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile",
                    str(source), str(ARTIFACTS / name)], check=True, timeout=60)


def test_tools_are_installed():
    assert shutil.which("soffice"), "make test installs libreoffice-writer-nogui"
    assert shutil.which("pdftotext"), "make test installs poppler-utils"


@pytest.mark.parametrize("house_style", list(HOUSE_STYLES))
def test_numbering_reads_one_two_three(house_style, tmp_path):
    pdf = export_pdf(sample_draft(house_style=house_style), revision_label="Rev.2")
    _png(pdf, f"export-{house_style}", tmp_path)
    text = pdf_text(pdf, tmp_path)
    numbers = re.findall(r"^\s*(\d+)\.\s+\S", text, re.M)
    assert numbers == ["1", "2", "3", "4"]
    items = re.findall(r"^\s*([a-z]+)\)\s+\S", text, re.M)
    assert items == ["a", "i", "ii", "b"]
    assert "Page 1 sur 1" in text and "A/C.3/80/L.12" in text
    assert re.search(r"Projet — Rev\.2 — \d{1,2} \w+ \d{4}", text)


def test_line_numbers_and_labels_appear(tmp_path):
    pdf = export_pdf(sample_draft(), labels=True, line_numbers=True)
    _png(pdf, "export-labels", tmp_path)
    text = pdf_text(pdf, tmp_path)
    line_numbers = [int(n) for n in re.findall(r"^\s*(\d+)\s{2,}\S", text, re.M)]
    assert line_numbers[:5] == [1, 2, 3, 4, 5]
    assert line_numbers == list(range(1, len(line_numbers) + 1))
    assert len(line_numbers) >= 16
    for label in ("PP1.", "PP2.", "PP3.", "PP3 bis", "OP1.", "OP2.", "OP3.", "OP4."):
        assert label in text, label


def test_tracked_insertions_and_deletions_are_rendered(tmp_path):
    old = sample_draft()
    pdf = docx_to_pdf(export_docx(revised(old), compare_with=old, revision_label="Rev.1"))
    _png(pdf, "export-redline", tmp_path)
    text = " ".join(pdf_text(pdf, tmp_path).split())
    assert "renforcer encore la coopération internationale et régionale" in text
    assert "Engage les États à protéger les victimes" in text
    assert "Prenant note du rapport [du Secrétaire général] sur la question," in text
    assert "en poursuivant et en condamnant les trafiquants" in text


def test_english_and_odd_text_render(tmp_path):
    draft = english_draft()
    draft.preambular[0].text = "Recalling « שלום » and عربي, with ✅ and non\u00a0breaking spaces,"
    text = pdf_text(export_pdf(draft, line_numbers=True), tmp_path)
    assert "Page 1 of 1" in text
    assert re.search(r"^\s*\d+\s+\(a\)\s+by protecting victims;", text, re.M)
