"""Scorecards: the shipped cards add up, totals and stars at every band boundary, knock-outs,
the council's average, the gap to the next star, and cards whose sums are wrong refused."""

from __future__ import annotations

import json
from dataclasses import replace
from fractions import Fraction

import pytest

from ocop_desktop.domain.rules import rule_set_from_dict
from ocop_desktop.domain.scorecard import CardError, card_from_dict, card_to_dict, validate_card
from ocop_desktop.domain.scoring import check_knockouts, evaluate, gap, parse_scores
from ocop_desktop.paths import resources_dir

RULE_SETS = {
    d["code"]: rule_set_from_dict(d)
    for d in json.loads((resources_dir() / "reference/rule_sets.json").read_text("utf-8"))["rule_sets"]
}
CARDS = {
    p.stem: card_from_dict(json.loads(p.read_text("utf-8")))
    for p in sorted((resources_dir() / "scorecards").glob("*.json"))
}
COFFEE = CARDS["26-2026_ca-phe-ca-cao"]


def scored(card, raw):
    scores, problems = parse_scores(card, raw)
    assert problems == []
    return scores


def full_marks(card) -> dict[str, Fraction]:
    return {leaf.code: Fraction(leaf.max).limit_denominator() for _p, leaf in card.leaves()}


@pytest.mark.parametrize("name", sorted(CARDS))
def test_every_shipped_card_adds_up_to_its_rule_sets_parts(name):
    card = CARDS[name]
    rule_set = RULE_SETS[card.rule_set]
    assert validate_card(card, rule_set) == []
    assert {p.code: p.max for p in card.parts} == rule_set.parts
    assert card.max_score == 100


def test_a_card_for_each_decision_and_for_the_samples_product_sets():
    assert {c.rule_set for c in CARDS.values()} == {"1048/2019", "148/2023", "1489/2025", "26/2026"}
    sets = {c.product_set for c in CARDS.values() if c.rule_set == "26/2026"}
    assert sets == {
        None,
        "ca-phe-ca-cao",
        "che-tuoi-che-che-bien",
        "rau-cu-qua-hat-tuoi",
        "che-bien-tu-thit-trung-sua-thuy-san-mat-ong",
        "ruou-trang",
    }
    # Only the coffee card is known criterion by criterion; the others say so.
    for card in CARDS.values():
        if card is not COFFEE:
            assert card.confirmed is False and card.note
            assert all(not p.confirmed for p in card.parts)


def test_the_coffee_card_of_26_2026_in_full():
    assert COFFEE.confirmed
    groups = {c.code: (c.name, c.max, [s.max for s in c.criteria]) for c in COFFEE.criteria() if c.is_group}
    assert groups == {
        "A1": ("Tổ chức sản xuất", 18, [3, 2, 3, 3, 3, 3, 1]),
        "A2": ("Phát triển sản phẩm", 10, [3, 3, 3, 1]),
        "A3": ("Sức mạnh cộng đồng", 12, [3, 1, 3, 2, 3]),
        "C1": ("Chỉ tiêu cảm quan", 15, [10, 5]),
    }
    part_b = [(c.name, c.max) for c in COFFEE.parts[1].criteria]
    assert part_b == [
        ("Phân phối", 5),
        ("Tổ chức phân phối", 3),
        ("Quảng bá sản phẩm", 5),
        ("Câu chuyện sản phẩm", 5),
        ("Cấu trúc câu chuyện", 2),
        ("Bản sắc địa phương", 5),
    ]
    owner = COFFEE.find("A3.1")
    assert owner.name == "Loại hình chủ thể"
    assert [(lv.points, lv.meaning) for lv in owner.allowed()] == [
        (1, "Hộ sản xuất, hộ kinh doanh"),
        (2, "Công ty"),
        (3, "Hợp tác xã"),
    ]
    assert [lv.points for lv in COFFEE.find("C4").allowed()] == [1, 3, 5]
    assert [lv.points for lv in COFFEE.find("C1.1").allowed()] == list(range(11))
    assert [k.code for k in COFFEE.knockouts] == ["KO1", "KO2", "KO3", "KO4"]


def test_the_json_form_round_trips():
    assert card_from_dict(card_to_dict(COFFEE)) == COFFEE


# Points per part that give each total, within every decision's part maxima.
BOUNDARIES = [(0, 1), (29, 1), (30, 2), (49, 2), (50, 3), (69, 3), (70, 4), (89, 4), (90, 5), (100, 5)]


def _split(total: int, parts: dict[str, float]) -> dict[str, int]:
    out, left = {}, total
    for code, maximum in parts.items():
        out[code] = min(int(maximum), left)
        left -= out[code]
    assert left == 0
    return out


@pytest.mark.parametrize(
    "card_name,rule_code",
    [
        ("1048-2019_chung", "1048/2019"),
        ("148-2023_chung", "148/2023"),
        ("26-2026_chung", "26/2026"),
    ],
)
@pytest.mark.parametrize("total,stars", BOUNDARIES)
def test_totals_and_stars_at_every_band_boundary(card_name, rule_code, total, stars):
    card, rules = CARDS[card_name], RULE_SETS[rule_code]
    points = _split(total, rules.parts)
    outcome = evaluate(card, rules, [scored(card, points)])
    assert outcome.total == total
    assert {k: int(v) for k, v in outcome.parts.items()} == points
    assert outcome.stars == stars
    assert outcome.knockout is None


@pytest.mark.parametrize("drop,stars", [(0, 5), (10, 5), (11, 4), (30, 4), (31, 3), (50, 3), (51, 2)])
def test_coffee_card_totals_criterion_by_criterion(drop, stars):
    marks = full_marks(COFFEE)
    # Take points away from the biggest criteria first, down to each criterion's lowest level.
    for _p, leaf in sorted(COFFEE.leaves(), key=lambda pl: -pl[1].max):
        lowest = Fraction(leaf.allowed()[0].points).limit_denominator()
        take = min(drop, marks[leaf.code] - lowest)
        marks[leaf.code] -= take
        drop -= take
    outcome = evaluate(COFFEE, RULE_SETS["26/2026"], [marks])
    assert outcome.total == 100 - sum(
        Fraction(leaf.max).limit_denominator() - marks[leaf.code] for _p, leaf in COFFEE.leaves()
    )
    assert outcome.stars == stars


def test_a_knock_out_stops_the_evaluation_whatever_the_score():
    rules = RULE_SETS["26/2026"]
    outcome = evaluate(COFFEE, rules, [full_marks(COFFEE)], knockouts=["KO2"])
    assert outcome.total == 100
    assert outcome.stars is None
    assert outcome.knockout == "KO2: Cơ sở sản xuất không có giấy chứng nhận an toàn thực phẩm"
    assert outcome.as_json()["knockout"] == outcome.knockout
    assert check_knockouts(COFFEE, ["KO9"])[0].message.startswith("không có điều kiện loại «KO9»")


def test_the_result_is_the_average_of_three_members_per_criterion_and_total():
    card, rules = CARDS["148-2023_chung"], RULE_SETS["148/2023"]
    members = [
        scored(card, m)
        for m in (
            {"A": 30, "B": 20, "C": 20},  # 70
            {"A": 30, "B": 19, "C": 20},  # 69
            {"A": 29, "B": 20, "C": 20},  # 69
        )
    ]
    outcome = evaluate(card, rules, members)
    assert outcome.criteria == {"A": Fraction(89, 3), "B": Fraction(59, 3), "C": 20}
    assert outcome.total == Fraction(208, 3)  # 69.33: the average, not rounded into 4 stars
    assert outcome.member_totals == (70, 69, 69)
    assert outcome.stars == 3
    assert outcome.as_json() == {
        "parts": {"A": 29.67, "B": 19.67, "C": 20},
        "total": 69.33,
        "stars": 3,
        "knockout": None,
    }
    upper = evaluate(card, rules, [scored(card, {"A": 30, "B": 20, "C": 20})] * 2 + [members[1]])
    assert upper.total == Fraction(209, 3) and upper.stars == 3  # 69.67 stays under 70


def test_out_of_range_unknown_and_group_criteria_are_refused_by_name():
    _scores, problems = parse_scores(COFFEE, {"A1.1": 4, "Z9": 1, "A1": 10, "A3.1": 0, "C4": 2, "B1": "nhiều"})
    by_code = {p.where: p.message for p in problems}
    assert "«Nguồn nguyên liệu» được 4 điểm, nằm ngoài thang 0–3" in by_code["A1.1"]
    assert "không có tiêu chí mã «Z9»" in by_code["Z9"]
    assert "nhóm tiêu chí" in by_code["A1"] and "A1.7" in by_code["A1"]
    assert "không có mức 0 điểm; các mức cho phép: 1, 2, 3" in by_code["A3.1"]
    assert "các mức cho phép: 1, 3, 5" in by_code["C4"]
    assert "không phải là số" in by_code["B1"]
    scores, problems = parse_scores(COFFEE, {"C1.1": "7", "A3.1": 3.0, "knockout": "KO1", "member": "An"})
    assert problems == [] and scores == {"C1.1": 7, "A3.1": 3}


def test_gap_to_the_next_star_lists_the_criteria_that_lose_most():
    rules = RULE_SETS["26/2026"]
    marks = full_marks(COFFEE)
    marks.update({"C1.1": Fraction(4), "B3": Fraction(2), "A3.1": Fraction(1), "C4": Fraction(1)})  # -6 -3 -2 -4
    marks.update({"B6": Fraction(0), "B4": Fraction(0), "C3": Fraction(0)})  # -5 each: 30 lost, total 70
    outcome = evaluate(COFFEE, rules, [marks])
    assert outcome.total == 70 and outcome.stars == 4
    result = gap(COFFEE, rules, outcome)
    assert (result.next_stars, result.next_min, result.needed) == (5, 90, 20)
    assert [(x.code, x.lost) for x in result.losses] == [
        ("C1.1", 6),
        ("B4", 5),
        ("B6", 5),
        ("C3", 5),
        ("C4", 4),
        ("B3", 3),
        ("A3.1", 2),
    ]
    assert result.losses[0].next_level.points == 5
    assert result.losses[4].next_level.meaning == "Chứng nhận ISO, HACCP hoặc tương đương"
    top = gap(COFFEE, rules, evaluate(COFFEE, rules, [full_marks(COFFEE)]))
    assert (top.next_stars, top.needed, top.losses) == (None, None, ())


def test_cards_that_do_not_add_up_are_refused_with_the_reason():
    rules = RULE_SETS["26/2026"]
    a = COFFEE.parts[0]
    short_group = replace(a.criteria[0], criteria=a.criteria[0].criteria[:-1])  # A1 loses its 1-point criterion
    card = replace(COFFEE, parts=(replace(a, criteria=(short_group, *a.criteria[1:])), *COFFEE.parts[1:]))
    messages = [str(p) for p in validate_card(card, rules)]
    assert any(
        "các tiêu chí con của A1 «Tổ chức sản xuất» cộng lại 17 điểm, khác điểm tối đa 18" in m for m in messages
    )
    b = COFFEE.parts[1]
    card = replace(COFFEE, parts=(a, replace(b, criteria=b.criteria[:-1]), COFFEE.parts[2]))  # B loses 5 points
    messages = [str(p) for p in validate_card(card, rules)]
    assert messages == [
        "Phần B: các tiêu chí của phần B cộng lại 20 điểm, khác điểm tối đa 25 của phần; "
        "hãy sửa điểm các tiêu chí cho khớp."
    ]
    # A part that is not the rule set's: 1048 has A 35, not 40.
    messages = [str(p) for p in validate_card(COFFEE, RULE_SETS["1048/2019"])]
    assert any("phần A có điểm tối đa 40, khác 35 điểm của bộ tiêu chí 1048/2019" in m for m in messages)
    with pytest.raises(CardError, match="không phải là số"):
        card_from_dict({"rule_set": "26/2026", "parts": [{"code": "A", "max": "bốn mươi", "criteria": []}]})
