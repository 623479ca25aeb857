"""The candidate pipeline's stages and a dossier item's states, in order, and which dossier items a rule set asks for."""

from __future__ import annotations

from dataclasses import dataclass

from ocop_desktop.domain.enums import LabelledEnum, ProductStatus


class Stage(LabelledEnum):
    """Where a product stands on its way to a certificate (issue 17): one step after another."""

    POTENTIAL = "tiem_nang", "Tiềm năng", "Potential"
    REGISTERED = "dang_ky", "Đăng ký", "Registered"
    DOSSIER_COMPLETE = "ho_so_day_du", "Hồ sơ đầy đủ", "Dossier complete"
    EVALUATED = "da_danh_gia", "Đã đánh giá", "Evaluated"
    CERTIFIED = "duoc_cong_nhan", "Được công nhận", "Certified"
    REEVALUATION_DUE = "sap_danh_gia_lai", "Sắp đánh giá lại", "Re-evaluation due"


STAGES: tuple[Stage, ...] = tuple(Stage)


def next_stage(stage: Stage) -> Stage:
    """The step after ``stage``; after «sắp đánh giá lại» a product registers again for a new round."""
    i = STAGES.index(stage)
    return STAGES[i + 1] if i + 1 < len(STAGES) else Stage.REGISTERED


# The stage of a product that has never been moved, read from its registry status; expired and
# revoked products are off the board until they register again.
STAGE_OF_STATUS: dict[str, Stage] = {
    ProductStatus.POTENTIAL.value: Stage.POTENTIAL,
    ProductStatus.REGISTERED.value: Stage.REGISTERED,
    ProductStatus.EVALUATED.value: Stage.EVALUATED,
    ProductStatus.CERTIFIED.value: Stage.CERTIFIED,
}


class DossierStatus(LabelledEnum):
    MISSING = "chua_co", "Chưa có", "Missing"
    IN_PROGRESS = "dang_bo_sung", "Đang bổ sung", "Being completed"
    DONE = "dat", "Đạt", "Accepted"


@dataclass(frozen=True)
class DossierItemSpec:
    """One document a rule set's dossier holds (resources/reference/dossier_items.json)."""

    code: str
    name: str
    name_en: str
    required: bool
    confirmed: bool  # found in a public source; unconfirmed items are shown as such
    note: str = ""

    def name_in(self, language: str | None) -> str:
        return self.name_en if language == "en" else self.name


@dataclass(frozen=True)
class DossierRules:
    """The dossier items of one rule set, with where the list comes from."""

    rule_set: str
    items: tuple[DossierItemSpec, ...]
    source: str

    def item(self, code: str) -> DossierItemSpec | None:
        return next((i for i in self.items if i.code == code), None)

    @property
    def required(self) -> tuple[DossierItemSpec, ...]:
        return tuple(i for i in self.items if i.required)


def dossier_rules_from_dict(data: dict[str, object]) -> dict[str, DossierRules]:
    """Each rule set's items from the reference file's form: {"rule_sets": {code: {source, items}}}."""
    out: dict[str, DossierRules] = {}
    sets = data.get("rule_sets")
    if not isinstance(sets, dict):
        raise ValueError("dossier_items.json: «rule_sets» must be a table of rule set codes")
    for code, body in sets.items():
        items = tuple(
            DossierItemSpec(
                str(i["code"]),
                str(i["name"]),
                str(i.get("name_en") or i["name"]),
                bool(i.get("required", True)),
                bool(i.get("confirmed", False)),
                str(i.get("note", "")),
            )
            for i in body["items"]
        )
        out[str(code)] = DossierRules(str(code), items, str(body.get("source", "")))
    return out
