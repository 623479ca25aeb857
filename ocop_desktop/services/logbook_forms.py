"""The logbook's paper and workbook forms: the Excel template a producer fills and the blank logbook to write by hand."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ocop_desktop.exports.logbook_pdf import KIND, write_blank_logbook
from ocop_desktop.exports.logbook_template import write_logbook_template
from ocop_desktop.persistence.models import Producer, Product
from ocop_desktop.persistence.uow import UowFactory
from ocop_desktop.services.documents import DocumentService


class LogbookForms:
    def __init__(self, make_uow: UowFactory) -> None:
        self._uow = make_uow

    def write_template(self, path: Path) -> Path:
        return write_logbook_template(Path(path))

    def print_blank(
        self,
        path: Path,
        producer_id: str | None = None,
        product_id: str | None = None,
        year: int | None = None,
        today: date | None = None,
    ) -> Path:
        """The blank logbook as PDF, headed by this office (the form's issuer on ``today``), with the
        producer's and product's names when given (dotted lines otherwise)."""
        header = DocumentService(self._uow).header(KIND, today or date.today())
        with self._uow() as uow:
            producer = uow.session.get(Producer, producer_id) if producer_id else None
            product = uow.session.get(Product, product_id) if product_id else None
            if producer is None and product is not None and product.producer_id:
                producer = uow.session.get(Producer, product.producer_id)
            names = (producer.name if producer else "", product.name if product else "")
        return write_blank_logbook(header, Path(path), *names, year=year)
