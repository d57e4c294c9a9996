"""Build places_admin.json (Syria's 14 governorates, 62 districts, 272 subdistricts).

Usage: python resources/gazetteer/tools/build_admin.py [../shared/gazetteer/open-syria]

A development tool: the application reads only the JSON it writes. Source: OpenSyria
data-geography (CC BY 4.0; attribution in resources/gazetteer/README.md and the About box).
Each row: id (OCHA PCODE), kind, Arabic name, Arabic and Latin aliases, Latin name, centroid,
parent (the PCODE above it; «sy» for a governorate). A subdistrict named «مركز X» (the
district seat's own subdistrict) also answers to X only after «ناحية».
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]


def _row(item: dict, kind: str, parent: str) -> dict:
    pcode = item["externalIds"]["ochaPcode"]
    aliases = []
    for a in item.get("aliases", []):
        v = a["value"].strip()
        # Latin transliteration keys («nahyt alshdadt») are search noise, not names.
        if a["language"] == "en" and a["type"] == "alternate_spelling" and v.islower():
            continue
        aliases.append(v)
    c = item.get("centroid") or {}
    return {
        "id": pcode,
        "kind": kind,
        "name": item["name"]["ar"],
        "aliases": list(dict.fromkeys([item["name"]["en"], *aliases])),
        "latin": item["name"]["en"],
        "lat": c.get("latitude"),
        "lon": c.get("longitude"),
        "parent": parent,
    }


def main() -> int:
    src = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared/gazetteer/open-syria"
    read = lambda name: json.loads((src / f"{name}.json").read_text(encoding="utf-8"))  # noqa: E731
    govs, dists, subs = read("governorates"), read("districts"), read("subdistricts")
    code = {g["id"]: g["externalIds"]["ochaPcode"] for g in [*govs, *dists]}
    rows = [_row(g, "governorate", "sy") for g in govs]
    rows += [_row(d, "district", code[d["governorateId"]]) for d in dists]
    rows += [_row(s, "subdistrict", code[s["districtId"]]) for s in subs]
    out = HERE.parent / "places_admin.json"
    out.write_text(
        "[\n" + ",\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n]\n",
        encoding="utf-8",
    )
    print(f"{out}: {len(govs)} governorates, {len(dists)} districts, {len(subs)} subdistricts")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
