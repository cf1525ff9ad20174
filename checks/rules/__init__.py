"""The rule modules; each registers its checks in checks.registry.REGISTRY on import."""

from checks.rules import (  # noqa: F401
    acronyms,
    brackets,
    names,
    openers,
    punctuation,
    similarity,
    structure,
    typography,
    words,
)
