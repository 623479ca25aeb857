"""Reference data checked against the files shipped with the program: places, their links, OCOP
groups and sets, rule sets. These tables are not in the audit chain (the program writes them from
the files at every start); `ocop check` compares them with what the files say, read-only."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from ocop_desktop.domain.scorecard import card_from_dict, card_to_dict
from ocop_desktop.services.reference import group_id, product_set_id, read_json, rule_set_id
from ocop_desktop.services.reference_places import (
    _COLUMNS as PLACE_COLUMNS,
)
from ocop_desktop.services.reference_places import (
    META_KEY,
    _sql_value,
    places_digest,
    read_places,
)
from ocop_desktop.services.scorecards import SHIPPED, scorecard_id, shipped_files

SHOWN = 3
RELOAD = "Mở OCOP Desktop một lần để nạp lại danh mục từ tệp đi kèm chương trình, rồi kiểm tra lại."
RULE_DATA = (
    "parts",
    "star_bands",
    "authority",
    "min_certified_stars",
    "reevaluation_window_days",
    "expiry_warning_days",
    "notes",
)


def _canon(value: Any) -> Any:
    value = _sql_value(value)
    if isinstance(value, (dict, list)):
        return json.dumps(value, sort_keys=True, ensure_ascii=False)
    if isinstance(value, str) and value[:1] in "{[":
        try:
            return json.dumps(json.loads(value), sort_keys=True, ensure_ascii=False)
        except ValueError:
            return value
    return value


def _compare(
    conn: sqlite3.Connection,
    table: str,
    label: str,
    expected: dict[str, dict[str, Any]],
    name_column: str = "name",
    claimed: set[str] | None = None,
) -> list[str]:
    """Rows of ``table`` against the files' rows by id; Vietnamese problems naming each record.
    ``claimed``: the rows that say they come from the files (others are the office's own)."""
    columns = sorted({c for row in expected.values() for c in row})
    found = {
        r[0]: dict(zip(columns, r[1:], strict=True))
        for r in conn.execute(f'SELECT id, {", ".join(columns)} FROM "{table}"')
    }
    # Equal values are equal once canonical too: _canon only for the few that differ as read
    # (14,000 places, ten columns each: `ocop check` spent ~1.3 s of its 1.9 s canonicalising them).
    edited = [
        rid
        for rid, row in expected.items()
        if rid in found and any(row[c] != found[rid][c] and _canon(row[c]) != _canon(found[rid][c]) for c in columns)
    ]
    missing = [rid for rid in expected if rid not in found]
    extra = [rid for rid in found if rid not in expected and (claimed is None or rid in claimed)]
    out = []
    for kind, ids, source in (
        ("khác với tệp đi kèm chương trình (đã bị sửa ngoài ứng dụng)", edited, expected),
        ("thiếu so với tệp đi kèm chương trình (đã bị xóa ngoài ứng dụng)", missing, expected),
        ("không có trong tệp đi kèm chương trình (đã được thêm ngoài ứng dụng)", extra, found),
    ):
        if not ids:
            continue
        names = ", ".join(f"«{source[i].get(name_column) or i}»" for i in ids[:SHOWN])
        more = f" và {len(ids) - SHOWN} mục khác" if len(ids) > SHOWN else ""
        out.append(f"{label} {names}{more} {kind}. {RELOAD}")
    return out


def reference_problems(conn: sqlite3.Connection) -> tuple[list[str], list[str]]:
    """(problems, facts) of the reference tables of a database at the program's schema."""
    problems: list[str] = []
    facts: list[str] = []
    recorded = conn.execute("SELECT value FROM app_meta WHERE key = ?", (META_KEY,)).fetchone()
    if recorded is None or recorded[0] != places_digest():
        facts.append(
            "Danh mục đi kèm chương trình chưa được nạp từ tệp của phiên bản này; sẽ được nạp khi mở "
            "chương trình (chưa so được với tệp gốc)."
        )
        return problems, facts
    # The places file loaded is the one shipped: every reference table is compared.
    rows, links = read_places()
    expected = {r["id"]: {c: r[c] for c in PLACE_COLUMNS} for r in rows}
    problems += _compare(conn, "places", "Địa bàn", expected)
    have = {(p, s): bool(m) for p, s, m in conn.execute("SELECT predecessor_id, successor_id, main FROM place_links")}
    if have != links:
        problems.append(
            f"Liên kết địa bàn cũ – mới khác với tệp đi kèm chương trình ở "
            f"{len(set(have.items()) ^ set(links.items()))} chỗ (đã bị sửa ngoài ứng dụng). {RELOAD}"
        )
    groups, sets = {}, {}
    position = 0
    for g_pos, group in enumerate(read_json("reference/ocop_groups.json")["groups"]):
        groups[group_id(group["code"])] = {"code": group["code"], "name": group["name"], "position": g_pos}
        for item in group["sets"]:
            position += 1
            sets[product_set_id(item["code"])] = {
                "code": item["code"],
                "name": item["name"],
                "group_id": group_id(group["code"]),
                "position": position,
            }
    problems += _compare(conn, "product_groups", "Nhóm sản phẩm", groups)
    problems += _compare(conn, "product_sets", "Bộ sản phẩm", sets)
    rules = {}
    for row in read_json("reference/rule_sets.json")["rule_sets"]:
        rules[rule_set_id(row["code"])] = {
            "code": row["code"],
            "decision": row["decision"],
            "title": row["title"],
            "signed_on": row["signed_on"],
            "effective_from": row["effective_from"],
            "effective_to": row["effective_to"],
            "certificate_months": row["certificate_months"],
            "data": {k: row[k] for k in RULE_DATA},
        }
    problems += _compare(conn, "rule_sets", "Bộ tiêu chí", rules, name_column="decision")
    problems += _scorecard_problems(conn)
    if not problems:
        facts.append(
            "Danh mục đi kèm chương trình (địa bàn, nhóm và bộ sản phẩm, bộ tiêu chí, phiếu chấm điểm): khớp tệp gốc."
        )
    return problems, facts


def _scorecard_problems(conn: sqlite3.Connection) -> list[str]:
    """The stored cards that say they come from resources/scorecards against those files. A card
    the office imported to replace or add to them is its own data: the audit chain covers it."""
    expected = {}
    for path in shipped_files():
        card = card_from_dict(json.loads(path.read_text(encoding="utf-8")))
        expected[scorecard_id(card.code)] = {
            "code": card.code,
            "rule_set_id": rule_set_id(card.rule_set),
            "product_set_id": product_set_id(card.product_set) if card.product_set else None,
            "structure": {**card_to_dict(card), "origin": SHIPPED, "file": path.name},
        }
    # Read whole and parsed here: json_extract is SQLite's (a server names it otherwise, issue 18).
    stored = {rid: _origin(structure) for rid, structure in conn.execute("SELECT id, structure FROM scorecards")}
    if not any(origin == SHIPPED for origin in stored.values()):
        return []  # the shipped cards are loaded when the evaluation tab first needs them
    # Replaced by the office (imported): not the file's to judge. Claiming to be shipped: must match.
    wanted = {rid: row for rid, row in expected.items() if stored.get(rid, SHIPPED) == SHIPPED}
    claimed = {rid for rid, origin in stored.items() if origin == SHIPPED}
    return _compare(conn, "scorecards", "Phiếu chấm điểm", wanted, name_column="code", claimed=claimed)


def _origin(structure: str | None) -> Any:
    """What json_extract(structure, '$.origin') gives: None unless the text is an object that has it."""
    try:
        found = json.loads(structure) if structure is not None else None
    except (TypeError, ValueError):
        return None
    return found.get("origin") if isinstance(found, dict) else None
