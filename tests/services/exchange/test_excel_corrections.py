"""A commune corrects its Excel sheet and re-imports it: the correction reaches the district as an update."""

from __future__ import annotations

from datetime import date

import openpyxl
import pytest
from sqlalchemy import select

from ocop_desktop.persistence.models import SurveyEntry
from ocop_desktop.services.exchange import ConflictsUnresolved, Outcome
from ocop_desktop.services.survey_import import SurveyImportService
from tests.ids import SAMPLE_2024

TODAY = date(2024, 7, 10)


def sheet(path, rows):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Tên sản phẩm", "Chủ thể", "Sản lượng", "Đơn vị tính"])
    for row in rows:
        ws.append(list(row))
    wb.save(path)
    return path


def entries(office):
    return [
        (e.product_name, e.output_quantity) for e in office.surveys.unit_entries(office.campaign_id(), place_of(office))
    ]


def place_of(office):
    return office.commune_unit


@pytest.fixture
def pair(communes):
    a, _b, r = communes
    a.commune_unit = r.commune_unit = a.unit_id
    return a, r


def send(a, r, tmp_path, name, changes=True):
    package = tmp_path / f"{name}.ocop.zip"
    a.exchange.export(package, changes_only=changes, include_reports=False)
    return r.exchange.import_package(package)


def test_a_corrected_reimport_arrives_as_an_update(pair, tmp_path):
    a, r = pair
    excel = SurveyImportService(a.make_uow)
    path = sheet(tmp_path / "xa.xlsx", [("Chè Shan tuyết", "HTX Chè", 100, "kg"), ("Gạo nếp", "", 5, "tấn")])
    excel.import_file(path, SAMPLE_2024, today=TODAY)
    first = send(a, r, tmp_path, "1", changes=False)
    assert first.applied and entries(r) == [("Chè Shan tuyết", 100.0), ("Gạo nếp", 5.0)]
    [tea_id] = [e.id for e in a.surveys.unit_entries(a.campaign_id(), a.unit_id) if e.product_name == "Chè Shan tuyết"]

    # The same rows, one quantity corrected: the same record changes, and travels.
    sheet(path, [("Chè Shan tuyết", "HTX Chè", 999, "kg"), ("Gạo nếp", "", 5, "tấn")])
    again = excel.import_file(path, SAMPLE_2024, today=TODAY)
    assert (again.added, again.updated, again.unchanged) == (0, 1, 1)
    second = send(a, r, tmp_path, "2")
    changes = {c.title: c.outcome for c in second.preview.changes if c.entity == "survey_entries"}
    assert changes == {"Chè Shan tuyết (Xã Ẳng Nưa)": Outcome.UPDATE}
    assert entries(r) == [("Chè Shan tuyết", 999.0), ("Gạo nếp", 5.0)]

    # --replace with a corrected name: the row at the same place is the same record (same id), the
    # dropped row is deleted at the district too.
    sheet(path, [("Chè Shan tuyết cổ thụ", "HTX Chè", 1500, "kg")])
    replaced = excel.import_file(path, SAMPLE_2024, replace=True, today=TODAY)
    assert (replaced.added, replaced.updated, replaced.deleted) == (0, 1, 1)
    assert [e.id for e in a.surveys.unit_entries(a.campaign_id(), a.unit_id)] == [tea_id]
    third = send(a, r, tmp_path, "3")
    assert third.applied
    assert entries(r) == [("Chè Shan tuyết cổ thụ", 1500.0)]
    assert [e.id for e in r.surveys.unit_entries(r.campaign_id(), a.unit_id)] == [tea_id]

    # Undoing the replacement at the commune is a change too: the district gets both rows back.
    excel.undo(replaced.operation_id)
    send(a, r, tmp_path, "4")
    assert entries(r) == [("Chè Shan tuyết", 999.0), ("Gạo nếp", 5.0)]
    # A full package afterwards agrees with what the district has: nothing to update, no conflict.
    full = send(a, r, tmp_path, "5", changes=False)
    assert {c.outcome for c in full.preview.changes if c.entity == "survey_entries"} == set()
    assert entries(r) == [("Chè Shan tuyết", 999.0), ("Gạo nếp", 5.0)]


def test_a_correction_the_district_also_edited_is_a_conflict(pair, tmp_path):
    a, r = pair
    excel = SurveyImportService(a.make_uow)
    path = sheet(tmp_path / "xa.xlsx", [("Chè Shan tuyết", "HTX Chè", 100, "kg")])
    excel.import_file(path, SAMPLE_2024, today=TODAY)
    send(a, r, tmp_path, "1", changes=False)
    with r.make_uow() as uow:  # the district officer corrects the same field by hand
        uow.session.scalar(select(SurveyEntry)).output_quantity = 120
        uow.commit()
    sheet(path, [("Chè Shan tuyết", "HTX Chè", 999, "kg")])
    excel.import_file(path, SAMPLE_2024, today=TODAY)
    a.exchange.export(tmp_path / "2.ocop.zip", changes_only=True, include_reports=False)
    with pytest.raises(ConflictsUnresolved):
        r.exchange.import_package(tmp_path / "2.ocop.zip")
    done = r.exchange.import_package(tmp_path / "2.ocop.zip", prefer="there")
    assert done.applied and entries(r) == [("Chè Shan tuyết", 999.0)]
