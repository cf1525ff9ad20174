"""PDF through LibreOffice (headless), when it is installed."""

from __future__ import annotations

import atexit
import os
import shutil
import signal
import subprocess
import tempfile
import threading
from pathlib import Path

from drafts.model import Draft
from exports.docx_export import export_docx
from exports.errors import ExportError

TIMEOUT = 120  # seconds; the first conversion also creates LibreOffice's profile
_lock = threading.Lock()  # one LibreOffice at a time per profile
_profile: Path | None = None


def soffice() -> str | None:
    """Return the path of LibreOffice's command, or None when it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def export_pdf(draft: Draft, **options) -> bytes:
    """Return *draft* as PDF: the Word export (same options) rendered by LibreOffice."""
    return docx_to_pdf(export_docx(draft, **options))


def docx_to_pdf(data: bytes, *, timeout: float = TIMEOUT) -> bytes:
    """Render .docx bytes to PDF with LibreOffice in a private profile."""
    command = soffice()
    if command is None:
        raise ExportError("PDF export needs LibreOffice (soffice), which is not installed; "
                          "export to docx instead or install libreoffice-writer-nogui")
    with _lock, tempfile.TemporaryDirectory(prefix="drafting-pdf-") as work:
        source = Path(work) / "draft.docx"
        source.write_bytes(data)
        _run([command, f"-env:UserInstallation={_profile_dir().as_uri()}", "--headless",
              "--norestore", "--nologo", "--convert-to", "pdf", "--outdir", work, str(source)],
             timeout)
        result = Path(work) / "draft.pdf"
        if not result.is_file():
            raise ExportError("LibreOffice did not produce a PDF for this document")
        return result.read_bytes()


def _profile_dir() -> Path:
    # A private profile, kept for the life of the process: creating one costs seconds.
    global _profile
    if _profile is None:
        _profile = Path(tempfile.mkdtemp(prefix="drafting-lo-profile-"))
        atexit.register(shutil.rmtree, _profile, True)
    return _profile


def _run(arguments: list[str], timeout: float) -> None:
    process = subprocess.Popen(arguments, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               start_new_session=True)
    try:
        _, error = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)  # soffice forks: end its whole group
        process.communicate()
        raise ExportError(f"LibreOffice took more than {timeout:.0f} s; PDF export "
                          "abandoned") from None
    if process.returncode != 0:
        last = error.decode(errors="replace").strip().splitlines()[-1:] or ["no message"]
        raise ExportError(f"LibreOffice failed to convert the document ({last[0]})")
