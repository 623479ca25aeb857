"""Run by test_kill.py in a process that the test kills: a large import, or drafts written in a loop.

Progress goes to stdout, one word a line, flushed at once, so the test can kill at a known
phase: "start", "flush" (the final flush begins), "exec N" (the N-th INSERT batch),
"sqlite-commit" (SQLite's COMMIT is about to run), "done".
"""

from __future__ import annotations

import sys
from pathlib import Path


def say(word: str) -> None:
    sys.stdout.write(word + "\n")
    sys.stdout.flush()


def big_import(db_file: str, campaign_id: str, unit_id: str, count: int) -> None:
    from sqlalchemy import event
    from sqlalchemy.orm import Session

    from ocop_desktop.persistence.database import open_database
    from ocop_desktop.services.surveys import SurveyEntryInput, SurveyService

    db = open_database(Path(db_file))
    executes = {"n": 0}
    event.listen(Session, "before_commit", lambda _s: say("flush"))
    event.listen(db.engine, "commit", lambda _c: say("sqlite-commit"))

    def on_execute(_conn, _cursor, statement, _params, _context, _many) -> None:
        if statement.startswith("INSERT"):
            executes["n"] += 1
            say(f"exec {executes['n']}")

    event.listen(db.engine, "before_cursor_execute", on_execute)
    rows = [
        SurveyEntryInput(
            product_name=f"Sản phẩm nhập số {i}",
            producer="HTX Nông sản Mường Ảng",
            production_situation="Đang sản xuất",
            output_quantity=i % 900 + 1,
            unit_of_measure="kg",
            price_vnd=15_000 + i,
            proposed_year=2025,
        )
        for i in range(count)
    ]
    say("start")
    SurveyService(db.uow_factory(actor="Nhập thử")).save_entries(campaign_id, unit_id, rows)
    say("done")


def drafts(folder: str) -> None:
    from ocop_desktop.services.drafts import DraftStore

    store = DraftStore(Path(folder))
    n = 0
    while True:
        n += 1
        rows = [{"product_name": f"Dòng {i} của bản nháp {n}", "price_vnd": str(n)} for i in range(2_000)]
        store.save("dot-2024", "xa-ang-nua", {"n": n, "rows": rows})
        say(f"saved {n}")


if __name__ == "__main__":
    if sys.argv[1] == "import":
        big_import(sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]))
    else:
        drafts(sys.argv[2])
