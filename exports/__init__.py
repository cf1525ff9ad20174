"""Word export, redline, text/PDF export and .docx import of drafts."""

from exports.docx_export import export_docx
from exports.errors import ExportError, ImportError_, TemplateError

__all__ = ["ExportError", "ImportError_", "TemplateError", "export_docx"]
