"""Collect the UI's strings and rebuild the Arabic catalogue.

    .venv/bin/python scripts/update_translations.py

1. ``pyside6-lupdate ui/**/*.py`` updates resources/i18n/casefile_ar.ts (translations
   already in it are kept; strings gone from the code become obsolete);
2. unfinished messages are filled from resources/i18n/glossary_ar.json
   (English source → Arabic), the one place translators edit;
3. ``pyside6-lrelease`` compiles casefile_ar.qm, which ui.core.i18n loads.

Prints the strings still untranslated and exits 1 when there are any, so a
string added without a translation is noticed.
"""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "resources" / "i18n"
TS = I18N / "casefile_ar.ts"
QM = I18N / "casefile_ar.qm"
GLOSSARY = I18N / "glossary_ar.json"
BIN = Path(sys.executable).parent


def fill(ts: Path, glossary: dict[str, str]) -> list[str]:
    tree = ET.parse(ts)
    missing = []
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None or translation.get("type") in ("obsolete", "vanished"):
            continue
        arabic = glossary.get(source)
        if arabic is None:
            if translation.get("type") == "unfinished":
                missing.append(source)
            continue
        if message.get("numerus") == "yes":  # Arabic has six plural forms: same text in each
            for form in list(translation):
                translation.remove(form)
            for _ in range(6):
                ET.SubElement(translation, "numerusform").text = arabic
            translation.text = None
        else:
            translation.text = arabic
        translation.attrib.pop("type", None)
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return missing


def main() -> int:
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py"))
    subprocess.run([str(BIN / "pyside6-lupdate"), *sources, "-ts", str(TS),
                    "-target-language", "ar_SY", "-no-obsolete"], cwd=ROOT, check=True)
    glossary = json.loads(GLOSSARY.read_text(encoding="utf-8"))
    missing = fill(TS, glossary)
    subprocess.run([str(BIN / "pyside6-lrelease"), str(TS), "-qm", str(QM)], cwd=ROOT,
                   check=True)
    for source in missing:
        print(f"untranslated: {source!r}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
