"""Build resources/reference/places.json (every administrative unit before and after 01/07/2025).

Run in the development environment only:

    pip install vietnam-provinces vietnamadminunits
    python build_spec/build_places.py

The data come from ``vietnamadminunits`` (MIT; its SQLite dataset and its 2025 conversion table,
read directly because importing the package needs shapely and geopy). ``vietnam-provinces``
(which declares no licence in its metadata) is only used to cross-check the 2025 codes and
names; nothing of it is copied. Neither package is a runtime dependency: the program reads the
JSON this script writes.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import json
import sqlite3
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "resources/reference/places.json"

OLD, NEW, BOTH = "2024", "2025", ""
PERIODS = {OLD: [None, "2025-06-30"], NEW: ["2025-07-01", None], BOTH: [None, None]}

# Keys of the 16 units shipped before the national list: records point at uuid5(key), so these
# units keep their historical keys ("era:code" -> key); every other unit's key is "code@era".
KEPT_KEYS = {
    ":11": "tinh-dien-bien",
    "2024:102": "huyen-muong-ang",
    "2024:03256": "thi-tran-muong-ang",
    "2024:03307": "xa-ang-nua",
    "2024:03310": "xa-ang-cang",
    "2024:03301": "xa-bung-lao-2024",
    "2024:03292": "xa-ang-to",
    "2024:03286": "xa-muong-dang",
    "2024:03287": "xa-ngoi-cay",
    "2024:03313": "xa-muong-lan-2024",
    "2024:03302": "xa-xuan-lao",
    "2024:03312": "xa-nam-lich",
    "2025:03256": "xa-muong-ang",
    "2025:03301": "xa-bung-lao",
    "2025:03316": "xa-na-tau",
    "2025:03313": "xa-muong-lan",
}

DISTRICT_KINDS = {"Quận": "quan", "Huyện": "huyen", "Thị xã": "thi_xa", "Thành phố": "thanh_pho"}
COMMUNE_KINDS = {"Phường": "phuong", "Thị trấn": "thi_tran", "Xã": "xa", "Đặc khu": "dac_khu"}


def _package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        sys.exit(f"{name} is not installed: pip install vietnam-provinces vietnamadminunits")
    return Path(next(iter(spec.submodule_search_locations)))


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text.strip())


def _province_kind(name: str) -> str:
    return "thanh_pho_tw" if name.startswith("Thành phố") else "tinh"


def build() -> dict:
    vau = _package_dir("vietnamadminunits")
    db = sqlite3.connect(vau / "data/dataset.db")
    conv = json.loads((vau / "data/converter_2025.json").read_text(encoding="utf-8"))

    legacy = db.execute(
        "SELECT province, provinceCode, provinceKey, district, districtType, districtCode,"
        " districtKey, ward, wardType, wardCode, wardKey FROM admin_units_legacy"
        " ORDER BY provinceCode, districtCode, wardCode"
    ).fetchall()
    current = db.execute(
        "SELECT province, provinceCode, provinceKey, ward, wardType, wardCode, wardKey"
        " FROM admin_units ORDER BY provinceCode, wardCode"
    ).fetchall()

    old_prov: dict[str, tuple[str, str]] = {}  # legacy key -> (code, name)
    for prov, pcode, pkey, *_ in legacy:
        old_prov[pkey] = (pcode, _nfc(prov))
    new_prov: dict[str, tuple[str, str]] = {}
    for prov, pcode, pkey, *_ in current:
        new_prov[pkey] = (pcode, _nfc(prov))
    # A province neither merged nor renamed is one unit valid before and after the reform.
    continuing = {k for k, v in new_prov.items() if conv["DICT_PROVINCE"][k] == [k] and old_prov.get(k) == v}

    units: list[list] = []
    links: list[list] = []
    for key in sorted(old_prov, key=lambda k: old_prov[k][0]):
        code, name = old_prov[key]
        units.append([BOTH if key in continuing else OLD, code, name, _province_kind(name), None])
    districts: dict[str, tuple] = {}
    old_key_code: dict[str, str] = {}  # converter key "province_district_ward" -> old code
    for _prov, pcode, pkey, dist, dtype, dcode, dkey, ward, wtype, wcode, wkey in legacy:
        if dcode not in districts:
            districts[dcode] = (pcode, _nfc(dist), DISTRICT_KINDS[dtype])
            units.append([OLD, dcode, _nfc(dist), DISTRICT_KINDS[dtype], pcode])
        if wcode:
            units.append([OLD, wcode, _nfc(ward), COMMUNE_KINDS[wtype], dcode])
            old_key_code[f"{pkey}_{dkey}_{wkey}"] = wcode
        else:  # island districts without communes became special zones (đặc khu)
            old_key_code[f"{pkey}_{dkey}_"] = dcode
    for key in sorted(new_prov, key=lambda k: new_prov[k][0]):
        if key not in continuing:
            code, name = new_prov[key]
            units.append([NEW, code, name, _province_kind(name), None])
    new_ward: dict[tuple[str, str], str] = {}
    for _prov, pcode, pkey, ward, wtype, wcode, wkey in current:
        units.append([NEW, wcode, _nfc(ward), COMMUNE_KINDS[wtype], pcode])
        new_ward[(pkey, wkey)] = wcode

    # Old province -> new province (only the merged or renamed ones).
    for new_key, olds in conv["DICT_PROVINCE"].items():
        if new_key in continuing:
            continue
        for old_key in olds:
            links.append([old_prov[old_key][0], new_prov[new_key][0], 1])
    # Old commune -> new commune: whole units, then units divided between several new ones.
    for new_pkey, wards in conv["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for new_wkey, olds in wards.items():
            for old in olds:
                links.append([old_key_code[old], new_ward[(new_pkey, new_wkey)], 1])
    for new_pkey, olds in conv["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old, parts in olds.items():
            for part in parts:
                main = 1 if part["isDefaultNewWard"] else 0
                links.append([old_key_code[old], new_ward[(new_pkey, part["newWardKey"])], main])
    links.sort()

    _cross_check(units)
    versions = {n: importlib.metadata.version(n) for n in ("vietnamadminunits", "vietnam-provinces")}
    return {
        "version": 2,
        "source": (
            f"vietnamadminunits {versions['vietnamadminunits']} (MIT, Tran Ngoc Minh Hieu, "
            "https://github.com/tranngocminhhieu/vietnamadminunits): danh mục ĐVHC của Tổng cục "
            "Thống kê trước 01/07/2025 và 34 tỉnh, 3.321 xã/phường/đặc khu từ 01/07/2025 cùng bảng "
            f"chuyển đổi; đối chiếu mã và tên với vietnam-provinces {versions['vietnam-provinces']} "
            "(không chép dữ liệu). Tạo bởi build_spec/build_places.py."
        ),
        "columns": ["era", "code", "name", "kind", "parent_code"],
        "periods": PERIODS,
        "keys": KEPT_KEYS,
        "units": units,
        "link_columns": ["old_code", "new_code", "main"],
        "links": links,
    }


def _cross_check(units: list[list]) -> None:
    """Every 2025 commune-level unit of vietnam-provinces has the same code and name here."""
    vp = _package_dir("vietnam_provinces")
    flat = json.loads((vp / "data/flat-divisions.json").read_text(encoding="utf-8"))
    ours = {u[1]: u[2] for u in units if u[0] == NEW and len(u[1]) == 5}
    theirs = {f"{w['code']:05d}": _nfc(w["name"]) for w in flat}
    differ = sorted(c for c in theirs if ours.get(c) != theirs[c])
    print(
        f"2025 units: {len(ours)} here, {len(theirs)} in vietnam-provinces, {len(differ)} differ"
        + (f" ({', '.join(differ[:10])})" if differ else "")
    )


def _dump(data: dict) -> str:
    """Compact JSON with one unit or link per line, so a rebuild's diff is readable."""

    def one(value) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))

    parts = []
    for key, value in data.items():
        if key in ("units", "links"):
            body = ",\n".join(one(v) for v in value)
            parts.append(f"{one(key)}:[\n{body}\n]")
        else:
            parts.append(f"{one(key)}:{one(value)}")
    return "{\n" + ",\n".join(parts) + "\n}\n"


def main() -> None:
    data = build()
    OUT.write_text(_dump(data), encoding="utf-8")
    print(
        f"{OUT.relative_to(ROOT)}: {len(data['units'])} units, {len(data['links'])} links,"
        f" {OUT.stat().st_size // 1024} KiB"
    )


if __name__ == "__main__":
    main()
