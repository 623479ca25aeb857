"""The activity log reads each value by its field's kind: a year is 2025, never 2.025."""

from __future__ import annotations

from datetime import date

from ocop_desktop.gui.safety.audit_dialog import AuditLogDialog
from ocop_desktop.services.audit import AuditFilter, AuditService
from ocop_desktop.services.reference import place_id
from ocop_desktop.services.surveys import SurveyEntryInput, SurveyService


def test_the_activity_log_shows_a_proposed_year_as_written(qtbot, make_uow, sample, jobs, tmp_path, vietnamese):
    surveys = SurveyService(make_uow)
    (campaign,) = surveys.campaigns(today=date(2024, 6, 20))
    (entry,) = surveys.save_entries(
        campaign.id,
        place_id("xa-ang-nua"),
        [
            SurveyEntryInput(
                product_name="Miến dong Ẳng Nưa", output_quantity="1.200", price_vnd="15.000", proposed_year="2025"
            )
        ],
    )
    surveys.save_entries(
        campaign.id,
        place_id("xa-ang-nua"),
        [
            SurveyEntryInput(
                id=entry.id,
                version=entry.updated_at,
                product_name="Miến dong Ẳng Nưa",
                output_quantity="1.250",
                price_vnd="15.000",
                proposed_year="2026",
            )
        ],
    )

    dialog = AuditLogDialog(
        AuditService(make_uow),
        jobs,
        record=("survey_entries", entry.id, entry.product_name),
        today=date.today,
        work_dir=tmp_path,
    )
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2, timeout=20000)
    shown = [dialog.model.index(r, 5).data() for r in range(dialog.model.rowCount())]  # newest first
    assert "Đề xuất OCOP năm: 2025 → 2026" in shown[0]
    assert "Sản lượng: 1.200 → 1.250" in shown[0]  # a quantity keeps its thousands dot
    assert "Đề xuất OCOP năm: (trống) → 2025" in shown[1]
    assert "15.000" in shown[1]
    assert not any("2.025" in text or "2.026" in text for text in shown)

    # The service gives the same text to the printed log.
    (newest, _) = AuditService(make_uow).entries(AuditFilter(entity="survey_entries", entity_id=entry.id))
    assert [(c.old, c.new) for c in newest.changes if c.field == "proposed_year"] == [("2025", "2026")]
