"""The national data the measures run on: generate.py's database built once and cached (under a
lock), copies with the survey rows moved between campaigns, and the import's workbook."""

from __future__ import annotations

import contextlib
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

from harness import HERE, IMPORT_YEAR, OCOP, OFFICE, PY, ROOT, log


def copy_db(source: Path, target: Path) -> Path:
    target.unlink(missing_ok=True)
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    src.backup(dst)
    src.close(), dst.close()
    return target


def schema_revision() -> str:
    """The newest migration's number (its file name starts with it)."""
    versions = ROOT / "ocop_desktop" / "persistence" / "migrations" / "versions"
    return max(p.name.split("_", 1)[0] for p in versions.glob("[0-9]*_*.py"))


def build_base(cache: Path, products: int, survey_rows: int, env: dict) -> Path:
    """generate.py's national data with a provincial office set up (so no first-run dialog)."""
    # Keyed by the newest migration too: data built before a migration would be migrated (backup
    # and all) inside the first timed run of every copy.
    path = cache / f"national-{products}p-{survey_rows}s-r{schema_revision()}.db"
    if path.exists():
        log(f"national data cached: {path}")
        return path
    building = path.with_suffix(".building.db")
    for leftover in cache.glob(building.name + "*"):
        leftover.unlink()
    log(f"building the national data: {products} products, {survey_rows} survey rows → {path}")
    subprocess.run(
        [PY, str(HERE / "generate.py"), str(building), "--products", str(products), "--survey-rows", str(survey_rows)],
        check=True,
        env=env,
        cwd=ROOT,
    )
    subprocess.run([*OCOP, "--db", str(building), *OFFICE], check=True, env=env, cwd=ROOT, capture_output=True)
    copy_db(building, path)  # one file, no WAL beside it
    for leftover in cache.glob(building.name + "*"):
        leftover.unlink()
    return path


@contextlib.contextmanager
def cache_lock(cache: Path) -> Iterator[None]:
    """Held while the cached data is built or derived (POSIX; elsewhere runs are not concurrent)."""
    try:
        import fcntl
    except ImportError:
        yield
        return
    with open(cache / ".lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def derived(base: Path, name: str, sql: str) -> Path:
    """A cached copy of the base with survey rows moved between campaigns by plain SQL."""
    path = base.with_name(f"{base.stem}-{name}.db")
    if not path.exists():
        work = copy_db(base, path.with_suffix(".tmp"))
        conn = sqlite3.connect(work)
        with conn:
            conn.executescript(sql)
        conn.close()
        work.replace(path)
    return path


def campaign(year: int) -> str:
    return f"(SELECT id FROM survey_campaigns WHERE year = {year})"


def import_workbook(cache: Path, db: Path, rows: int, env: dict) -> Path:
    """The program's own survey template (`ocop import template survey`) filled with `rows` rows."""
    path = cache / f"survey-import-{rows}.xlsx"
    if path.exists():
        return path
    from openpyxl import Workbook, load_workbook

    template = cache / "survey-template.xlsx"
    subprocess.run(
        [*OCOP, "--db", str(db), "import", "template", "survey", "-o", str(template), "--campaign", str(IMPORT_YEAR)],
        check=True,
        env=env,
        cwd=ROOT,
        capture_output=True,
    )
    source = load_workbook(template)
    conn = sqlite3.connect(db)
    # Communes of the office's province that the campaign asks to report (its submissions),
    # named by a code no other place shares.
    units = [
        r[0]
        for r in conn.execute(
            "WITH RECURSIVE area(id) AS (SELECT id FROM places WHERE code = '11' AND kind = 'tinh' "
            "UNION SELECT places.id FROM places JOIN area ON places.parent_id = area.id) "
            "SELECT p.code FROM unit_submissions s JOIN places p ON p.id = s.unit_id JOIN area ON area.id = p.id "
            f"WHERE s.campaign_id = {campaign(IMPORT_YEAR)} AND p.code IN "
            "(SELECT code FROM places GROUP BY code HAVING count(*) = 1) ORDER BY p.code LIMIT 60"
        )
    ]
    conn.close()
    sheet = source.worksheets[0]
    header = [c.value for c in sheet[1]]
    sample = {
        "Tên sản phẩm": lambda i: f"Chè Shan tuyết Tủa Chùa {i}",
        "Chủ thể": lambda i: f"HTX Mường Ảng {i % 97}",
        "Tình hình sản xuất": lambda i: "Đang sản xuất",
        "Sản lượng": lambda i: 100 + i % 5000,
        "Đơn vị tính": lambda i: "kg",
        "Sản lượng tiêu thụ": lambda i: 50 + i % 3000,
        "Giá tiêu thụ (đồng)": lambda i: 1000 * (20 + i % 400),
        "Diện tích vùng nguyên liệu (ha)": lambda i: round((i % 200) / 10, 1),
        "Đề xuất tham gia OCOP năm": lambda i: 2026 + i % 2,
        "Ghi chú": lambda i: "",
        "Đơn vị": lambda i: units[i % len(units)] if units else None,
        "STT": lambda i: i + 1,
    }
    book = Workbook(write_only=True)
    out = book.create_sheet(sheet.title)
    out.append(header)
    for i in range(rows):
        out.append([sample.get(h, lambda i: None)(i) for h in header])
    for other in source.worksheets[1:]:
        copied = book.create_sheet(other.title)
        for row in other.iter_rows(values_only=True):
            copied.append(list(row))
    book.save(path)
    return path
