"""No message people read names a field by its internal key (``status:``, «office_unit_id»): refusals
of the flush hook and of the services, the activity log, and the code that builds messages."""

from __future__ import annotations

import ast
import itertools
import re
from datetime import date
from pathlib import Path

import pytest

from ocop_desktop.domain import limits
from ocop_desktop.domain.validation import FieldError, NotFoundError, ValidationError
from ocop_desktop.persistence import hooks
from ocop_desktop.persistence.models import Base
from ocop_desktop.services.errors import for_people
from ocop_desktop.services.settings import KEYS as SETTINGS

PACKAGE = Path(__file__).resolve().parents[2] / "ocop_desktop"
KEYS = {c.name for t in Base.metadata.tables.values() for c in t.columns} | set(Base.metadata.tables) | set(SETTINGS)
SNAKE = re.compile(r"(?<![\w«'/.-])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![\w'/.-])")  # office_unit_id, not a file or a value


def leaks(text: str) -> list[str]:
    """The internal keys ``text`` shows: a snake_case name, a key before a colon or in «»."""
    found = SNAKE.findall(_unquoted(text))
    found += [k for k in KEYS if re.search(rf"(?<![\w«]){re.escape(k)}\s*:", text) or f"«{k}»" in text]
    return sorted(set(found))


def _unquoted(text: str) -> str:
    # What was typed comes back quoted («…» or '…'); a key there is the user's own word.
    return re.sub(r"«[^»]*»|'[^']*'", "«»", text)


_DEEP: list = [1]
for _ in range(40):
    _DEEP = [_DEEP]


def test_every_field_the_flush_hook_refuses_is_named_by_its_label():
    seen = 0
    for mapper in Base.registry.mappers:
        cls = mapper.class_
        for key, check in hooks._checks(cls):
            message = next(m for m in (check(v) for v in (12345, "abc", 7, _DEEP, 10**20)) if m)
            refused = ValidationError([FieldError(key, message)], record=hooks.record_label({"id": "42"}, cls))
            assert leaks(str(refused)) == [], (cls.__tablename__, key, str(refused))
            assert for_people(refused) == str(refused)
            seen += 1
    assert seen > 150  # every stored column of every table


def _refusals(calls) -> list[str]:
    out = []
    for call in calls:
        with pytest.raises((ValidationError, NotFoundError)) as caught:
            call()
        out.append(str(caught.value))
        assert for_people(caught.value) == str(caught.value)  # the window shows it as it reads
    return out


def test_the_services_refusals_name_fields_by_label(make_uow):
    from ocop_desktop.services.producers import ProducerInput, ProducerService
    from ocop_desktop.services.products import ProductInput, ProductService
    from ocop_desktop.services.settings import save_office_settings
    from ocop_desktop.services.tasks import TaskInput, TaskService

    products, producers, tasks = ProductService(make_uow), ProducerService(make_uow), TaskService(make_uow)
    task = tasks.create_task(TaskInput(assignee="UBND xã Ẳng Nưa", title="Báo cáo", due_on=date(2026, 7, 5)))
    messages = _refusals(
        [
            lambda: products.create(
                ProductInput(
                    name="",
                    status="xyz",
                    stars=9,
                    ean13="123",
                    product_set_code="nope",
                    certified_on=date(2026, 5, 1),
                    expires_on=date(2025, 5, 1),
                )
            ),
            lambda: products.create(ProductInput(name="Cà phê", producer_id="không-có", commune_id="không-có")),
            lambda: products.update("không-có", ProductInput(name="Cà phê")),
            lambda: producers.create(ProducerInput(name="", kind="zz", email="không phải thư", tax_code="abc")),
            lambda: tasks.create_task(TaskInput()),
            lambda: tasks.set_status(task.id, "xyz"),
            lambda: tasks.add_progress(task.id, None, ""),
            lambda: save_office_settings(make_uow, "không-có", "", "", office_kind="zz"),
        ]
    )
    for message in messages:
        assert leaks(message) == [], message


def test_the_activity_log_names_settings_actions_and_checklists_for_people(make_uow):
    from ocop_desktop.services.audit import AuditService
    from ocop_desktop.services.places import PlaceService
    from ocop_desktop.services.products import (
        ProductInput,
        ProductService,
        checklist_sections,
    )
    from ocop_desktop.services.settings import save_office_settings

    unit = next(p for p in PlaceService(make_uow).all() if p.name == "Tỉnh Lào Cai")
    save_office_settings(make_uow, unit.id, "Nguyễn Văn Kiểm", "Chuyên viên", office_kind="ubnd")
    first = checklist_sections()[0].items[0]
    ProductService(make_uow).create(ProductInput(name="Chè Shan tuyết", checklist={first.code: True}))
    entries = AuditService(make_uow).entries()
    shown = [f"{e.action_label} {e.entity_label} {e.record} {e.summary}" for e in entries]
    for line in shown:
        assert leaks(line) == [] and "{'" not in line, line
    setting = next(line for line in shown if "Đơn vị của máy này" in line)
    assert "Tỉnh Lào Cai" in setting
    assert any("Loại cơ quan: (trống) → «UBND" in line for line in shown)
    checklist = limits.field_label("checklist", "products")
    assert any(f"{checklist}: (trống) → {first.name}" in line for line in shown)


def test_every_action_a_unit_of_work_records_has_a_label():
    from ocop_desktop.services.audit import ACTION_LABELS, action_label

    source = "\n".join(p.read_text("utf-8") for p in PACKAGE.rglob("*.py") if "gui" not in p.parts)
    actions = set(re.findall(r'(?:uow|make_uow|factory)\([^)]*?action="([a-z-]+)"', source))
    actions |= set(re.findall(r'action="([a-z-]+)" if .*? else "([a-z-]+)"', source)[0])
    assert {"reference", "settings", "archive", "certify"} <= actions
    assert sorted(actions - set(ACTION_LABELS)) == []
    assert action_label("reference:create") == "Nạp dữ liệu tham chiếu: thêm mới"


# -- the code that builds messages -----------------------------------------------------------------
# f"{key}: …" and f"«{key}»" where the value is a key, not a label. Reviewed exceptions:
ALLOWED = {
    ("domain/validation.py", "self.field"),  # FieldError.for_people: only a field named for people
    ("services/sample.py", "key"),  # the sample name the user typed, echoed back
    ("persistence/models/schema_columns.py", "f.key"),  # a developer's assertion at import
    ("exports/excel.py", "key"),  # a programming error: shown only in «Lỗi không mong đợi»'s details
    ("services/readable.py", "k"),  # keys written for people only (codes of criteria), see _CODE_KEY
    ("commands/exchange.py", "k"),  # UnsentDTO.counts is keyed by the record's label
}
SUSPECT = re.compile(r"^(k|key|keys|col|column|field|attr|name_key)$|_key$|_field$|_column$")


def _formatting_a_key():
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        if rel.startswith(("gui/", "persistence/migrations/")):
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, ast.JoinedStr):
                continue
            parts = node.values
            for a, b in itertools.pairwise(parts):
                value, text = (a, b) if isinstance(a, ast.FormattedValue) else (b, a)
                if not (isinstance(value, ast.FormattedValue) and isinstance(text, ast.Constant)):
                    continue
                before_colon = value is a and str(text.value).startswith(":")
                in_quotes = value is b and str(text.value).endswith("«")
                expr = ast.unparse(value.value)
                if (before_colon or in_quotes) and SUSPECT.search(expr.split(".")[-1]):
                    yield rel, expr, node.lineno


def test_no_message_is_built_from_a_field_key():
    found = [(rel, expr, line) for rel, expr, line in _formatting_a_key() if (rel, expr) not in ALLOWED]
    assert found == [], "a message shows an internal key; name the field by its label (domain.schema)"


# -- every message the core raises is a Text with its English ------------------------------------
# The window shows a refusal in its language (domain.language): a message written as a bare
# Vietnamese string would reach an English window in Vietnamese. Official documents (PDF and Excel
# content, file names) are not raised, so they are not scanned.
CORE = ("domain", "services", "persistence", "exports")
_VIETNAMESE_LETTERS = frozenset("ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ")
_MESSAGE_CALLS = {"FieldError", "ValidationError", "StaleDataError", "NotFoundError"}
_REFUSAL_ENDINGS = ("Error", "Refused", "Failed", "NotTrusted", "InUse", "Media")


def _core_modules():
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE)
        if (rel.parts[0] in CORE and "migrations" not in rel.parts) or rel.as_posix() == "instance_lock.py":
            yield rel.as_posix(), ast.parse(path.read_text("utf-8"))


def _literal_text(node: ast.AST, skip_quoted: bool = False) -> str:
    """The literal pieces of a string expression; with ``skip_quoted`` less what sits in «…», where
    an English sentence names a Vietnamese sheet, product set or document as it is written, and
    less the codes written in capitals (QĐ-UBND)."""
    text = " ".join(n.value for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str))
    if not skip_quoted:
        return text
    text = re.sub(r"«[^»]*»", "", text)
    return " ".join(w for w in text.split() if not w.isupper())  # a code such as 1234/QĐ-UBND


def _vietnamese(node: ast.AST, skip_quoted: bool = False) -> bool:
    return bool(_VIETNAMESE_LETTERS & set(_literal_text(node, skip_quoted).lower()))


def _is_text(node: ast.AST) -> bool:
    if not isinstance(node, ast.Call):
        return False
    if isinstance(node.func, ast.Name):
        return node.func.id in ("Text", "join")  # domain.language's
    owner = node.func.value if isinstance(node.func, ast.Attribute) else None
    return isinstance(owner, ast.Name) and owner.id == "language" and node.func.attr in ("Text", "join")


def _bare_vietnamese(node: ast.AST) -> bool:
    """A string expression with Vietnamese words that is not a Text (nor built inside one)."""
    if _is_text(node):
        return False
    if isinstance(node, ast.IfExp):
        return _bare_vietnamese(node.body) or _bare_vietnamese(node.orelse)
    if isinstance(node, (ast.List, ast.Tuple)):  # StaleDataError's changes
        return any(_bare_vietnamese(e) for e in node.elts)
    if isinstance(node, (ast.Constant, ast.JoinedStr, ast.BinOp)):
        return _vietnamese(node)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("format", "join"):
        return _vietnamese(node)
    return False


def _message_arguments(tree: ast.AST):
    seen: set[int] = set()
    for node in ast.walk(tree):
        call = node.exc if isinstance(node, ast.Raise) else node
        if not isinstance(call, ast.Call):
            continue
        name = getattr(call.func, "id", None) or ""
        refusal = name in _MESSAGE_CALLS or name.endswith(_REFUSAL_ENDINGS)  # an exception made to be raised
        if (isinstance(node, ast.Raise) or refusal) and id(call) not in seen:
            seen.add(id(call))
            yield from call.args
            yield from (k.value for k in call.keywords)


def test_every_message_the_core_raises_carries_its_english():
    bare = [
        f"{rel}:{arg.lineno}: {ast.unparse(arg)[:80]}"
        for rel, tree in _core_modules()
        for arg in _message_arguments(tree)
        if _bare_vietnamese(arg)
    ]
    assert bare == [], "a Vietnamese-only message; write Text(vietnamese, english) (domain.language)"


def test_every_text_of_the_core_has_an_english_sentence_of_its_own():
    wrong = []
    seen = 0
    for rel, tree in _core_modules():
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", "")) == "Text"):
                continue
            if not node.args or not _vietnamese(node.args[0]):
                continue  # Text("") or a Text of a value built elsewhere
            seen += 1
            english = (
                node.args[1] if len(node.args) > 1 else next((k.value for k in node.keywords if k.arg == "en"), None)
            )
            if english is None or ast.dump(english) == ast.dump(node.args[0]) or _vietnamese(english, skip_quoted=True):
                wrong.append(f"{rel}:{node.lineno}: {ast.unparse(node)[:100]}")
    assert wrong == [], "a Text whose English is missing, the same as the Vietnamese, or Vietnamese"
    assert seen > 300


def test_the_scan_finds_a_vietnamese_only_raise():
    tree = ast.parse(
        'raise ValidationError([FieldError("x", f"Sai số {a}")], record="Phiếu")\nraise ValueError("Hỏng")'
    )
    found = [ast.unparse(a) for a in _message_arguments(tree) if _bare_vietnamese(a)]
    assert sorted(found) == sorted(["f'Sai số {a}'", "'Phiếu'", "'Hỏng'"])
    joined = ast.parse('raise PackageError("; ".join(["Sai số", reason]))')
    assert len([a for a in _message_arguments(joined) if _bare_vietnamese(a)]) == 1
    wrapped = ast.parse('raise ValueError(Text("Hỏng", "Broken"))\nraise X(language.join("; ", ["Hỏng"]))')
    assert [a for a in _message_arguments(wrapped) if _bare_vietnamese(a)] == []


def test_disk_and_file_messages_have_their_english(tmp_path):
    import errno

    from ocop_desktop.domain.language import ENGLISH, Text, set_display_language
    from ocop_desktop.domain.os_errors import REASONS, WINDOWS_REASONS
    from ocop_desktop.services.errors import _SQLITE_MESSAGES, explain

    for reason in [*REASONS.values(), *WINDOWS_REASONS.values(), *(m for _, m in _SQLITE_MESSAGES)]:
        assert isinstance(reason, Text) and reason.en != str(reason), reason
    full = OSError(errno.ENOSPC, "No space left on device", str(tmp_path))
    assert str(explain(full)).startswith("Ổ đĩa")
    set_display_language(ENGLISH)
    try:
        assert for_people(full).startswith("The drive") and str(tmp_path) in for_people(full)
        missing = FileNotFoundError(errno.ENOENT, "No such file", str(tmp_path / "x"))
        assert "no such file or folder" in for_people(missing)
    finally:
        set_display_language("vi")


def test_the_flush_hook_refuses_in_english_too():
    seen = 0
    for mapper in Base.registry.mappers:
        cls = mapper.class_
        for key, check in hooks._checks(cls):
            message = next(m for m in (check(v) for v in (12345, "abc", 7, _DEEP, 10**20)) if m)
            refused = ValidationError([FieldError(key, message)], record=hooks.record_label({"id": "42"}, cls))
            english = refused.describe("en")
            assert english != refused.describe("vi")
            assert not _VIETNAMESE_LETTERS & set(_unquoted(english).lower()), english
            seen += 1
    assert seen > 150
