"""The rule modules; each registers its checks in checks.registry.REGISTRY on import."""

from checks.rules import (  # noqa: F401
    acronyms,
    brackets,
    names,
    opener_words,
    openers,
    punctuation,
    similarity,
    structure,
    typography,
    words,
)
