"""Floor scripts: each job of benchmarks/run.py done with the bare library, nothing of the app imported.

    python benchmarks/floors.py window TITLE            a bare PySide6 QMainWindow, shown until killed
    python benchmarks/floors.py search DB PREFIX...     raw LIKE on the folded column + ORDER BY + LIMIT 200
    python benchmarks/floors.py pages DB ROUNDS OFFSET  the registry's first page, its count, the page at OFFSET
    python benchmarks/floors.py sort DB                 ORDER BY each registry column + LIMIT 200
    python benchmarks/floors.py xlsx DB YEAR OUT        xlsxwriter constant_memory, rows read with sqlite3
    python benchmarks/floors.py pdf DB YEAR OUT FONT    reportlab canvas drawing the same rows
    python benchmarks/floors.py import DB XLSX OUT      openpyxl read-only + sqlite3 executemany into a copy

run.py times each one as a whole process beside the app's command; search, sort and pages also
print their per-query times as JSON (they are compared with the app's in-process figures). search
and pages take a PostgreSQL URL for DB too (bare psycopg then: issue 18's server).
A floor is the least a job can cost with these libraries, so the app's ratio to it is what counts.
"""

from __future__ import annotations

import json
import sqlite3
import sys
import time
import unicodedata
import uuid

# The survey columns in the order of the program's report and template (the floor writes the
# same cells; it needs no knowledge of the app beyond the table's column names).
SURVEY_COLUMNS = (
    "product_name",
    "producer_name",
    "production_situation",
    "output_quantity",
    "unit_of_measure",
    "quantity_sold",
    "price_vnd",
    "raw_material_area_ha",
    "proposed_year",
    "notes",
)
HEADERS = (
    "STT",
    "Tên sản phẩm",
    "Chủ thể",
    "Tình hình sản xuất",
    "Sản lượng",
    "Đơn vị tính",
    "Sản lượng tiêu thụ",
    "Giá tiêu thụ (đồng)",
    "Diện tích vùng nguyên liệu (ha)",
    "Đề xuất tham gia OCOP năm",
    "Ghi chú",
)


def fold(text: str) -> str:
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def survey_rows(db: str, year: int):
    """The campaign's rows, unit by unit, in list order: what the survey report prints."""
    conn = sqlite3.connect(db)
    cols = ", ".join(f"e.{c}" for c in SURVEY_COLUMNS)
    yield from conn.execute(
        f"SELECT p.name, {cols} FROM survey_entries e JOIN places p ON p.id = e.unit_id "
        "JOIN survey_campaigns c ON c.id = e.campaign_id WHERE c.year = ? ORDER BY p.name_sort, e.position",
        (year,),
    )
    conn.close()


def window(title: str) -> int:
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication(sys.argv[:1])
    win = QMainWindow()
    win.setWindowTitle(title)
    win.setCentralWidget(QLabel("floor"))
    win.resize(1024, 700)
    win.show()
    return app.exec()


def connect(db: str):
    """sqlite3 on a file, bare psycopg on a postgresql:// URL; and the driver's placeholder."""
    if db.startswith("postgresql"):
        import psycopg  # the server's driver (pip install '.[server]')

        return psycopg.connect(db, autocommit=True), "%s"
    return sqlite3.connect(db), "?"


def search(db: str, prefixes: list[str]) -> int:
    conn, mark = connect(db)
    times = []
    for prefix in prefixes:
        start = time.perf_counter()
        conn.execute(
            f"SELECT id, name FROM products WHERE name_folded LIKE {mark} ORDER BY name_sort LIMIT 200",
            (f"%{fold(prefix)}%",),
        ).fetchall()
        times.append(time.perf_counter() - start)
    print(json.dumps({"times": times}))
    return 0


def pages(db: str, rounds: int, offset: int) -> int:
    """The registry as it opens (products not archived, in name order): the first 200, how many,
    and the 200 from ``offset`` on (as query_path.py --pages reads them); each read ``rounds`` times."""
    conn, _ = connect(db)
    page = "SELECT id, name FROM products WHERE archived_at IS NULL ORDER BY name_sort, id LIMIT 200"
    jobs = {
        "first": page,
        "count": "SELECT count(*) FROM products WHERE archived_at IS NULL",
        "later": f"{page} OFFSET {offset}",
    }
    times: dict[str, list[float]] = {key: [] for key in jobs}
    for _ in range(rounds):
        for key, sql in jobs.items():
            start = time.perf_counter()
            conn.execute(sql).fetchall()
            times[key].append(time.perf_counter() - start)
    print(json.dumps({"times": times}))
    return 0


SORTS = {  # the registry's sort keys → the raw ORDER BY (joined tables as the registry shows them)
    "name": "products.name_sort",
    "producer": "producers.name_sort",
    "place": "places.name_sort",
    "group": "product_groups.code",
    "stars": "products.stars",
    "status": "products.status",
    "certificate_no": "products.certificate_no",
    "certified_on": "products.certified_on",
    "expires_on": "products.expires_on",
}


def sort(db: str) -> int:
    conn = sqlite3.connect(db)
    times = {}
    for key, column in SORTS.items():
        start = time.perf_counter()
        conn.execute(
            "SELECT products.id, products.name, producers.name, places.name FROM products "
            "LEFT JOIN producers ON producers.id = products.producer_id "
            "LEFT JOIN places ON places.id = products.commune_id "
            "LEFT JOIN product_groups ON product_groups.id = products.group_id "
            f"WHERE products.archived_at IS NULL ORDER BY {column}, products.id LIMIT 200"
        ).fetchall()
        times[key] = time.perf_counter() - start
    print(json.dumps({"times": times}))
    return 0


def xlsx(db: str, year: int, out: str) -> int:
    import xlsxwriter  # benchmark dependency only: pip install xlsxwriter

    wb = xlsxwriter.Workbook(out, {"constant_memory": True})
    ws = wb.add_worksheet("Rà soát")
    head = wb.add_format({"bold": True, "border": 1, "text_wrap": True, "font_name": "Times New Roman"})
    text = wb.add_format({"border": 1, "font_name": "Times New Roman"})
    number = wb.add_format({"border": 1, "num_format": "#,##0.##", "font_name": "Times New Roman"})
    ws.set_landscape()
    ws.repeat_rows(0)
    ws.write_row(0, 0, HEADERS, head)
    row, unit = 1, None
    for n, (place, *values) in enumerate(survey_rows(db, year), start=1):
        if place != unit:  # the report's unit heading
            unit = place
            ws.write(row, 0, place, head)
            row += 1
        ws.write_number(row, 0, n, text)
        for col, value in enumerate(values, start=1):
            if isinstance(value, (int, float)):
                ws.write_number(row, col, value, number)
            elif value is not None:
                ws.write_string(row, col, value, text)
        row += 1
    wb.close()
    return 0


def pdf(db: str, year: int, out: str, font_file: str) -> int:
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas

    pdfmetrics.registerFont(TTFont("Serif", font_file))
    width, height = landscape(A4)
    canvas = Canvas(out, pagesize=(width, height), initialFontName="Serif")
    widths = (30, 150, 110, 80, 50, 40, 50, 60, 60, 50, 60)
    lefts = [40 + sum(widths[:i]) for i in range(len(widths))]
    line = 14

    def header() -> float:
        canvas.setFont("Serif", 8)
        for left, title in zip(lefts, HEADERS, strict=False):
            canvas.drawString(left + 2, height - 50, title[:18])
        canvas.line(40, height - 54, lefts[-1] + widths[-1], height - 54)
        return height - 54 - line

    y, unit = header(), None
    for n, (place, *values) in enumerate(survey_rows(db, year), start=1):
        if y < 50:
            canvas.showPage()
            y = header()
        if place != unit:
            unit = place
            canvas.drawString(lefts[0] + 2, y, place)
            y -= line
        cells = [str(n)] + ["" if v is None else f"{v:,}" if isinstance(v, (int, float)) else v for v in values]
        for left, cell in zip(lefts, cells, strict=False):
            canvas.drawString(left + 2, y, cell[:40])
        y -= line
    canvas.save()
    return 0


def import_(db: str, workbook: str, out: str) -> int:
    from openpyxl import load_workbook

    conn = sqlite3.connect(db)
    schema = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'survey_entries'").fetchone()[0]
    places = dict(conn.execute("SELECT code, id FROM places WHERE valid_to IS NULL"))
    copy = sqlite3.connect(out)  # a copy of the table in a file of its own: the app's data stays untouched
    copy.execute(schema)
    wb = load_workbook(workbook, read_only=True)
    rows = wb.worksheets[0].iter_rows(values_only=True)
    header = [str(h or "") for h in next(rows)]
    at = {h: i for i, h in enumerate(header)}
    keys = [(c, at[h]) for c, h in zip(SURVEY_COLUMNS, HEADERS[1:], strict=False)]
    unit_at = at.get("Đơn vị")
    now = time.strftime("%Y-%m-%d %H:%M:%S")
    batch = []
    for position, row in enumerate(rows):
        if not row or row[keys[0][1]] in (None, ""):
            continue
        values = {c: row[i] for c, i in keys}
        name = unicodedata.normalize("NFC", str(values["product_name"]))
        batch.append(
            (
                str(uuid.uuid4()),
                "campaign",
                places.get(str(row[unit_at]), "unit"),
                position,
                name,
                fold(name),
                str(values["producer_name"] or ""),
                str(values["production_situation"] or ""),
                values["output_quantity"],
                str(values["unit_of_measure"] or ""),
                values["quantity_sold"],
                values["price_vnd"],
                values["raw_material_area_ha"],
                values["proposed_year"],
                str(values["notes"] or ""),
                now,
                now,
            )
        )
    with copy:
        copy.executemany(
            "INSERT INTO survey_entries (id, campaign_id, unit_id, position, product_name, product_name_folded, "
            "producer_name, production_situation, output_quantity, unit_of_measure, quantity_sold, price_vnd, "
            "raw_material_area_ha, proposed_year, notes, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            batch,
        )
    count = copy.execute("SELECT count(*) FROM survey_entries").fetchone()[0]
    print(json.dumps({"rows": count}))
    return 0


def main(argv: list[str]) -> int:
    job, args = argv[0], argv[1:]
    if job == "window":
        return window(args[0])
    if job == "search":
        return search(args[0], args[1:])
    if job == "pages":
        return pages(args[0], int(args[1]), int(args[2]))
    if job == "sort":
        return sort(args[0])
    if job == "xlsx":
        return xlsx(args[0], int(args[1]), args[2])
    if job == "pdf":
        return pdf(args[0], int(args[1]), args[2], args[3])
    if job == "import":
        return import_(args[0], args[1], args[2])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
