"""Join lines that a narrow column or page wrapped back into one text."""

from __future__ import annotations

import logging
from functools import cache

log = logging.getLogger(__name__)

SOFT_HYPHEN = "\u00ad"


@cache
def _morphology():
    """The Ukrainian dictionary (pymorphy3), or None if it cannot be loaded."""
    try:
        import pymorphy3

        return pymorphy3.MorphAnalyzer(lang="uk")
    except Exception:  # the dictionary is an optional help: without it a hyphen at a line end is kept
        log.warning("pymorphy3's Ukrainian dictionary is not available; hyphens at line ends are kept", exc_info=True)
        return None


def _is_word_break(left: str, right: str) -> bool:
    """Whether ``left-`` + ``right`` is one word hyphenated at a line end, not a compound like «міст-побратимів».

    It is when the dictionary knows the joined word and does not know the second part on its own.
    """
    morph = _morphology()
    if morph is None:
        return False
    head = left.split()[-1].rstrip("-") if left.split() else ""
    tail = right.split()[0] if right.split() else ""
    tail_word = tail.rstrip(".,;:!?»)”")
    return bool(head and tail_word) and morph.word_is_known(head + tail_word) and not morph.word_is_known(tail_word)


def join_wrapped(parts: list[str]) -> str:
    """One text from the lines a wrap made of it.

    Lines are joined with a space; a line ending in a hyphen between letters is joined without
    one: the hyphen is dropped when it broke a word (``співробіт-`` / ``ництва``) and kept in a
    compound (``міст-`` / ``побратимів``); a soft hyphen is always dropped.

    >>> join_wrapped(["Співпраця з", "партнерами міст-", "побратимів"])
    'Співпраця з партнерами міст-побратимів'
    >>> join_wrapped(["міжнародного співробіт-", "ництва", "2021 -", "2025 роки"])
    'міжнародного співробітництва 2021 - 2025 роки'
    >>> join_wrapped(["1", "840,0"])
    '1 840,0'
    """
    text = ""
    for raw in parts:
        part = raw.strip()
        if not part:
            continue
        if not text:
            text = part
        elif text.endswith(SOFT_HYPHEN):
            text = text[:-1] + part
        elif text.endswith("-") and len(text) > 1 and text[-2].isalpha() and part[0].isalpha():
            text = text[:-1] + part if part[0].islower() and _is_word_break(text, part) else text + part
        else:
            text = f"{text} {part}"
    return text
