"""Report exports against bare library baselines: 100,000 rows to xlsx, 10,000 rows to PDF.

    python benchmarks/export_reports.py [--rows 100000] [--pdf-rows 10000]

write_xlsx is compared with a bare openpyxl write-only dump of the same rows, write_pdf
with a bare reportlab LongTable of the same rows (same font, header repeated, no styling).

Each variant runs in its own subprocess so its peak resident memory (ru_maxrss, Linux/macOS)
is its own; "data" is the peak after building the rows, "peak" the peak after the export.
CPU seconds are shown beside wall time because a shared machine makes wall time noisy.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from ocop_desktop.exports.report_model import Report, ReportColumn, ReportSection

COLUMNS = [
    ReportColumn("stt", "STT", "int", 6),
    ReportColumn("product", "Tên sản phẩm", "text", 34),
    ReportColumn("producer", "Chủ thể", "text", 26),
    ReportColumn("status", "Tình trạng", "text", 16),
    ReportColumn("output", "Sản lượng", "number", 12, total=True),
    ReportColumn("unit", "Đơn vị", "text", 8),
    ReportColumn("workers", "Lao động", "int", 10, total=True),
    ReportColumn("price", "Giá bán", "money", 14),
    ReportColumn("revenue", "Doanh thu", "money", 18, total=True),
    ReportColumn("surveyed", "Ngày khảo sát", "date", 13),
]
WORDS = ("Cà phê", "Chè Shan tuyết", "Mật ong", "Gạo nếp", "Thịt trâu gác bếp", "Miến dong", "Măng", "Tỏi")
NAMES = ("HTX Ẳng Nưa", "Hộ ông Lò Văn Đức", "Công ty TNHH Mường Ảng", "HTX Nông nghiệp Búng Lao")
STATUS = ("Đang sản xuất", "Sản xuất nhỏ lẻ", "Tạm dừng")


def make_rows(n: int, seed: int = 2025) -> list[dict]:
    rng = random.Random(seed)
    start = date(2024, 1, 1)
    rows = []
    for i in range(1, n + 1):
        output = round(rng.uniform(0.5, 5000), 2)
        price = rng.randrange(20_000, 900_000, 1000)
        rows.append({
            "stt": i, "product": f"{rng.choice(WORDS)} {i}", "producer": rng.choice(NAMES),
            "status": rng.choice(STATUS), "output": output, "unit": rng.choice(("kg", "tấn", "lít")),
            "workers": rng.randint(1, 60), "price": price, "revenue": round(output * price),
            "surveyed": start + timedelta(days=rng.randrange(365)),
        })
    return rows


def rss_mb() -> float:
    # ru_maxrss is KiB on Linux, bytes on macOS.
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024 if sys.platform == "darwin" else 1024)


def run_variant(variant: str, n: int, out: Path) -> dict:
    rows = make_rows(n)
    data = rss_mb()
    t0, c0 = time.perf_counter(), time.process_time()
    if variant == "write_pdf":
        from ocop_desktop.exports.pdf import write_pdf

        report = Report("survey", "BÁO CÁO", "Kết quả khảo sát sản phẩm", COLUMNS,
                        [ReportSection("", rows, subtotal=False)], grand_total=True, landscape=True)
        write_pdf(report, out)
    elif variant == "bare_pdf":
        from reportlab.lib.pagesizes import A4, landscape
        from reportlab.platypus import LongTable, SimpleDocTemplate, TableStyle

        from ocop_desktop.exports.pdf_style import FONT, register_fonts

        register_fonts()
        keys = [c.key for c in COLUMNS]
        cells = [[c.header for c in COLUMNS]] + [[str(r[k]) for k in keys] for r in rows]
        table = LongTable(cells, repeatRows=1, style=TableStyle([("FONT", (0, 0), (-1, -1), FONT, 9)]))
        SimpleDocTemplate(str(out), pagesize=landscape(A4), initialFontName=FONT).build([table])
    elif variant == "write_xlsx":
        from ocop_desktop.exports.excel import write_xlsx

        report = Report("survey", "BÁO CÁO", "Kết quả khảo sát sản phẩm", COLUMNS,
                        [ReportSection("", rows, subtotal=False)], grand_total=True, landscape=True)
        write_xlsx(report, out)
    else:
        from openpyxl import Workbook

        wb = Workbook(write_only=True)
        ws = wb.create_sheet("data")
        keys = [c.key for c in COLUMNS]
        ws.append([c.header for c in COLUMNS])
        for r in rows:
            ws.append([r[k] for k in keys])
        wb.save(out)
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    return {"variant": variant, "seconds": seconds, "cpu": cpu, "data_mb": data, "peak_mb": rss_mb(),
            "size_mb": out.stat().st_size / 1e6}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--pdf-rows", type=int, default=10_000)
    ap.add_argument("--variant", choices=("write_xlsx", "bare", "write_pdf", "bare_pdf"), help=argparse.SUPPRESS)
    ap.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.variant:  # child process: one variant, result as JSON on stdout
        print(json.dumps(run_variant(args.variant, args.rows, args.out)))
        return
    results = {}
    plan = (("bare", args.rows, "xlsx"), ("write_xlsx", args.rows, "xlsx"),
            ("bare_pdf", args.pdf_rows, "pdf"), ("write_pdf", args.pdf_rows, "pdf"))
    with tempfile.TemporaryDirectory() as tmp:
        for variant, n, suffix in plan:
            proc = subprocess.run([sys.executable, __file__, "--rows", str(n), "--variant", variant,
                                   "--out", str(Path(tmp) / f"{variant}.{suffix}")],
                                  check=True, capture_output=True, text=True)
            results[variant] = json.loads(proc.stdout) | {"rows": n}
    print(f"{len(COLUMNS)} columns, Python {sys.version.split()[0]}")
    print(f"{'variant':<12}{'rows':>8}{'seconds':>9}{'cpu s':>8}{'data MB':>9}{'peak MB':>9}{'export MB':>10}{'file MB':>9}")
    for r in results.values():
        print(f"{r['variant']:<12}{r['rows']:>8}{r['seconds']:>9.2f}{r['cpu']:>8.2f}{r['data_mb']:>9.0f}"
              f"{r['peak_mb']:>9.0f}{r['peak_mb'] - r['data_mb']:>10.0f}{r['size_mb']:>9.1f}")
    for ours, bare in (("write_xlsx", "bare"), ("write_pdf", "bare_pdf")):
        o, b = results[ours], results[bare]
        print(f"ratio {ours} / {bare}: time {o['seconds'] / b['seconds']:.2f}x "
              f"(cpu {o['cpu'] / b['cpu']:.2f}x), peak memory {o['peak_mb'] / b['peak_mb']:.2f}x")


if __name__ == "__main__":
    main()
