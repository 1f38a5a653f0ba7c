"""Join lines that a narrow column or page wrapped back into one text."""

from __future__ import annotations

import logging
import re
from functools import cache

log = logging.getLogger(__name__)

SOFT_HYPHEN = "\u00ad"


@cache
def morphology():
    """The Ukrainian dictionary (pymorphy3), or None if it cannot be loaded."""
    try:
        import pymorphy3

        return pymorphy3.MorphAnalyzer(lang="uk")
    except Exception:  # the dictionary is an optional help: without it a hyphen at a line end is kept
        log.warning("pymorphy3's Ukrainian dictionary is not available; hyphens at line ends are kept", exc_info=True)
        return None


@cache
def normal_forms(word: str) -> frozenset[str]:
    """The word case-folded and every dictionary normal form of it (``Жешувом`` -> жешувом, жешув)."""
    morph = morphology()
    return frozenset(
        {word.casefold(), *(parse.normal_form for parse in morph.parse(word))}
        if morph is not None
        else {word.casefold()}
    )


def _is_word_break(left: str, right: str) -> bool:
    """Whether ``left-`` + ``right`` is one word hyphenated at a line end, not a compound like «міст-побратимів».

    It is when the dictionary knows the joined word and does not know the second part on its own.
    """
    morph = morphology()
    if morph is None:
        return False
    head = left.split()[-1].rstrip("-") if left.split() else ""
    tail = right.split()[0] if right.split() else ""
    tail_word = tail.rstrip(".,;:!?»)”")
    return bool(head and tail_word) and morph.word_is_known(head + tail_word) and not morph.word_is_known(tail_word)


_NUMBER_HEAD = re.compile(r"\d[,.]?$")
_NUMBER_TAIL = re.compile(r"^(\d{1,3}\.?|\d+[,.]\d+)$")


def _is_forced_break(left: str, right: str, filled: bool | None) -> bool:
    """Whether a word too long for its cell was broken without a hyphen (``Забезпе`` / ``чення``), as word processors
    do in a narrow table column. A line that did not run to the cell's edge (``filled`` False, as the reader measured
    it) never ends in one. The dictionary must know the joined word, and not both parts as words on their own
    (``з`` / ``містами``, ``за`` / ``кордоном`` stay two words). A number (``100,`` / ``0``) is joined only where the
    line was measured full: otherwise it stays unreadable, a recorded gap, rather than a guess.
    """
    morph = morphology()
    if morph is None or filled is False or not left.split() or not right.split():
        return False
    head, tail = left.split()[-1], right.split()[0]
    tail_word = tail.rstrip(".,;:!?»)”")
    # «1 405» / «000,00», «1» / «658 000,00»: a thousands space
    if re.fullmatch(r"\d{1,3}", head) and re.match(r"\d{3}(?:[,.]\d+|(?: \d{3})+(?:[,.]\d+)?)(?!\d)", right.strip()):
        return False
    if _NUMBER_HEAD.search(head) and _NUMBER_TAIL.match(tail):  # «100,» / «0»: only where the line was measured full
        return filled is True
    if not (head.isalpha() and tail_word.isalpha()) or not morph.word_is_known(head + tail_word):
        return False
    return not (morph.word_is_known(head) and _stands_alone(tail_word))


MAX_PIECES = 4  # the most lines one word is broken over in a narrow cell


def _broken_over_lines(parts: list[str], filled: list[bool] | None) -> tuple[list[str], list[bool] | None]:
    """The lines of a cell with a word broken over three lines or more joined back («Прогн» / «озован» / «ий обсяг» is
    «Прогнозований обсяг»): the lines between hold one piece each, the dictionary knows the joined word and not its
    first piece, and no line but the last was measured short of the cell's edge."""
    morph = morphology()
    if morph is None or len(parts) < 3:
        return parts, filled
    lines, fills = [p.strip() for p in parts], list(filled) if filled is not None else None
    index = 0
    while index < len(lines) - 2:
        head = lines[index].split()[-1] if lines[index].split() else ""
        for last in range(index + 2, min(index + MAX_PIECES, len(lines))):
            middle = lines[index + 1 : last]
            tail = lines[last].split()[0] if lines[last].split() else ""
            word = head + "".join(middle) + tail.rstrip(".,;:!?»)”")
            if (
                head.isalpha()
                and all(len(m.split()) == 1 and m.isalpha() for m in middle)
                and (fills is None or not any(f is False for f in fills[index:last]))
                and not morph.word_is_known(head)
                and word.isalpha()
                and morph.word_is_known(word)
            ):
                lines[index] = lines[index] + "".join(middle) + lines[last]
                del lines[index + 1 : last + 1]
                if fills is not None:
                    fills[index] = fills[last]
                    del fills[index + 1 : last + 1]
                break
        index += 1
    return lines, fills


_NOT_ALONE = {"Name", "Surn", "Patr", "Abbr", "Geox", "Orgn"}  # what a lowercase piece of a broken word parses as
_SHORT_WORDS = {"PREP", "CONJ", "PRCL", "NPRO", "INTJ"}


def _stands_alone(word: str) -> bool:
    """Whether the dictionary knows ``word`` as a word of its own, not only as what the piece of a broken word happens
    to look like: a lowercase name or abbreviation (``ної``: «Ной»), or a letter's name (``ка``). A word of one or two
    letters stands alone only as a preposition, conjunction, particle or pronoun (``з``, ``та``, ``не``, ``їх``)."""
    morph = morphology()
    if not morph.word_is_known(word):
        return False
    return any(
        not (word[:1].islower() and parse.tag.grammemes & _NOT_ALONE)
        and (len(word) > 2 or parse.tag.POS in _SHORT_WORDS)
        for parse in morph.parse(word)
    )


def join_wrapped(parts: list[str], in_cell: bool = False, filled: list[bool] | None = None) -> str:
    """One text from the lines a wrap made of it.

    Lines are joined with a space; a line ending in a hyphen between letters is joined without
    one: the hyphen is dropped when it broke a word (``співробіт-`` / ``ництва``) and kept in a
    compound (``міст-`` / ``побратимів``); a soft hyphen is always dropped. ``in_cell``: the lines
    are a table cell's, where a word processor breaks a word longer than the column without a
    hyphen; such a break is joined without a space (``_is_forced_break``). ``filled``: for each line, whether it ran
    to the cell's right edge (measured by the reader), where a forced break can only be.

    >>> join_wrapped(["Співпраця з", "партнерами міст-", "побратимів"])
    'Співпраця з партнерами міст-побратимів'
    >>> join_wrapped(["міжнародного співробіт-", "ництва", "2021 -", "2025 роки"])
    'міжнародного співробітництва 2021 - 2025 роки'
    >>> join_wrapped(["1", "840,0"])
    '1 840,0'
    >>> join_wrapped(["Забезпе", "чення участі з", "містами"], in_cell=True)
    'Забезпечення участі з містами'
    >>> join_wrapped(["100,", "0"], in_cell=True), join_wrapped(["100,", "0"], True, [True, False])
    ('100, 0', '100,0')
    >>> join_wrapped(["Підготов", "ка"], True), join_wrapped(["промоцій", "ної"], True), join_wrapped(["з", "містами"], True)
    ('Підготовка', 'промоційної', 'з містами')
    >>> join_wrapped(["Прогн", "озован", "ий обсяг", "фінанс", "уванн", "я, млн грн"], True)
    'Прогнозований обсяг фінансування, млн грн'
    >>> join_wrapped(["Забезпе", "чення"], True, [False, False])
    'Забезпе чення'
    >>> join_wrapped(["1 405", "000,00"], True, [True, False]), join_wrapped(["1", "840,0"], True, [True, False])
    ('1 405 000,00', '1 840,0')
    >>> join_wrapped(["2028 рік – 1", "658 000,00 грн"], True, [True, False])
    '2028 рік – 1 658 000,00 грн'

    """
    if in_cell:
        parts, filled = _broken_over_lines(parts, filled)
    text = ""
    ended_at_edge: bool | None = None  # whether the line before ``part`` ran to the cell's edge (None: not measured)
    for index, raw in enumerate(parts):
        part = raw.strip()
        if not part:
            continue
        if not text:
            text = part
        elif text.endswith(SOFT_HYPHEN):
            text = text[:-1] + part
        elif text.endswith("-") and len(text) > 1 and text[-2].isalpha() and part[0].isalpha():
            text = text[:-1] + part if part[0].islower() and _is_word_break(text, part) else text + part
        elif in_cell and _is_forced_break(text, part, ended_at_edge):
            text += part
        else:
            text = f"{text} {part}"
        ended_at_edge = filled[index] if filled is not None else None
    return text
