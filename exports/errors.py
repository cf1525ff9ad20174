"""Errors the user can cause while exporting or importing (one-line messages)."""


class ExportError(ValueError):
    """A draft or an option that cannot be exported; the message says why."""


class TemplateError(ExportError):
    """A template .docx that lacks what a house style needs."""


class ImportError_(ValueError):  # noqa: N801 - the contract's name, avoids the builtin
    """A file that cannot be read back as a draft; the message says why."""
