"""A stored JSON value (a checklist, a score sheet) as people read it: names, never internal keys."""

from __future__ import annotations

import re
from typing import Any

# A dict key written for the program (``nhan_ten_hang_hoa``, ``rule_set``), not for people.
_CODE_KEY = re.compile(r"[a-z][a-z0-9]*(_[a-z0-9]+)+|[a-z]+")


def _checklist_names() -> dict[str, str]:
    from ocop_desktop.services.products import checklist_sections

    return {item.code: item.name for section in checklist_sections() for item in section.items}


def structured_text(value: dict[Any, Any] | list[Any], key: str = "") -> str:
    """A product's checklist as the items ticked («Tên hàng hóa, Xuất xứ»); a mapping keyed by
    people's codes (criteria «A1.2: 3») as written; any other structure as its size («12 mục»),
    never as ``{'rule_set': …}``."""
    if isinstance(value, dict) and key == "checklist":
        names = _checklist_names()
        ticked = [names.get(code, "mục đã bỏ khỏi danh mục") for code, done in value.items() if done]
        return ", ".join(ticked) if ticked else "không mục nào được đánh dấu"
    if isinstance(value, dict):
        if any(not isinstance(k, str) or _CODE_KEY.fullmatch(k) for k in value) or any(
            isinstance(v, (dict, list)) for v in value.values()
        ):
            return f"{len(value)} mục"
        return ", ".join(f"{k}: {v}" for k, v in value.items())
    if any(isinstance(v, (dict, list)) for v in value):
        return f"{len(value)} mục"
    return ", ".join(map(str, value))
