"""Reading a view's choices back from URL parameters, without trusting them.

A link carries choices as text (``?lang=en&c=a&c=b&y=2024``). Each parameter is
matched against the options the page offers; anything else falls back to the default, and
the caller is told so that it can say which parameter it ignored. Nothing from the URL
reaches SQL except as one of the known options.

>>> restore(["en"], ["uk", "en"], "uk")
('en', True)
>>> restore(["xx"], ["uk", "en"], "uk")
('uk', False)
>>> restore([], ["uk", "en"], "uk")
('uk', True)
>>> restore(["2021", "2099"], [2021, 2022], [2021, 2022], multi=True)
([2021, 2022], False)
>>> restore(["b", "b"], ["a", "b"], ["a", "b"], multi=True)
(['b'], True)
>>> restore([""], ["a", "b"], ["a", "b"], multi=True)  # ?c= : every community cleared
([], True)
>>> restore(["  olympic\\x00 torch "], None, "")
('olympic torch', True)
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

MAX_TEXT = 100


def encode(value) -> str:
    """How an option is written in the URL: booleans as 1/0, everything else as its text."""
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(value)


def clean_text(raw: str) -> str:
    """Free text (a search) without control characters, trimmed to ``MAX_TEXT`` characters."""
    printable = "".join(ch if unicodedata.category(ch)[0] != "C" else " " for ch in raw)
    return " ".join(printable.split())[:MAX_TEXT].rstrip()


def restore(raw: Sequence[str], options: Sequence | None, default, multi: bool = False):
    """``(value, valid)``: the option(s) named by ``raw``, or ``default`` and ``valid=False``.

    ``options=None`` means free text. With ``multi``, an empty value (``c=``) is an empty choice,
    and otherwise every value must be an option; a link
    with any unknown value (a community that is not loaded, a year outside the programmes)
    falls back to the default as a whole, so the view is never a silent subset.
    """
    if not raw:
        return default, True
    if options is None:
        return clean_text(raw[0]), True
    by_text = {encode(option): option for option in options}
    if multi and raw == [""]:
        return [], True
    if multi:
        chosen = [by_text.get(item) for item in dict.fromkeys(raw)]
        if any(item is None for item in chosen):
            return default, False
        return [option for option in options if option in chosen], True
    if len(raw) == 1 and raw[0] in by_text:
        return by_text[raw[0]], True
    return default, False
