"""The core's refusals in an English window: the record and every problem in English, the
terminal (which never sets the language) in Vietnamese."""

from __future__ import annotations

import pytest

from ocop_desktop.domain.language import set_display_language
from ocop_desktop.domain.validation import NotFoundError, ValidationError
from ocop_desktop.services.producers import ProducerInput, ProducerService
from ocop_desktop.services.products import ProductInput, ProductService
from ocop_desktop.services.tasks import TaskInput, TaskService


def _refusal(call) -> ValidationError | NotFoundError:
    with pytest.raises((ValidationError, NotFoundError)) as refused:
        call()
    return refused.value


def test_refusals_read_in_the_window_language(make_uow):
    products, producers, tasks = ProductService(make_uow), ProducerService(make_uow), TaskService(make_uow)
    cases = [
        lambda: products.create(ProductInput(name="", stars=7)),
        lambda: producers.create(ProducerInput(name="HTX Chè", phone="12", email="khong-co")),
        lambda: tasks.create_task(TaskInput(assignee="", title="")),
        lambda: products.get("khong-co"),
        lambda: products.create(ProductInput(name="Chè", ean13="12345")),
    ]
    vietnamese = [str(_refusal(case)) for case in cases]
    set_display_language("en")
    english = [str(_refusal(case)) for case in cases]
    assert vietnamese[0] == "Sản phẩm «(chưa có tên)»: Chưa nhập tên sản phẩm; Hạng sao phải từ 1 đến 5."
    assert english == [
        "Product «(no name yet)»: The product name is missing; Stars must be from 1 to 5.",
        "Producer «HTX Chè»: A phone number has 10 digits (for example 0912 345 678); please check it; "
        "«khong-co» is not a valid e-mail address.",
        "Task «(no title yet)»: Who carries the task out is missing; write it, for example «UBND các xã, thị trấn»; "
        "The task title is missing.",
        "No product has the id khong-co.",
        "Product «Chè»: An EAN-13 barcode has exactly 13 digits (this one has 5).",
    ]
    set_display_language("vi")
    assert [str(_refusal(case)) for case in cases] == vietnamese


def test_file_package_and_survey_cell_refusals_read_in_the_window_language(tmp_path):
    """What the window shows with str(exc) or the one renderer: the refusal in English when the
    window is English; the same refusal in Vietnamese for the terminal."""
    from ocop_desktop.domain.validation import text_of
    from ocop_desktop.exports.package import PackageError, read_package
    from ocop_desktop.services.errors import for_people
    from ocop_desktop.services.exchange.excel_files import ImportRefused, guard
    from ocop_desktop.services.surveys import parse_entry_value

    not_a_zip = tmp_path / "goi.ocop.zip"
    not_a_zip.write_text("không phải gói", encoding="utf-8")

    def refusals() -> list[str]:
        out = []
        with pytest.raises(PackageError) as package:
            read_package(not_a_zip, entities=(), known_schemas=())
        out += [str(package.value), for_people(package.value)]
        with pytest.raises(ImportRefused) as folder:
            guard(tmp_path)
        out.append(str(folder.value))
        with pytest.raises(ValueError) as cell:
            parse_entry_value("price_vnd", "-5", 2026)
        out.append(text_of(cell.value))
        return out

    vietnamese = refusals()
    set_display_language("en")
    english = refusals()
    assert english == [
        "The file goi.ocop.zip is not an OCOP data package (not a .zip file).",
        "The file goi.ocop.zip is not an OCOP data package (not a .zip file).",
        f"«{tmp_path.name}» is a folder, not an Excel file; choose an .xlsx file inside that folder.",
        "Negative numbers are not allowed; enter a number from 0 up.",
    ]
    set_display_language("vi")
    assert refusals() == vietnamese
    assert vietnamese[0] == "Tệp goi.ocop.zip không phải gói dữ liệu OCOP (không phải tệp nén .zip)."
    assert vietnamese[3] == "Không được nhập số âm; hãy nhập số từ 0 trở lên."
