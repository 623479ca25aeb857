"""Assemble the user manual's page links and its one-page print version from the chapter pages.

    python build_spec/build_manual.py           # rewrite the navigation bars and in-toan-bo.html
    python build_spec/build_manual.py --check   # exit 1 if either is stale

The chapter order is the table of contents of resources/manual/index.html (its <ol class="toc">);
each chapter page holds one <section class="chapter">. Written once there, copied here.
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MANUAL = ROOT / "resources" / "manual"
PRINT_PAGE = "in-toan-bo.html"
TITLE = "Hướng dẫn sử dụng OCOP Desktop"

TOC = re.compile(r'<ol class="toc">(.*?)</ol>', re.S)
TOC_LINK = re.compile(r'<a href="([a-z0-9-]+\.html)">(.*?)</a>', re.S)
NAV = re.compile(r'<nav class="(top|bottom)">.*?</nav>', re.S)
SECTION = re.compile(r'<section class="chapter" id="([a-z0-9-]+)">.*?</section>', re.S)
PAGE_LINK = re.compile(r'href="([a-z0-9-]+)\.html"')


def chapters(index: str) -> list[tuple[str, str]]:
    """(file name, title) of every chapter, in the order of the table of contents."""
    found = TOC.search(index)
    if found is None:
        raise SystemExit('index.html has no <ol class="toc">')
    return [(href, re.sub(r"\s+", " ", title).strip()) for href, title in TOC_LINK.findall(found.group(1))]


def nav(kind: str, order: list[tuple[str, str]], position: int) -> str:
    parts = ['<a href="index.html">Mục lục</a>']
    if position > 0:
        parts.append(f'<a href="{order[position - 1][0]}">← {order[position - 1][1]}</a>')
    if position < len(order) - 1:
        parts.append(f'<a href="{order[position + 1][0]}">{order[position + 1][1]} →</a>')
    parts.append(f'<a href="{PRINT_PAGE}">Bản in toàn bộ</a>')
    return f'<nav class="{kind}">' + " ".join(parts) + "</nav>"


def with_nav(text: str, order: list[tuple[str, str]], position: int) -> str:
    return NAV.sub(lambda m: nav(m.group(1), order, position), text)


def print_page(index: str, pages: dict[str, str], order: list[tuple[str, str]]) -> str:
    """Every chapter in one page; links between pages become links inside it."""
    sections = [m.group(0) for m in SECTION.finditer(index)]
    for href, _title in order:
        found = SECTION.search(pages[href])
        if found is None:
            raise SystemExit(f'{href} has no <section class="chapter" id=…>')
        sections.append(found.group(0))
    ids = {m.group(1) for s in sections for m in [SECTION.match(s)]}
    toc = "\n".join(f'  <li><a href="#{href[:-5]}">{title}</a></li>' for href, title in order)

    def local(match: re.Match) -> str:
        name = match.group(1)
        return (
            f'href="#{name}"'
            if name in ids
            else ('href="#muc-luc"' if name in ("index", "in-toan-bo") else match.group(0))
        )

    body = "\n\n".join(PAGE_LINK.sub(local, s) for s in sections)
    return f"""<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{TITLE} — bản in toàn bộ</title>
<link rel="stylesheet" href="manual.css">
</head>
<body>
<nav class="top"><a href="index.html">Mục lục</a> Bản in: bấm <kbd>Ctrl</kbd>+<kbd>P</kbd> trong trình duyệt để in hoặc lưu thành PDF (khổ A4).</nav>
<main>
<section class="cover" id="muc-luc">
<h1>{TITLE}</h1>
<p>Bản gộp mọi chương để in. Mỗi chương bắt đầu ở một trang mới.</p>
<ol class="toc">
{toc}
</ol>
</section>

{body}
</main>
</body>
</html>
"""


def build(check: bool) -> list[str]:
    index = (MANUAL / "index.html").read_text("utf-8")
    order = chapters(index)
    pages = {href: (MANUAL / href).read_text("utf-8") for href, _ in order}
    wanted = {href: with_nav(text, order, i) for i, (href, text) in enumerate(pages.items())}
    wanted[PRINT_PAGE] = print_page(index, wanted, order)
    stale = []
    for name, text in wanted.items():
        text = unicodedata.normalize("NFC", text)
        path = MANUAL / name
        if not path.exists() or path.read_text("utf-8") != text:
            stale.append(name)
            if not check:
                path.write_text(text, encoding="utf-8")
    return stale


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report stale pages, change nothing")
    args = parser.parse_args(argv)
    stale = build(args.check)
    if stale and args.check:
        print("Stale manual pages (run python build_spec/build_manual.py): " + ", ".join(stale))
        return 1
    for name in stale:
        print(f"wrote {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
