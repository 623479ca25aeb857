"""Fill and inspect translations in the .ts files without Qt Linguist.

    python build_spec/ts_tool.py missing [AREA]          # list strings with no Vietnamese yet
    python build_spec/ts_tool.py fill AREA FILE.json     # {"English source": "Tiếng Việt", ...}

After filling, run build_resources.py to rebuild the .qm files.
"""

from __future__ import annotations

import json
import sys
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

TS_DIR = Path(__file__).resolve().parents[1] / "resources" / "translations"


def _files(area: str | None) -> list[Path]:
    return [TS_DIR / f"{area}_vi.ts"] if area else sorted(TS_DIR.glob("*_vi.ts"))


def _translated(msg: ET.Element) -> bool:
    tr = msg.find("translation")
    if tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete"):
        return False
    if msg.get("numerus") == "yes":
        forms = tr.findall("numerusform")
        return bool(forms) and all((f.text or "").strip() for f in forms)
    return bool((tr.text or "").strip())


def missing(area: str | None) -> list[tuple[str, str, str]]:
    out = []
    for ts in _files(area):
        for ctx in ET.parse(ts).getroot().iter("context"):
            name = ctx.findtext("name")
            for msg in ctx.iter("message"):
                if not _translated(msg):
                    out.append((ts.stem, name, msg.findtext("source")))
    return out


def fill(area: str, mapping: dict[str, str]) -> int:
    ts = TS_DIR / f"{area}_vi.ts"
    tree = ET.parse(ts)
    filled = 0
    for msg in tree.getroot().iter("message"):
        source = msg.findtext("source")
        if source in mapping:
            tr = msg.find("translation")
            text = unicodedata.normalize("NFC", mapping[source])
            if msg.get("numerus") == "yes":
                # Vietnamese has a single plural form.
                for form in tr.findall("numerusform"):
                    tr.remove(form)
                ET.SubElement(tr, "numerusform").text = text
            else:
                tr.text = text
            tr.attrib.pop("type", None)
            filled += 1
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return filled


def main(argv: list[str]) -> int:
    if argv[:1] == ["missing"]:
        rows = missing(argv[1] if len(argv) > 1 else None)
        for area, ctx, source in rows:
            print(f"{area}\t{ctx}\t{source}")
        return 1 if rows else 0
    if argv[:1] == ["fill"] and len(argv) == 3:
        mapping = json.loads(Path(argv[2]).read_text("utf-8"))
        print(f"filled {fill(argv[1], mapping)} messages")
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
