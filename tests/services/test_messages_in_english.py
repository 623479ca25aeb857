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
