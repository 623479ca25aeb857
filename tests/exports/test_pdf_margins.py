"""Every report kind of a 2026 commune office on A4 within the margins of Decree 30/2020 (appendix I):
portrait — left (binding) 30–35 mm, right 15–20 mm, top and bottom 20–25 mm; a landscape page keeps
the binding margin on its top edge, so its edges take the portrait's turned by a quarter."""

from __future__ import annotations

import re

import pytest

from ocop_desktop.services.reports import KINDS, ReportRequest, ReportService
from tests.pdftext import pdftotext
from tests.services.test_documents import DAY, commune  # noqa: F401  (the fixture)

MM = 72 / 25.4
A4 = (595.28, 841.89)
# Minimum blank edge in mm: (left, right, top, bottom).
PORTRAIT = (30, 15, 20, 20)
LANDSCAPE = (20, 20, 30, 15)


def pages(path):
    out = pdftotext(path, "-bbox")
    for width, height, body in re.findall(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', out, re.S):
        words = [
            (float(a), float(b), float(c), float(d), t)
            for a, b, c, d, t in re.findall(
                r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', body
            )
        ]
        yield float(width), float(height), words


@pytest.mark.parametrize("kind", KINDS)
def test_every_page_is_a4_and_keeps_the_decree_margins(commune, tmp_path, kind):  # noqa: F811
    path = ReportService(commune).export(ReportRequest(kind, today=DAY), "pdf", tmp_path / f"{kind}.pdf")
    for number, (width, height, words) in enumerate(pages(path), start=1):
        assert sorted((width, height)) == pytest.approx(sorted(A4), abs=0.5)
        left, right, top, bottom = PORTRAIT if width < height else LANDSCAPE
        # The page number (top centre, from page 2) stands in the top margin, as the decree places it.
        body = [w for w in words if not (number > 1 and w[4] == str(number) and w[1] < top * MM)]
        # The office's key fingerprint and audit anchor stand in small print low in the bottom
        # margin of every page (exports/report_model.Seal), below the text block.
        seal = [w for w in body if w[1] > height - 12 * MM]
        assert " ".join(w[4] for w in seal).startswith("Khóa ký của đơn vị:"), (kind, number, "seal")
        body = [w for w in body if w not in seal]
        assert body, f"page {number} of {kind} is empty"
        assert min(w[0] for w in body) >= left * MM - 0.5, (kind, number, "left")
        assert width - max(w[2] for w in body) >= right * MM - 0.5, (kind, number, "right")
        assert min(w[1] for w in body) >= top * MM - 0.5, (kind, number, "top")
        assert height - max(w[3] for w in body) >= bottom * MM - 0.5, (kind, number, "bottom")
