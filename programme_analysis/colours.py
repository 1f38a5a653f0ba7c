"""One colour per community on every chart and slide, told apart whenever up to a palette's length are shown.

A community's colour is data: ``communities.colour`` (``loaders add`` gives a new one the first colour of
``loaders/rules/palette.csv`` that no community has yet). With hundreds of communities loaded, colours are shared, so
the communities shown together are given colours in one pass, the same on every page for the same choice: each keeps
its own unless a community before it (by id) has it, and then takes the first palette colour none of them has.
A category's colour is data too: ``categories.colour``.

>>> distinct_colours(["b", "a", "c"], {"a": "#111111", "b": "#111111", "c": "#333333"}, ["#111111", "#222222"])
{'a': '#111111', 'b': '#222222', 'c': '#333333'}
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from loaders.rules import read_rules_csv


def palette() -> list[str]:
    """The communities' palette, in the order colours are given (``loaders/rules/palette.csv``)."""
    return [row["colour"].upper() for row in read_rules_csv("palette.csv")]


def distinct_colours(
    community_ids: Iterable[str], stored: Mapping[str, str], colours: Sequence[str] | None = None
) -> dict[str, str]:
    """``{community_id: colour}``: the stored colour, or the first of ``colours`` not yet taken when one listed before
    (by id) has it; when every colour is taken, the stored one (more communities than colours must share)."""
    colours = [c.upper() for c in (colours or palette())]
    given: dict[str, str] = {}
    for community_id in sorted(set(community_ids)):
        own = (stored.get(community_id) or "").upper()
        taken = set(given.values())
        free = [c for c in colours if c not in taken]
        given[community_id] = own if own and own not in taken else free[0] if free else own or colours[0]
    return given
