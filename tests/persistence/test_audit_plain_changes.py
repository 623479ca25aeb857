"""normalize_changes: plain {field: [old, new]} values are copied as the JSON column would give them back."""

from __future__ import annotations

import json
from datetime import date

import pytest

from ocop_desktop.persistence.audit_chain import entry_hash, jsonable, normalize_changes


def through_json(changes):
    return json.loads(json.dumps(changes, ensure_ascii=False, default=jsonable, allow_nan=False))


@pytest.mark.parametrize(
    "changes",
    [
        {},
        {"product_name": [None, "Chè Shan tuyết"], "price_vnd": [None, 15000], "area": [1.5, 2.25]},
        {"flag": [False, True], "notes": ["", None], "big": [None, 1e16], "zero": [None, -0.0]},
        {"pair": (1, 2)},  # a tuple reads back as a list
        {"when": [None, date(2024, 7, 4)]},  # a date reads back as text
        {1: [None, "x"]},  # a key reads back as text
        {"nested": [None, {"a": [1, 2]}]},
    ],
)
def test_changes_read_back_as_stored(changes):
    normalized = normalize_changes(changes)
    assert normalized == through_json(changes)
    assert json.dumps(normalized) == json.dumps(through_json(changes))
    at = "2026-12-02 14:00:00.000000"
    assert entry_hash(1, at, "", "create", "t", "1", normalized, "", "0", None) == entry_hash(
        1, at, "", "create", "t", "1", through_json(changes), "", "0", None
    )


def test_a_value_json_refuses_is_still_refused():
    with pytest.raises(ValueError):
        normalize_changes({"x": [None, float("nan")]})
