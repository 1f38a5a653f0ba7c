"""The error every reader and loader raises for a file it cannot read: :class:`SourceError`, with its sentence in
Ukrainian and English from ``rules/read_errors.csv``.

Its own module, below the readers (``read/``) and ``source_documents``, which both raise it: none of them imports
the other for it.
"""

from __future__ import annotations

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
        where = self.path.name + (f", {_locator_in(self.locator, language)}" if self.locator else "")
        return f"{where}: {text}"


@cache
def read_error_messages() -> dict[str, dict[str, str]]:
    """``kind -> {'en': ..., 'uk': ...}`` from ``rules/read_errors.csv``."""
    return {
        row["kind"]: {"en": row["message_en"], "uk": row["message_uk"]} for row in read_rules_csv("read_errors.csv")
    }


_LOCATOR_WORDS_UK = {"page": "сторінка", "line": "рядок", "table": "таблиця", "row": "рядок", "paragraph": "абзац"}


def _locator_in(locator: str, language: str) -> str:
    """``'page 3, table 1, row 4'`` in Ukrainian is ``'сторінка 3, таблиця 1, рядок 4'``."""
    if language != "uk":
        return locator
    parts = []
    for part in locator.split(", "):
        word, _, rest = part.partition(" ")
        parts.append(f"{_LOCATOR_WORDS_UK.get(word, word)} {rest}".strip())
    return ", ".join(parts)
