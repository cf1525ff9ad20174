"""Word export, redline, text/PDF export and .docx import of drafts."""

from exports.docx_export import export_docx
from exports.errors import ExportError, ImportError_, TemplateError
from exports.importer import import_docx
from exports.pdf import docx_to_pdf, export_pdf
from exports.text import export_text

__all__ = ["ExportError", "ImportError_", "TemplateError", "docx_to_pdf", "export_docx",
           "export_pdf", "export_text", "import_docx"]
