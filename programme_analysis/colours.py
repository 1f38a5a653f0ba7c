"""One colour per community on every chart and slide, told apart whenever up to a palette's length are shown.

A community's colour is data: ``communities.colour`` (``loaders add`` gives a new one the first colour of
``loaders/rules/palette.csv`` that no community has yet). With hundreds of communities loaded, colours are shared, so
the communities shown together are given colours in one pass, the same on every page for the same choice: each keeps
its own unless another shown community (first by id) keeps the same one, and then takes the first palette colour none
of them has.
A category's colour is data too: ``categories.colour``.

>>> distinct_colours(["b", "a", "c"], {"a": "#111111", "b": "#111111", "c": "#222222"}, ["#111111", "#222222", "#333333"])
{'a': '#111111', 'b': '#333333', 'c': '#222222'}
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
    """``{community_id: colour}``: every community keeps its stored colour unless another shown community (first by
    id) keeps the same one; those that cannot keep theirs take, in id order, the first of ``colours`` no shown
    community has; when every colour is taken, the stored one (more communities than colours must share)."""
    colours = [c.upper() for c in (colours or palette())]
    ids = sorted(set(community_ids))
    given: dict[str, str] = {}
    for community_id in ids:  # first every colour that can stay where it is
        own = (stored.get(community_id) or "").upper()
        if own and own not in given.values():
            given[community_id] = own
    taken = set(given.values())
    free = iter([c for c in colours if c not in taken])  # the palette's colours no shown community keeps, in order
    for community_id in ids:
        if community_id not in given:
            given[community_id] = next(free, None) or (stored.get(community_id) or colours[0]).upper()
    return {community_id: given[community_id] for community_id in ids}
