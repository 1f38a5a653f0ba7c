"""The error every reader and loader raises for a file it cannot read: :class:`SourceError`, with its sentence in
Ukrainian and English from ``rules/read_errors.csv``.

Its own module, below the readers (``read/``) and ``source_documents``, which both raise it: none of them imports
the other for it.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from .rules import read_rules_csv


class SourceError(Exception):
    """A source document or metadata file that cannot be read as it should.

    ``kind`` says why in a machine-readable way (a row of ``rules/read_errors.csv`` for the
    readers' errors, ``"source"`` for the others) and ``params`` fill that row's sentences,
    so an interface can say it in Ukrainian or English with :meth:`message_in`.
    """

    def __init__(
        self,
        path: Path | str,
        message: str,
        line: int | None = None,
        *,
        kind: str = "source",
        params: dict[str, object] | None = None,
        locator: str | None = None,
    ):
        self.path = Path(path)
        self.line = line
        self.kind = kind
        self.params = dict(params or {})
        self.locator = locator or (f"line {line}" if line else None)
        self.message = message
        where = f"{self.path.name}" + (f", {self.locator}" if self.locator else "")
        super().__init__(f"{where}: {message}")

    @classmethod
    def of(cls, kind: str, path: Path | str, locator: str | None = None, **params: object) -> SourceError:
        """The error of ``kind`` (a row of ``rules/read_errors.csv``), its sentence filled with ``params``."""
        return cls(path, read_error_messages()[kind]["en"].format(**params), kind=kind, params=params, locator=locator)

    def message_in(self, language: str) -> str:
        """The sentence in ``language`` ('uk' or 'en'), starting with the file name (and page or line)."""
        templates = read_error_messages().get(self.kind)
        text = templates[language].format(**self.params) if templates and language in templates else self.message
        where = self.path.name + (f", {locator_in(self.locator, language)}" if self.locator else "")
        return f"{where}: {text}"


@cache
def read_error_messages() -> dict[str, dict[str, str]]:
    """``kind -> {'en': ..., 'uk': ...}`` from ``rules/read_errors.csv``."""
    return {
        row["kind"]: {"en": row["message_en"], "uk": row["message_uk"]} for row in read_rules_csv("read_errors.csv")
    }


# A locator's words in Ukrainian, in the order they are put in (the longer phrases first)
_LOCATOR_UK = (
    (r"\(continued on page (\d+)\)", r"(продовження на сторінці \1)"),
    (r"\(no ruling\)", "(без ліній)"),
    (r"\bspace before line (\d+)", r"проміжок перед рядком \1"),
    (r"\bpage (\d+)", r"сторінка \1"),
    (r"\bline (\d+)", r"рядок \1"),
    (r"\btable (\d+)", r"таблиця \1"),
    (r"\brow (\d+)", r"рядок \1"),
    (r"\bparagraph (\d+)", r"абзац \1"),
)


def locator_in(locator: str, language: str) -> str:
    """Where a line is in its document, in ``language``.

    >>> locator_in("page 3, table 1 (no ruling), row 4 (continued on page 4)", "uk")
    'сторінка 3, таблиця 1 (без ліній), рядок 4 (продовження на сторінці 4)'
    >>> locator_in("paragraph 12", "en")
    'paragraph 12'
    """
    if language != "uk" or not isinstance(locator, str):
        return locator
    for pattern, words in _LOCATOR_UK:
        locator = re.sub(pattern, words, locator)
    return locator
