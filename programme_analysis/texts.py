"""The interface strings, in Ukrainian (default) and English: gettext catalogues in ``locales/`` read with Babel.

>>> text("not_stated", "en")
'not stated'
>>> label("relationship", "sister_city", "uk")
'місто-побратим'
"""

from __future__ import annotations

from pathlib import Path

from babel.messages.pofile import read_po

from loaders.vocabularies import labels as vocabulary_labels

LANGUAGES = ("uk", "en")
DEFAULT_LANGUAGE = "uk"

LOCALES = Path(__file__).resolve().parent / "locales"  # <lang>/LC_MESSAGES/dashboard.po, read with Babel
DOMAIN = "dashboard"


def read_catalogues(folder: Path = LOCALES) -> tuple[dict[str, dict[str, str]], dict[str, dict[str, dict[str, str]]]]:
    """The interface strings of every language's catalogue: ``{key: {lang: text}}`` for the messages without a
    context, ``{group: {value: {lang: text}}}`` for the labels of coded values (the context is the group)."""
    texts: dict[str, dict[str, str]] = {}
    labels: dict[str, dict[str, dict[str, str]]] = {}
    for lang in LANGUAGES:
        with (folder / lang / "LC_MESSAGES" / f"{DOMAIN}.po").open("rb") as handle:
            catalogue = read_po(handle, locale=lang, domain=DOMAIN)
        for message in catalogue:
            if not message.id:  # the header
                continue
            entry = (
                texts.setdefault(message.id, {})
                if message.context is None
                else labels.setdefault(message.context, {}).setdefault(message.id, {})
            )
            entry[lang] = message.string
    return texts, labels


TEXTS, _OWN_LABELS = read_catalogues()

# the fixed vocabularies (statuses, relationship types, severities…) are labelled in loaders/rules/vocabularies.csv
_VOCABULARY_GROUPS = {"relationship": "relationship", "year_status": "year_status", "amount_status": "amount_status", "severity": "severity", "entity": "adopted_for", "scope": "scope",
                      "register_status": "register_status"}  # fmt: skip
LABELS: dict[str, dict[str, dict[str, str]]] = {
    **{group: vocabulary_labels(vocabulary) for group, vocabulary in _VOCABULARY_GROUPS.items()},
    **_OWN_LABELS,  # money_view, denominator, check (loaders/validate.py), issue_kind (data_issues.kind)
}


def text(key: str, lang: str = DEFAULT_LANGUAGE) -> str:
    return TEXTS[key][lang if lang in LANGUAGES else DEFAULT_LANGUAGE]


def in_language(frame, stem: str, lang: str = DEFAULT_LANGUAGE):
    """The column ``<stem>_<lang>`` (name_uk, category_en…); where an English name is missing,
    the Ukrainian one stands in (a partner that GeoNames does not know).

    >>> import pandas as pd
    >>> in_language(pd.DataFrame({"name_uk": ["Мена"], "name_en": [None]}), "name", "en").tolist()
    ['Мена']
    """
    lang = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
    column = frame[f"{stem}_{lang}"]
    return column if lang == DEFAULT_LANGUAGE else column.fillna(frame[f"{stem}_{DEFAULT_LANGUAGE}"])


def names_by_id(frame, id_column: str, stem: str, lang: str = DEFAULT_LANGUAGE) -> dict:
    """``{id: name in the language}``, e.g. community ids to city names."""
    return dict(zip(frame[id_column], in_language(frame, stem, lang), strict=True))


def label(group: str, value: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """The words for a coded value (relationship, status…); the code itself when unknown."""
    entry = LABELS[group].get(value)
    return entry[lang if lang in LANGUAGES else DEFAULT_LANGUAGE] if entry else value
