"""The world map: country outlines as ready-made SVG paths keyed by octa's ISO3 codes.

The outlines come from the npm package `world-atlas` 2.0.2 (ISC; `countries-110m.json`, a
TopoJSON derived from Natural Earth, public domain). They are converted once, at build time,
with `python -m octa.web.worldmap countries-110m.json` into `static/map/world-110m.json`:
projected (Natural Earth I), rounded to 0.1 px and stored as path strings, so a page only
has to emit `<path d=…>` elements and the browser needs no geo library.
"""

from __future__ import annotations

import json
import math
import sys
from functools import cache
from pathlib import Path
from typing import Any

import pycountry

from octa.countries import all_countries

MAP_FILE = Path(__file__).parent / "static" / "map" / "world-110m.json"
WIDTH = 960.0
ATTRIBUTION = (
    "Country outlines: Natural Earth (public domain), via the world-atlas 2.0.2 "
    "package (ISC licence), 1:110m."
)
#: Outlines world-atlas leaves without an ISO numeric id, by name. The index scores Somalia and
#: Cyprus as wholes, so Somaliland and Northern Cyprus are drawn as part of them.
UNNUMBERED = {"Kosovo": "XKX", "Somaliland": "SOM", "N. Cyprus": "CYP"}
#: Not drawn: no index country, and Antarctica only takes room.
SKIPPED = {"010"}


def natural_earth(lon: float, lat: float) -> tuple[float, float]:
    """Natural Earth I projection (Šavrič et al. 2011) in unit-sphere coordinates."""
    phi, lam = math.radians(lat), math.radians(lon)
    p2 = phi * phi
    p4 = p2 * p2
    x = lam * (0.8707 - 0.131979 * p2 + p4 * (-0.013791 + p4 * (0.003971 * p2 - 0.001529 * p4)))
    y = phi * (1.007226 + p2 * (0.015085 + p4 * (-0.044475 + 0.028874 * p2 - 0.005916 * p4)))
    return x, y


def _decode_arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """Delta-decoded, de-quantised arcs as lon/lat pairs."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def _ring(arcs: list[list[tuple[float, float]]], indices: list[int]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in indices:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


Ring = list[tuple[float, float]]


def _unwrap(ring: Ring) -> Ring:
    """Make longitudes continuous: a ring crossing the antimeridian jumps by 360° otherwise."""
    out = [ring[0]]
    for lon, lat in ring[1:]:
        previous = out[-1][0]
        while lon - previous > 180:
            lon -= 360
        while lon - previous < -180:
            lon += 360
        out.append((lon, lat))
    return out


def _clip(ring: Ring, edge: float, keep_below: bool) -> Ring:
    """Sutherland–Hodgman against the meridian `edge` (keeps lon <= edge or lon >= edge)."""

    def inside(point: tuple[float, float]) -> bool:
        return point[0] <= edge if keep_below else point[0] >= edge

    out: Ring = []
    for i, current in enumerate(ring):
        previous = ring[i - 1]
        if inside(current) != inside(previous):
            t = (edge - previous[0]) / (current[0] - previous[0])
            out.append((edge, previous[1] + t * (current[1] - previous[1])))
        if inside(current):
            out.append(current)
    return out


def split_antimeridian(ring: Ring) -> list[Ring]:
    """A ring as one or two rings that each stay within -180..180 (Russia, Fiji)."""
    ring = _unwrap(ring)
    lons = [p[0] for p in ring]
    if min(lons) >= -180 and max(lons) <= 180:
        return [ring]
    edge = 180.0 if max(lons) > 180 else -180.0
    shift = -360.0 if edge > 0 else 360.0
    near = _clip(ring, edge, keep_below=edge > 0)
    far = [(lon + shift, lat) for lon, lat in _clip(ring, edge, keep_below=edge < 0)]
    return [r for r in (near, far) if len(r) >= 3]


def _path(rings: list[list[tuple[float, float]]], scale: float, xoff: float, yoff: float) -> str:
    parts = []
    for ring in rings:
        coords = []
        last = None
        for lon, lat in ring:
            x, y = natural_earth(lon, lat)
            point = (round(x * scale + xoff, 1), round(yoff - y * scale, 1))
            if point != last:
                coords.append(f"{point[0]:g},{point[1]:g}")
                last = point
        if len(coords) >= 3:
            parts.append("M" + "L".join(coords) + "Z")
    return "".join(parts)


def _iso3(geometry: dict[str, Any]) -> str | None:
    name = geometry.get("properties", {}).get("name", "")
    if "id" not in geometry:
        return UNNUMBERED.get(name)
    found = pycountry.countries.get(numeric=str(geometry["id"]).zfill(3))
    return found.alpha_3 if found else None


def build(topojson: Path, out: Path = MAP_FILE) -> dict[str, Any]:
    """Convert world-atlas TopoJSON to projected SVG paths per ISO3; writes and returns the map."""
    topology = json.loads(topojson.read_text(encoding="utf-8"))
    arcs = _decode_arcs(topology)
    scale = WIDTH / (2 * natural_earth(180, 0)[0])
    top = natural_earth(0, 84)[1] * scale
    height = round(top + natural_earth(0, 60)[1] * scale, 1)  # Antarctica left out: 60° S is enough
    shapes: dict[str, str] = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        iso3 = _iso3(geometry)
        if iso3 is None or geometry.get("id") in SKIPPED:
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        rings = [
            piece
            for polygon in polygons
            for ring in polygon
            for piece in split_antimeridian(_ring(arcs, ring))
        ]
        shapes[iso3] = shapes.get(iso3, "") + _path(rings, scale, WIDTH / 2, top)
    data = {"width": WIDTH, "height": height, "attribution": ATTRIBUTION, "shapes": shapes}
    out.write_text(json.dumps(data, separators=(",", ":"), sort_keys=True), encoding="utf-8")
    return data


@cache
def world_map() -> dict[str, Any]:
    """The shipped map, plus which index countries it cannot draw (small states at 1:110m)."""
    data = json.loads(MAP_FILE.read_text(encoding="utf-8"))
    known = {c.iso3 for c in all_countries()}
    #: Territories outside the index (Greenland, Kosovo, Western Sahara…): drawn grey, not linked.
    data["background"] = [v for k, v in data["shapes"].items() if k not in known]
    data["shapes"] = {k: v for k, v in data["shapes"].items() if k in known}
    data["missing"] = sorted(c.iso3 for c in all_countries() if c.iso3 not in data["shapes"])
    return data


if __name__ == "__main__":
    result = build(Path(sys.argv[1]))
    print(f"{len(result['shapes'])} shapes written to {MAP_FILE}")
