"""``ui.cache.DrawnFigure``: a figure shared by every session, whose dict is made once. Building its framed copy
must not take that shared dict apart (Plotly removes each trace's ``type`` from a dict it is given): a second session
then read a map's traces as plain scatter traces, and the partners page failed under load."""

from __future__ import annotations

import _plotly_utils.basevalidators as validators
import plotly.graph_objects as go
from plotly.basedatatypes import BaseTraceType

from ui.cache import DrawnFigure, framed


def _map() -> DrawnFigure:
    return DrawnFigure(go.Figure(go.Scattergeo(lat=[50.45], lon=[30.52], name="Київ"), layout={"height": 480}))


def test_the_framed_copy_leaves_the_shared_dict_whole():
    drawn = _map()
    assert drawn.to_dict()["data"][0]["type"] == "scattergeo"  # made and kept
    copy = framed(drawn)
    assert copy.layout.height is None and drawn.layout.height == 480
    assert drawn.to_dict()["data"][0]["type"] == "scattergeo"
    assert copy.to_dict()["data"][0]["type"] == "scattergeo"
    assert framed(drawn) is copy  # made once


def test_framing_never_hands_the_shared_traces_to_plotly(monkeypatch):
    """Plotly's copy of a figure takes each trace's ``type`` out of the trace's own properties while it copies it; a
    second session reading the shared figure at that moment saw a trace without its type. Framing copies a dict."""
    drawn = _map()
    shared_traces = {id(trace._props) for trace in drawn.data}
    handed = []
    original = validators.BaseDataValidator.validate_coerce

    def watch(self, v, *args, **kwargs):
        handed.extend(id(el._props) for el in (v or ()) if isinstance(el, BaseTraceType))
        return original(self, v, *args, **kwargs)

    monkeypatch.setattr(validators.BaseDataValidator, "validate_coerce", watch)
    framed(drawn)
    assert handed == [] or not shared_traces & set(handed)
