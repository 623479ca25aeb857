"""`ocop scorecards …`, `ocop evaluate` and `ocop evaluations …`: scoring from the terminal."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from ocop_desktop.commands.common import Refused, emit_rows, open_db
from ocop_desktop.domain.enums import EvaluationLevel
from ocop_desktop.domain.numbers import DateError, parse_vn_date
from ocop_desktop.domain.rules import result_phrase
from ocop_desktop.domain.schema import EVALUATION, TERMINAL
from ocop_desktop.domain.scorecard import card_to_dict, num, points_text
from ocop_desktop.services import reference
from ocop_desktop.services.evaluation import (
    DEFAULT_LEVEL,
    CertificationInput,
    EvaluationInput,
    EvaluationService,
    members_from_json,
)
from ocop_desktop.services.evaluation_reports import EvaluationReports
from ocop_desktop.services.scorecards import CardInfo, ScorecardService, load_shipped_scorecards

CARD_COLUMNS = ("rule_set", "product_set", "product_set_name", "part", "code", "name", "max", "levels", "parent")
HISTORY_COLUMNS = EVALUATION.view_keys(TERMINAL)  # domain/schema/records.py
GAP_COLUMNS = (
    "product_id",
    "product",
    "rule_set",
    "total",
    "stars",
    "next_stars",
    "needed",
    "code",
    "criterion",
    "score",
    "max",
    "lost",
)


def _open(args):
    """The database with the shipped scorecards loaded (they follow the rule sets of `ocop init`)."""
    db, make_uow = open_db(args)
    try:
        with make_uow() as uow:
            rules = reference.rule_sets(uow)
            if not rules:
                raise Refused("Chưa có dữ liệu tham chiếu (bộ tiêu chí); hãy chạy «ocop init» trước.")
            if not all(r.authorities for r in rules):  # loaded before who-certifies-what was data
                raise Refused(
                    "Dữ liệu tham chiếu (bộ tiêu chí) chưa có thẩm quyền đánh giá, công nhận của "
                    "từng cấp; hãy chạy «ocop init» để cập nhật rồi làm lại."
                )
        load_shipped_scorecards(make_uow)
    except BaseException:
        db.close()
        raise
    return db, make_uow


def _day(text: str | None) -> date:
    if not text:
        return date.today()
    try:
        return parse_vn_date(text)
    except DateError as exc:
        raise Refused(str(exc)) from None


def card_json(info: CardInfo) -> dict:
    d = card_to_dict(info.card)
    return {
        "rule_set": d["rule_set"],
        "product_set": d["product_set"],
        "product_set_name": info.product_set_name,
        "title": d["title"],
        "confirmed": d["confirmed"],
        "note": d["note"],
        "origin": info.origin,
        "parts": d["parts"],
        "knockouts": d["knockouts"],
    }


def _card_rows(info: CardInfo) -> list[dict]:
    rows = []
    for part in info.card.parts:
        stack = [(c, "") for c in reversed(part.criteria)]
        while stack:
            c, parent = stack.pop()
            rows.append(
                {
                    "rule_set": info.card.rule_set,
                    "product_set": info.card.product_set or "",
                    "product_set_name": info.product_set_name,
                    "part": part.code,
                    "code": c.code,
                    "name": c.name,
                    "max": num(c.max),
                    "parent": parent,
                    "levels": "; ".join(
                        f"{num(lv.points)} = {lv.meaning}" if lv.meaning else str(num(lv.points)) for lv in c.levels
                    ),
                }
            )
            stack += [(s, c.code) for s in reversed(c.criteria)]
    return rows


def cmd_scorecards_list(args) -> int:
    db, make_uow = _open(args)
    try:
        cards = ScorecardService(make_uow).cards(args.rules)
    finally:
        db.close()
    if args.format == "json":
        emit_rows([card_json(i) for i in cards], "json", ())
    else:
        emit_rows([row for i in cards for row in _card_rows(i)], "csv", CARD_COLUMNS)
    return 0


def _writable(path: str) -> Path:
    out = Path(path)
    if not out.parent.exists():
        raise Refused(f"Thư mục {out.parent} không tồn tại; hãy chọn nơi lưu khác cho -o.")
    return out


def cmd_scorecards_template(args) -> int:
    out = _writable(args.output)
    db, make_uow = _open(args)
    try:
        ScorecardService(make_uow).write_template(out, args.rules, args.product_set)
    finally:
        db.close()
    print(
        f"Đã ghi mẫu phiếu chấm điểm ra {out}. Sửa trong Excel rồi nhập lại bằng «ocop scorecards import {out.name}»."
    )
    return 0


def cmd_scorecards_import(args) -> int:
    path = Path(args.file)
    if not path.is_file():
        raise Refused(f"Không có tệp {path}.")
    db, make_uow = _open(args)
    try:
        info = ScorecardService(make_uow).import_xlsx(path)
    finally:
        db.close()
    parts = ", ".join(f"{p.code} {num(p.max)}" for p in info.card.parts)
    print(f"Đã nhập phiếu «{info.card.title}» ({info.code}; {parts}; {len(info.card.leaves())} tiêu chí chấm điểm).")
    return 0


def cmd_scorecards_restore(args) -> int:
    db, make_uow = _open(args)
    try:
        info = ScorecardService(make_uow).restore_shipped(args.code)
    finally:
        db.close()
    print(f"Đã khôi phục phiếu gốc «{info.card.title}».")
    return 0


def _read_scores(path: str):
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise Refused(f"Không có tệp điểm {path}.") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise Refused(f"Tệp điểm {path} không phải JSON hợp lệ: {exc}.") from None
    return members_from_json(data)


def cmd_scorecards_sheet(args) -> int:
    out = _writable(args.output)
    members = _read_scores(args.scores) if args.scores else (None,)
    if len(members) > 1:
        raise Refused("Phiếu chấm in cho từng thành viên: tệp điểm chỉ được có một bảng điểm.")
    db, make_uow = _open(args)
    try:
        reports = EvaluationReports(make_uow)
        reports.write_sheet(
            out,
            rule_set_code=args.rules,
            product_id=args.product,
            product_set_code=args.product_set,
            member=members[0],
            on=_day(args.date),
        )
        card = reports.sheet_card(args.rules, args.product, args.product_set, _day(args.date))[0]
    finally:
        db.close()
    print(f"Đã ghi phiếu chấm điểm ra {out}.")
    if not card.confirmed and card.note:  # said here, never printed on the sheet
        print(f"Lưu ý: {card.note}", file=sys.stderr)
    return 0


def cmd_evaluate(args) -> int:
    members = _read_scores(args.scores)
    on = _day(args.date)
    db, make_uow = _open(args)
    try:
        service = EvaluationService(make_uow)
        setup = service.setup(args.product, on, args.rules)
        outcome = service.score(setup, members)
        saved = None
        if args.save:
            saved = service.save(
                EvaluationInput(
                    product_id=setup.product.id,
                    evaluated_on=on,
                    members=members,
                    rule_set_code=setup.rule_set.code,
                    level=args.level,
                    notes=args.notes or "",
                )
            )
    finally:
        db.close()
    json.dump(outcome.as_json(), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    if outcome.missing:
        print(
            f"Chú ý: chưa chấm {len(outcome.missing)} tiêu chí ({', '.join(outcome.missing)}), tính 0 điểm.",
            file=sys.stderr,
        )
    standing = setup.rule_set.standing(args.level, outcome.stars)
    if standing.proposed or (standing.level is not None and not standing.level.evaluates):
        # The star class in the JSON is the score's band; who may rate and certify it is said here.
        print(
            result_phrase(setup.rule_set, standing, points_text(outcome.total), points_text(setup.card.max_score)),
            file=sys.stderr,
        )
    if saved is not None:
        print(
            f"Đã lưu lần đánh giá {saved.id} ({setup.rule_set.code}, {saved.level_label}, "
            f"{len(saved.members)} thành viên).",
            file=sys.stderr,
        )
    return 0


def _history_row(r) -> dict:
    """One evaluation as `ocop evaluations list` gives it: the rule set by its code, the level in words."""
    shown = {"rule_set": r.rule_set_code, "level": r.level_label}
    return {k: shown[k] if k in shown else getattr(r, k) for k in HISTORY_COLUMNS}


def cmd_evaluations_list(args) -> int:
    db, make_uow = _open(args)
    try:
        rows = EvaluationService(make_uow).history(args.product)
    finally:
        db.close()
    emit_rows(
        [_history_row(r) for r in rows],
        args.format,
        HISTORY_COLUMNS,
    )
    return 0


def cmd_evaluations_gap(args) -> int:
    db, make_uow = _open(args)
    try:
        service = EvaluationService(make_uow)
        ids = [args.product] if args.product else service.evaluated_products()
        gaps = [g for g in (service.gap_for(pid) for pid in ids) if g is not None]
    finally:
        db.close()
    if args.product and not gaps:
        raise Refused("Sản phẩm này chưa có lần đánh giá nào theo phiếu chấm điểm.")
    out = []
    for g in gaps:
        losses = [
            {
                "code": x.code,
                "criterion": x.name,
                "part": x.part,
                "score": num(x.score),
                "max": num(x.max),
                "lost": num(x.lost),
            }
            for x in g.gap.losses[: args.top]
        ]
        out.append(
            {
                "product_id": g.product.id,
                "product": g.product.name,
                "rule_set": g.rule_set_code,
                "total": num(g.total),
                "stars": g.gap.stars,
                "knockout": g.knockout,
                "next_stars": g.gap.next_stars,
                "needed": num(g.gap.needed),
                "losses": losses,
            }
        )
    if args.format == "json":
        emit_rows(out, "json", ())
    else:
        emit_rows(
            [{**{k: v for k, v in o.items() if k != "losses"}, **loss} for o in out for loss in o["losses"]],
            "csv",
            GAP_COLUMNS,
        )
    return 0


def cmd_evaluations_certify(args) -> int:
    db, make_uow = _open(args)
    try:
        c = EvaluationService(make_uow).certify(
            args.evaluation,
            CertificationInput(
                certificate_no=args.certificate or "",
                decision=args.decision,
                body=args.body or "",
                certified_on=_day(args.date),
            ),
        )
    finally:
        db.close()
    line = (
        f"Đã công nhận «{c.product_name}» {c.stars} sao ({num(c.score)} điểm); giấy chứng nhận có hiệu lực "
        f"đến {c.expires_on:%d/%m/%Y}"
    )
    if c.reevaluation_from:
        line += f"; nộp hồ sơ đánh giá lại từ {c.reevaluation_from:%d/%m/%Y} đến {c.reevaluation_to:%d/%m/%Y}"
    print(line + ".")
    return 0


def cmd_evaluations_result(args) -> int:
    out = _writable(args.output)
    db, make_uow = _open(args)
    try:
        EvaluationReports(make_uow).write_result(args.evaluation, out)
    finally:
        db.close()
    print(f"Đã ghi kết quả đánh giá ra {out}.")
    return 0


def _group(sub, name: str, help_: str):
    parser = sub.add_parser(name, help=help_, description=help_)
    parser.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help="tệp cơ sở dữ liệu")
    return parser.add_subparsers(dest="action", required=True, metavar="THAO_TÁC")


def register(sub, command) -> None:
    """Add this module's subcommands; `command(name, help, func, parent=sub)` makes one."""
    cards = _group(sub, "scorecards", "phiếu chấm điểm theo từng bộ tiêu chí và bộ sản phẩm")
    p = command("list", "liệt kê các phiếu chấm điểm", cmd_scorecards_list, parent=cards)
    p.add_argument("--format", choices=("json", "csv"), default="json", help="định dạng đầu ra")
    p.add_argument("--rules", metavar="BỘ", help="chỉ một bộ tiêu chí (ví dụ 26/2026)")
    p = command("template", "ghi mẫu Excel để thêm hoặc sửa phiếu chấm điểm", cmd_scorecards_template, parent=cards)
    p.add_argument("-o", "--output", required=True, metavar="TỆP.xlsx", help="tệp Excel sẽ ghi")
    p.add_argument("--rules", metavar="BỘ", help="bộ tiêu chí của phiếu mẫu (mặc định 26/2026)")
    p.add_argument("--product-set", metavar="MÃ", help="bộ sản phẩm của phiếu mẫu (mặc định cà phê, ca cao)")
    p = command("import", "nhập phiếu chấm điểm từ tệp Excel theo mẫu", cmd_scorecards_import, parent=cards)
    p.add_argument("file", metavar="TỆP.xlsx")
    p = command("restore", "bỏ phiếu đã nhập, dùng lại phiếu gốc kèm ứng dụng", cmd_scorecards_restore, parent=cards)
    p.add_argument("code", metavar="MÃ_PHIẾU", help="ví dụ 26/2026:ca-phe-ca-cao")
    p = command("sheet", "in phiếu chấm điểm ra PDF (để trống hoặc đã chấm)", cmd_scorecards_sheet, parent=cards)
    p.add_argument("-o", "--output", required=True, metavar="TỆP.pdf")
    p.add_argument("--rules", metavar="BỘ", help="bộ tiêu chí (mặc định: bộ có hiệu lực vào ngày chấm)")
    p.add_argument("--product", metavar="ID", help="sản phẩm được chấm")
    p.add_argument("--product-set", metavar="MÃ", help="bộ sản phẩm (khi không nêu sản phẩm)")
    p.add_argument("--scores", metavar="TỆP.json", help="điểm đã chấm của một thành viên (để in phiếu đã chấm)")
    p.add_argument("--date", metavar="NGÀY", help="ngày chấm (mặc định hôm nay)")

    p = command("evaluate", "chấm điểm và xếp hạng sao một sản phẩm", cmd_evaluate)
    p.add_argument("product", metavar="PRODUCT_ID", help="mã (hoặc tên đầy đủ) của sản phẩm")
    p.add_argument("--rules", metavar="BỘ", help="bộ tiêu chí (mặc định: bộ có hiệu lực vào ngày đánh giá)")
    p.add_argument(
        "--scores",
        required=True,
        metavar="TỆP.json",
        help="điểm theo mã tiêu chí, hoặc danh sách điểm của từng thành viên hội đồng",
    )
    p.add_argument("--save", action="store_true", help="lưu lần đánh giá")
    p.add_argument("--date", metavar="NGÀY", help="ngày đánh giá (mặc định hôm nay)")
    p.add_argument(
        "--level",
        choices=[lv.value for lv in EvaluationLevel],
        default=DEFAULT_LEVEL,
        help="cấp đánh giá: " + ", ".join(f"{lv.value} = {lv.label}" for lv in EvaluationLevel),
    )
    p.add_argument("--notes", help="ghi chú")

    group = _group(sub, "evaluations", "các lần đánh giá đã lưu")
    p = command("list", "các lần đánh giá của một sản phẩm", cmd_evaluations_list, parent=group)
    p.add_argument("product", metavar="PRODUCT_ID")
    p.add_argument("--format", choices=("json", "csv"), default="json", help="định dạng đầu ra")
    p = command(
        "gap", "tiêu chí mất nhiều điểm nhất và số điểm còn thiếu để lên hạng", cmd_evaluations_gap, parent=group
    )
    p.add_argument("product", metavar="PRODUCT_ID", nargs="?", help="mặc định: mọi sản phẩm đã đánh giá")
    p.add_argument("--top", type=int, default=5, metavar="N", help="số tiêu chí mất điểm nhiều nhất (mặc định 5)")
    p.add_argument("--format", choices=("json", "csv"), default="json", help="định dạng đầu ra")
    p = command("certify", "ghi nhận kết quả được công nhận", cmd_evaluations_certify, parent=group)
    p.add_argument("evaluation", metavar="EVALUATION_ID")
    p.add_argument("--decision", required=True, metavar="SỐ", help="số quyết định công nhận")
    p.add_argument("--date", required=True, metavar="NGÀY", help="ngày công nhận")
    p.add_argument("--certificate", metavar="SỐ", help="số giấy chứng nhận")
    p.add_argument("--body", metavar="CƠ_QUAN", help="cơ quan công nhận (mặc định theo bộ tiêu chí)")
    p = command("result", "in kết quả đánh giá ra PDF", cmd_evaluations_result, parent=group)
    p.add_argument("evaluation", metavar="EVALUATION_ID")
    p.add_argument("-o", "--output", required=True, metavar="TỆP.pdf")
