"""Star bands at every boundary, expiry and re-evaluation dates, for each shipped rule set."""

from __future__ import annotations

import json
from datetime import date

import pytest

from ocop_desktop.domain.rules import rule_set_from_dict, rule_set_in_force
from ocop_desktop.paths import resources_dir

RULE_SETS = {
    d["code"]: rule_set_from_dict(d)
    for d in json.loads((resources_dir() / "reference/rule_sets.json").read_text("utf-8"))["rule_sets"]
}

BOUNDARIES = [
    (0, 1),
    (29.9, 1),
    (30, 2),
    (49.9, 2),
    (50, 3),
    (69.9, 3),
    (70, 4),
    (89.9, 4),
    (90, 5),
    (100, 5),
]


def test_the_four_decisions_are_shipped():
    assert set(RULE_SETS) == {"1048/2019", "148/2023", "1489/2025", "26/2026"}


@pytest.mark.parametrize("code", ["1048/2019", "148/2023", "1489/2025", "26/2026"])
@pytest.mark.parametrize("score,stars", BOUNDARIES)
def test_star_band_boundaries(code, score, stars):
    assert RULE_SETS[code].stars_for(score) == stars


@pytest.mark.parametrize("code", sorted(RULE_SETS))
@pytest.mark.parametrize("score", [-0.1, 100.1])
def test_scores_outside_the_scale_are_refused(code, score):
    with pytest.raises(ValueError, match="ngoài thang điểm"):
        RULE_SETS[code].stars_for(score)


def test_part_totals_follow_each_decision():
    assert RULE_SETS["1048/2019"].parts == {"A": 35, "B": 25, "C": 40}
    for code in ("148/2023", "1489/2025", "26/2026"):
        assert RULE_SETS[code].parts == {"A": 40, "B": 25, "C": 35}


def test_only_three_stars_and_above_are_certified():
    rules = RULE_SETS["26/2026"]
    assert [s for s in range(1, 6) if rules.is_certifiable(s)] == [3, 4, 5]
    assert rules.band(2).certified_by is None


def test_who_certifies_changed_with_the_abolition_of_districts():
    assert RULE_SETS["148/2023"].band(3).certified_by == "UBND cấp huyện"
    assert RULE_SETS["1489/2025"].band(3).certified_by == "UBND cấp tỉnh"
    assert RULE_SETS["1489/2025"].band(4).certified_by == "UBND cấp tỉnh"


@pytest.mark.parametrize(
    "certified,expires",
    [
        (date(2024, 3, 15), date(2027, 3, 15)),
        (date(2024, 2, 29), date(2027, 2, 28)),  # no 29 February in 2027
        (date(2023, 12, 31), date(2026, 12, 31)),
    ],
)
def test_certificates_are_valid_36_months(certified, expires):
    for rules in RULE_SETS.values():
        assert rules.expiry_for(certified) == expires


def test_re_evaluation_window_under_26_2026_is_180_to_120_days_before_expiry():
    window = RULE_SETS["26/2026"].reevaluation_window(date(2027, 3, 15))
    assert window == (date(2026, 9, 16), date(2026, 11, 15))
    assert RULE_SETS["148/2023"].reevaluation_window(date(2027, 3, 15)) is None


def test_148_warns_the_holder_30_days_before_expiry():
    assert RULE_SETS["148/2023"].warning_date(date(2027, 3, 15)) == date(2027, 2, 13)


@pytest.mark.parametrize(
    "day,code",
    [
        (date(2020, 6, 1), "1048/2019"),
        (date(2023, 2, 23), "1048/2019"),
        (date(2023, 2, 24), "148/2023"),
        (date(2024, 7, 5), "148/2023"),
        (date(2025, 7, 6), "1489/2025"),
        (date(2026, 11, 28), "26/2026"),
    ],
)
def test_the_rule_set_in_force_on_a_date(day, code):
    assert rule_set_in_force(list(RULE_SETS.values()), day).code == code


def test_no_rule_set_before_the_programme():
    with pytest.raises(LookupError, match="Không có bộ tiêu chí"):
        rule_set_in_force(list(RULE_SETS.values()), date(2018, 1, 1))
