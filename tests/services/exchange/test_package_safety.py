"""Refused packages: tampered, unsafe or from an unknown version; the receiver's file is left byte for byte."""

from __future__ import annotations

import hashlib
import json
import stat
import struct
import zipfile
from pathlib import Path

import pytest

from ocop_desktop.exports.package import MANIFEST, SIGNATURE, PackageError
from ocop_desktop.exports.signing import OfficeKey, b64, load_key
from ocop_desktop.services.exchange import verify_package
from ocop_desktop.services.surveys import SurveyEntryInput


@pytest.fixture
def package(communes, tmp_path) -> Path:
    a, _b, _r = communes
    a.surveys.save_entries(a.campaign_id(), a.unit_id, [SurveyEntryInput(product_name="Chè Shan tuyết")])
    path = tmp_path / "a.ocop.zip"
    a.exchange.export(path, include_reports=False)
    return path


def sender_key(source: Path, meta: dict) -> OfficeKey | None:
    """The private key of the office that signed ``source``, found beside its database (the test's
    folder): a hostile package made by a sender whose key the receiver trusts."""
    wanted = (meta.get("signer") or {}).get("fingerprint")
    for path in sorted(source.parent.glob("*.key")):
        key = load_key(path)
        if key is not None and key.fingerprint == wanted:
            return key
    return None


def rebuild(
    source: Path, target: Path, change=None, drop=(), add=(), manifest=None, relist=True, sign: bool = True
) -> Path:
    """A copy of a package with members changed, dropped or added; relist=True writes a manifest
    whose checksums match the new content and sign=True signs it again with the sender's own key,
    so only the check under test can refuse it. sign=False keeps the old signature: the package
    of someone who changed it and recomputed the sums without the key."""
    with zipfile.ZipFile(source) as zin:
        members = {n: zin.read(n) for n in zin.namelist()}
    meta = json.loads(members.pop(MANIFEST))
    key = sender_key(source, meta) if sign else None
    if key is not None:
        members.pop(SIGNATURE, None)
    for name, data in (change or {}).items():
        members[name] = data
    for name in drop:
        members.pop(name, None)
    extra = []
    for item in add:
        info, data = item if isinstance(item[0], zipfile.ZipInfo) else (zipfile.ZipInfo(item[0]), item[1])
        extra.append((info, data))
        if relist:
            meta["members"][info.filename] = {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
    if relist:
        for name in change or {}:
            meta["members"][name] = {"sha256": hashlib.sha256(members[name]).hexdigest(), "size": len(members[name])}
    meta.update(manifest or {})
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        if MANIFEST not in drop:
            manifest_bytes = json.dumps(meta).encode()
            zout.writestr(MANIFEST, manifest_bytes)
            if key is not None:
                zout.writestr(SIGNATURE, b64(key.sign(manifest_bytes)))
        for name, data in members.items():
            zout.writestr(name, data)
        for info, data in extra:
            info.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(info, data)
    return target


def flip_byte(source: Path, target: Path) -> Path:
    with zipfile.ZipFile(source) as zin:
        members = {n: zin.read(n) for n in zin.namelist()}
    data = bytearray(members["data/survey_entries.json"])
    data[data.index("Chè".encode())] ^= 0x01  # "Chè" becomes "Bhè": one byte, same size
    members["data/survey_entries.json"] = bytes(data)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, content in members.items():
            zout.writestr(name, content)
    return target


def symlink_member(name: str, target: str) -> tuple[zipfile.ZipInfo, bytes]:
    info = zipfile.ZipInfo(name)
    info.create_system = 3  # Unix, so the mode bits below mean what they say
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return info, target.encode()


def zero_bomb(source: Path, target: Path, megabytes: int) -> Path:
    """A real zip bomb in small: megabytes of zeros squeezed a thousand times."""
    rebuild(source, target)
    with zipfile.ZipFile(target, "a", zipfile.ZIP_DEFLATED) as zf, zf.open("bao-cao/so-lieu.bin", "w") as fh:
        chunk = bytes(2**20)
        for _ in range(megabytes):
            fh.write(chunk)
    return target


def declare_size(source: Path, target: Path, member: str, size: int) -> Path:
    """The same archive whose central directory claims ``member`` unpacks to ``size`` bytes."""
    data = bytearray(source.read_bytes())
    start = data.rindex(b"PK\x01\x02" + b"", 0, data.index(b"PK\x05\x06"))
    while True:
        name_len = struct.unpack_from("<H", data, start + 28)[0]
        if data[start + 46 : start + 46 + name_len].decode() == member:
            struct.pack_into("<I", data, start + 24, size)
            break
        start = data.rindex(b"PK\x01\x02", 0, start)
    target.write_bytes(bytes(data))
    return target


CASES = {
    "changed-byte": (lambda src, t: flip_byte(src, t), "SHA-256"),
    "missing-manifest": (lambda src, t: rebuild(src, t, drop=[MANIFEST]), "không có tệp kê khai"),
    "path-traversal": (lambda src, t: rebuild(src, t, add=[("bao-cao/../../evil.txt", b"x")]), "trỏ ra ngoài gói"),
    "absolute-path": (lambda src, t: rebuild(src, t, add=[("/tmp/evil.txt", b"x")]), "đường dẫn tuyệt đối"),
    "windows-path": (lambda src, t: rebuild(src, t, add=[("C:/Windows/evil.txt", b"x")]), "đường dẫn tuyệt đối"),
    "symlink": (lambda src, t: rebuild(src, t, add=[symlink_member("bao-cao/link", "/etc/passwd")]), "liên kết"),
    "zip-bomb": (lambda src, t: zero_bomb(src, t, 40), "bom nén"),
    "declared-huge": (
        lambda src, t: declare_size(rebuild(src, t.with_suffix(".tmp")), t, "data/products.json", 3 * 2**30),
        "bom nén",
    ),
    "too-many-members": (
        lambda src, t: rebuild(src, t, add=[(f"bao-cao/{i}.txt", b"x") for i in range(250)]),
        "quá giới hạn",
    ),
    "unlisted-member": (
        lambda src, t: rebuild(src, t, add=[("bao-cao/them.txt", b"x")], relist=False),
        "không khớp với tệp kê khai",
    ),
    "unknown-schema": (lambda src, t: rebuild(src, t, manifest={"schema_version": "9999"}), "lược đồ dữ liệu «9999»"),
    "future-format": (lambda src, t: rebuild(src, t, manifest={"format_version": 7}), "cập nhật OCOP Desktop"),
    "not-a-package": (
        lambda src, t: rebuild(src, t, manifest={"format": "something-else"}),
        "không phải gói dữ liệu OCOP",
    ),
    "not-a-zip": (lambda src, t: t.write_text("Xin chào") and t, "không phải tệp nén"),
    "recomputed-sums": (
        lambda src, t: rebuild(
            src,
            t,
            sign=False,
            change={"data/survey_entries.json": json.dumps({"entity": "survey_entries", "records": []}).encode()},
        ),
        "đã bị sửa sau khi đơn vị gửi ký",
    ),
    "signature-removed": (
        lambda src, t: rebuild(src, t, sign=False, drop=[SIGNATURE]),
        "đã bị sửa sau khi đơn vị gửi ký",
    ),
    "bad-record": (
        lambda src, t: rebuild(
            src,
            t,
            change={
                "data/unit_submissions.json": json.dumps(
                    {"entity": "unit_submissions", "records": [{"id": "not-a-uuid", "status": "xong"}]}
                ).encode()
            },
        ),
        "dữ liệu không hợp lệ",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_refused_with_a_vietnamese_reason_and_the_receiver_unchanged(communes, package, tmp_path, case):
    make, expected = CASES[case]
    bad = make(package, tmp_path / f"{case}.ocop.zip")
    with pytest.raises(PackageError, match=expected):
        verify_package(bad)  # refused before any database is opened
    _a, _b, r = communes
    r.close()
    before = r.path.read_bytes()
    r.open()
    with pytest.raises(PackageError) as refused:
        r.exchange.import_package(bad)
    assert expected in str(refused.value)
    r.close()
    assert r.path.read_bytes() == before
    assert (
        not r.path.with_name(r.path.name + "-wal").exists() or not r.path.with_name(r.path.name + "-wal").stat().st_size
    )


def test_a_good_package_passes_every_check(package):
    pkg = verify_package(package)
    assert pkg.manifest["sender"]["unit_name"] == "Xã Ẳng Nưa"
    assert pkg.manifest["members"] and pkg.data["survey_entries"][0]["product_name"] == "Chè Shan tuyết"


def test_a_package_is_not_imported_where_it_was_made(communes, package):
    a, _b, _r = communes
    with pytest.raises(PackageError, match="do chính máy này tạo ra"):
        a.exchange.import_package(package)


def test_the_package_carries_readable_reports_and_a_manifest_of_checksums(communes, tmp_path):
    a, _b, _r = communes
    a.surveys.save_entries(a.campaign_id(), a.unit_id, [SurveyEntryInput(product_name="Chè Shan tuyết")])
    path = tmp_path / "full.ocop.zip"
    a.exchange.export(path, include_reports=True)
    with zipfile.ZipFile(path) as zf:
        names = set(zf.namelist())
        manifest = json.loads(zf.read(MANIFEST))
        for name, meta in manifest["members"].items():
            assert hashlib.sha256(zf.read(name)).hexdigest() == meta["sha256"]
        assert "Xã Ẳng Nưa" in zf.read("DOC-TOI.txt").decode()
    assert {
        "bao-cao/ra-soat-san-pham.xlsx",
        "bao-cao/ra-soat-san-pham.pdf",
        "bao-cao/san-pham-ocop.pdf",
        "bao-cao/nhiem-vu.xlsx",
    } <= names
    assert set(manifest) >= {"package_id", "created_at", "sender", "application", "schema_version", "members"}
    assert (manifest["sender"]["user_name"], manifest["application"]["name"]) == ("Lò Văn Anh", "OCOP Desktop")
