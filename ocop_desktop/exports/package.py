"""The exchange package file: a zip with a manifest, JSON data and reports, checked before use."""

from __future__ import annotations

import hashlib
import json
import os
import stat
import tempfile
import zipfile
from collections.abc import Collection
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from ocop_desktop.domain import formatting
from ocop_desktop.domain.language import Spoken, Text, english
from ocop_desktop.domain.os_errors import os_reason
from ocop_desktop.exports.signing import ALGORITHM, OfficeKey, b64, fingerprint, unb64, verify

FORMAT = "ocop-package"
FORMAT_VERSION = 1
# ".ocop.zip": Windows, mail and chat apps know a .zip (an unknown extension is often blocked
# or renamed), so whoever has no OCOP Desktop can still open it and read the reports; the
# ".ocop" in front says what it is, and the file dialogs filter on it.
EXTENSION = ".ocop.zip"
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"  # the sender's Ed25519 signature over manifest.json's exact bytes
DATA_DIR = "data/"
REPORTS_DIR = "bao-cao/"
DELETED = "data/deleted.json"


@dataclass(frozen=True)
class ZipLimits:
    """What a sane archive stays within; anything beyond is refused before it is unpacked.

    The sizes are floors: a package's data members may grow with the records its manifest
    declares (``per_record_bytes`` each, up to ``max_records``), so a national package of
    200.000 records passes while a zip bomb is still caught by its ratio."""

    max_file_bytes: int = 200 * 2**20
    max_members: int = 200
    max_member_bytes: int = 256 * 2**20
    max_total_bytes: int = 512 * 2**20
    # Unpacked/packed size of one member. JSON and XML shrink 5-30 times; a zip bomb
    # (gigabytes of zeros in a few kilobytes) shrinks a thousand times and more.
    max_ratio: int = 200
    ratio_from_bytes: int = 2**20  # small members are allowed any ratio
    per_record_bytes: int = 0  # 0: the sizes do not grow (an Excel workbook)
    max_records: int = 0

    def member_cap(self, records: int) -> int:
        """The largest unpacked size of a data member holding ``records`` records."""
        return max(self.max_member_bytes, min(records, self.max_records) * self.per_record_bytes)


# A survey row is about 600 bytes of JSON, so 4 KB a record leaves room for long notes; half a
# million records is more than twice a national package (and what a computer can hold unpacked).
PACKAGE_LIMITS = ZipLimits(max_file_bytes=500 * 2**20, per_record_bytes=4 * 2**10, max_records=500_000)


class PackageError(Spoken, Exception):
    """The file is refused; str() is a Vietnamese message saying why and what to do."""


@dataclass(frozen=True)
class Signer:
    """The key a package was signed with; the signature was checked against it."""

    public_key: bytes
    fingerprint: str


@dataclass(frozen=True)
class VerifiedPackage:
    path: Path
    sha256: str  # of the whole file: the identity shown in the outbox and the inbox
    manifest: dict[str, Any]
    data: dict[str, list[dict[str, Any]]]  # entity -> records
    deleted: list[dict[str, Any]]
    reports: tuple[str, ...]
    signer: Signer | None = None  # None: the package carries no signature

    @property
    def package_id(self) -> str:
        return str(self.manifest["package_id"])


@dataclass
class PackageWriter:
    """Collects members, then writes the zip atomically with a manifest of their checksums."""

    manifest: dict[str, Any]
    key: OfficeKey | None = None  # the sending office's key: the manifest is signed with it
    _members: list[tuple[str, bytes | Path]] = field(default_factory=list)

    def add_bytes(self, name: str, data: bytes) -> None:
        self._members.append((name, data))

    def add_json(self, name: str, value: Any) -> None:
        self.add_bytes(name, dumps_records(value))

    def add_file(self, name: str, path: Path) -> None:
        self._members.append((name, Path(path)))

    def write(self, path: Path) -> str:
        """Write to ``path`` (via a temporary file in the same folder); returns the file's SHA-256."""
        path = Path(path)
        members: dict[str, dict[str, Any]] = {}
        for name, content in self._members:
            data = content.read_bytes() if isinstance(content, Path) else content
            members[name] = {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
        manifest = dict(self.manifest, members=members)
        if self.key is not None:
            manifest["signer"] = {
                "algorithm": ALGORITHM,
                "public_key": b64(self.key.public_key),
                "fingerprint": self.key.fingerprint,
            }
        manifest_bytes = json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8")
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh, zipfile.ZipFile(fh, "w", zipfile.ZIP_DEFLATED) as zf:
                zf.writestr(MANIFEST, manifest_bytes)
                if self.key is not None:
                    zf.writestr(SIGNATURE, b64(self.key.sign(manifest_bytes)))
                for name, content in self._members:
                    if isinstance(content, Path):
                        zf.write(content, name)
                    else:
                        zf.writestr(name, content)
            os.chmod(tmp, 0o644)
            os.replace(tmp, path)
        except BaseException:
            with suppress(OSError):
                os.remove(tmp)
            raise
        return file_sha256(path)


def dumps_records(value: Any) -> bytes:
    """JSON with one record per line: compact, yet readable and diffable by hand."""
    if isinstance(value, dict) and isinstance(value.get("records"), list):
        head = {k: v for k, v in value.items() if k != "records"}
        lines = [json.dumps(r, ensure_ascii=False, sort_keys=False) for r in value["records"]]
        body = json.dumps(head, ensure_ascii=False)[:-1]
        sep = ", " if head else ""
        text = body + sep + '"records": [\n' + ",\n".join(lines) + "\n]}\n"
        return text.encode("utf-8")
    return json.dumps(value, ensure_ascii=False, indent=1).encode("utf-8")


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(2**20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _bad_name(name: str) -> str | None:
    """Why a member name is unsafe to extract, or None."""
    if "\\" in name or "\x00" in name:
        return Text("có ký tự không hợp lệ", "has characters that are not allowed")
    if name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        return Text("là đường dẫn tuyệt đối", "is an absolute path")
    if any(part == ".." for part in PurePosixPath(name).parts):
        return Text("trỏ ra ngoài gói («..»)", "points outside the package («..»)")
    return None


def check_zip(zf: zipfile.ZipFile, limits: ZipLimits, what: str) -> list[zipfile.ZipInfo]:
    """Refuse unsafe archives by their directory alone (nothing unpacked yet); returns the files.

    Sizes are checked against the largest a member may get (``limits.member_cap`` of the most
    records allowed); each data member is checked against its declared records when read."""
    infos = zf.infolist()
    if len(infos) > limits.max_members:
        raise PackageError(
            Text(
                f"{what} có {len(infos)} thành phần, quá giới hạn {limits.max_members}; tệp không đúng "
                "định dạng hoặc đã bị thay đổi. Không có gì được nhập.",
                f"{english(what)} has {len(infos)} members, more than the limit of {limits.max_members}; the file is not in the "
                "right format or was changed. Nothing was imported.",
            )
        )
    seen: set[str] = set()
    total = 0
    files = []
    for info in infos:
        name = info.filename
        problem = _bad_name(name)
        if problem:
            raise PackageError(
                Text(
                    f"{what} có thành phần «{name}» {problem}; tệp không an toàn nên bị từ chối. Không có gì được nhập.",
                    f"{english(what)} has a member «{name}» that {english(problem)}; the file is unsafe and was refused. Nothing was imported.",
                )
            )
        mode = info.external_attr >> 16
        if stat.S_ISLNK(mode):
            raise PackageError(
                Text(
                    f"{what} có thành phần «{name}» là liên kết (symlink); tệp không an toàn nên bị từ chối. "
                    "Không có gì được nhập.",
                    f"{english(what)} has a member «{name}» that is a link (symlink); the file is unsafe and was refused. "
                    "Nothing was imported.",
                )
            )
        if info.flag_bits & 0x1:
            raise PackageError(
                Text(
                    f"{what} có thành phần «{name}» bị mã hóa; hãy gửi lại tệp không đặt mật khẩu.",
                    f"{english(what)} has an encrypted member «{name}»; send the file again without a password.",
                )
            )
        if name in seen:
            raise PackageError(
                Text(
                    f"{what} có hai thành phần cùng tên «{name}»; tệp đã bị thay đổi nên bị từ chối.",
                    f"{english(what)} has two members named «{name}»; the file was changed and was refused.",
                )
            )
        seen.add(name)
        if info.is_dir():
            continue
        size = info.file_size
        ratio_too_high = size > limits.ratio_from_bytes and size > limits.max_ratio * max(info.compress_size, 1)
        if size > limits.member_cap(limits.max_records) or ratio_too_high:
            raise PackageError(
                Text(
                    f"{what} có thành phần «{name}» khi giải nén sẽ chiếm {_mb(size)} MB từ "
                    f"{_mb(info.compress_size, 1)} MB nén — bất thường (có thể là «bom nén»). "
                    "Tệp bị từ chối, không có gì được giải nén hay nhập.",
                    f"{english(what)} has a member «{name}» that would unpack to {_mb(size)} MB from "
                    f"{_mb(info.compress_size, 1)} MB compressed — abnormal (possibly a «zip bomb»). "
                    "The file was refused; nothing was unpacked or imported.",
                )
            )
        total += size
        files.append(info)
    # Compressed data bounds what it may unpack to: a total beyond both the fixed floor and
    # what the archive's own size allows at a plausible ratio is not a real package.
    packed = sum(i.compress_size for i in files)
    ceiling = max(limits.max_total_bytes, min(limits.max_ratio * packed, limits.member_cap(limits.max_records)))
    if total > ceiling:
        raise PackageError(
            Text(
                f"{what} khi giải nén sẽ chiếm {_mb(total)} MB, quá giới hạn {_mb(ceiling)} MB. "
                "Tệp bị từ chối, không có gì được nhập.",
                f"{english(what)} would unpack to {_mb(total)} MB, more than the limit of {_mb(ceiling)} MB. "
                "The file was refused; nothing was imported.",
            )
        )
    return files


def _mb(size: int, decimals: int | None = None) -> str:
    """Megabytes written the Vietnamese way: 1.234, or 0,4 below 10 MB."""
    if decimals is None:
        decimals = 1 if size < 10 * 2**20 else 0
    return formatting.decimal(size / 2**20, decimals)


def read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int) -> bytes:
    """A member's bytes, never more than ``cap`` even if its header lies about its size."""
    with zf.open(info) as fh:
        data = fh.read(cap + 1)
    if len(data) > cap or len(data) != info.file_size:
        raise PackageError(
            Text(
                f"Thành phần «{info.filename}» lớn hơn kích thước khai báo; tệp đã bị thay đổi.",
                f"Member «{info.filename}» is larger than its declared size; the file was changed.",
            )
        )
    return data


def _load_json(name: str, data: bytes) -> Any:
    try:
        return json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise PackageError(
            Text(
                f"Thành phần «{name}» của gói không đọc được ({exc}); tệp bị hỏng hoặc đã bị sửa.",
                f"Member «{name}» of the package cannot be read ({exc}); the file is damaged or was altered.",
            )
        ) from None
    except RecursionError:  # "[[[[…" nested beyond Python's recursion limit: no package is built so
        raise PackageError(
            Text(
                f"Thành phần «{name}» của gói lồng nhau quá sâu nên không đọc được; tệp bị hỏng "
                "hoặc đã bị sửa. Không có gì được nhập.",
                f"Member «{name}» of the package is nested too deeply to be read; the file is damaged "
                "or was altered. Nothing was imported.",
            )
        ) from None


def _check_manifest(manifest: Any, known_schemas: Collection[str]) -> dict[str, Any]:
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise PackageError(
            Text(
                "Tệp này không phải gói dữ liệu OCOP (tệp kê khai không đúng định dạng).",
                "This file is not an OCOP data package (its manifest is not in the right format).",
            )
        )
    version = manifest.get("format_version")
    if not isinstance(version, int) or version > FORMAT_VERSION or version < 1:
        raise PackageError(
            Text(
                f"Gói dùng định dạng phiên bản {version}, phiên bản này của OCOP Desktop chưa đọc được; "
                "hãy cập nhật OCOP Desktop lên bản mới nhất rồi nhập lại.",
                f"The package uses format version {version}, which this version of OCOP Desktop cannot read yet; "
                "update OCOP Desktop to the latest version, then import it again.",
            )
        )
    schema = manifest.get("schema_version")
    if schema not in known_schemas:
        raise PackageError(
            Text(
                f"Gói được tạo với lược đồ dữ liệu «{schema}» mà phiên bản này không biết (gói từ phiên bản "
                "OCOP Desktop mới hơn hoặc không phải của OCOP Desktop). Hãy cập nhật OCOP Desktop ở cả hai nơi "
                "lên cùng phiên bản rồi gửi lại gói. Không có gì được nhập.",
                f"The package was made with data schema «{schema}», which this version does not know (a package from a "
                "newer OCOP Desktop, or not from OCOP Desktop). Update OCOP Desktop in both places "
                "to the same version, then send the package again. Nothing was imported.",
            )
        )
    for key, label in (
        ("package_id", Text("mã gói", "the package id")),
        ("created_at", Text("thời điểm tạo gói", "the time the package was made")),
    ):
        if not isinstance(manifest.get(key), str) or not manifest[key]:
            raise PackageError(
                Text(
                    f"Tệp kê khai của gói thiếu {label}; tệp bị hỏng hoặc đã bị sửa. Hãy xin đơn vị gửi lại gói.",
                    f"The package's manifest lacks {label.en}; the file is damaged or was altered. Ask the office to send the package again.",
                )
            )
    if not isinstance(manifest.get("members"), dict) or not isinstance(manifest.get("sender", {}), dict):
        raise PackageError(
            Text(
                "Tệp kê khai của gói thiếu danh sách thành phần; tệp bị hỏng hoặc đã bị sửa.",
                "The package's manifest lacks its list of members; the file is damaged or was altered.",
            )
        )
    return manifest


def read_package(
    path: Path, entities: Collection[str], known_schemas: Collection[str], limits: ZipLimits = PACKAGE_LIMITS
) -> VerifiedPackage:
    """Verify everything (safety, manifest, checksums, JSON shape) and return the parsed data.

    Nothing is extracted to disk; a refused file raises PackageError before any data is used."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise PackageError(
            Text(f"Không mở được tệp {path}: {os_reason(exc)}.", f"Cannot open the file {path}: {os_reason(exc).en}.")
        ) from None
    if size > limits.max_file_bytes:
        raise PackageError(
            Text(
                f"Tệp {path.name} nặng {size / 2**20:,.0f} MB, quá giới hạn {limits.max_file_bytes // 2**20} MB "
                "của một gói dữ liệu; hãy kiểm tra lại tệp.",
                f"The file {path.name} is {size / 2**20:,.0f} MB, more than the {limits.max_file_bytes // 2**20} MB limit "
                "of a data package; check the file.",
            )
        )
    if not zipfile.is_zipfile(path):
        raise PackageError(
            Text(
                f"Tệp {path.name} không phải gói dữ liệu OCOP (không phải tệp nén .zip).",
                f"The file {path.name} is not an OCOP data package (not a .zip file).",
            )
        )
    try:
        with zipfile.ZipFile(path) as zf:
            return _read(zf, path, entities, known_schemas, limits)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError):
        raise PackageError(
            Text(
                f"Tệp {path.name} bị hỏng hoặc đã bị sửa; hãy xin đơn vị gửi lại gói.",
                f"The file {path.name} is damaged or was altered; ask the office to send the package again.",
            )
        ) from None


def _read(
    zf: zipfile.ZipFile, path: Path, entities: Collection[str], known_schemas: Collection[str], limits: ZipLimits
) -> VerifiedPackage:
    what = Text(f"Tệp {path.name}", f"The file {path.name}")
    infos = {i.filename: i for i in check_zip(zf, limits, what)}
    if MANIFEST not in infos:
        raise PackageError(
            Text(
                f"{what} không có tệp kê khai ({MANIFEST}) nên không phải gói dữ liệu OCOP hoặc đã bị sửa. "
                "Không có gì được nhập.",
                f"{what.en} has no manifest ({MANIFEST}), so it is not an OCOP data package or was altered. "
                "Nothing was imported.",
            )
        )
    manifest_bytes = read_member(zf, infos[MANIFEST], 10 * 2**20)
    manifest = _check_manifest(_load_json(MANIFEST, manifest_bytes), known_schemas)
    signer = _check_signature(zf, infos, manifest, manifest_bytes, what)
    listed: dict[str, Any] = manifest["members"]
    extra = sorted(set(infos) - set(listed) - {MANIFEST, SIGNATURE})
    missing = sorted(set(listed) - set(infos))
    if extra or missing:
        names = ", ".join(f"«{n}»" for n in (extra + missing)[:5])
        raise PackageError(
            Text(
                f"{what} không khớp với tệp kê khai (thừa hoặc thiếu: {names}); gói đã bị thay đổi. Không có gì được nhập.",
                f"{what.en} does not match its manifest (extra or missing: {names}); the package was changed. Nothing was imported.",
            )
        )
    data: dict[str, list[dict[str, Any]]] = {}
    deleted: list[dict[str, Any]] = []
    reports = []
    counts = manifest.get("counts")
    declared: dict[str, Any] = counts if isinstance(counts, dict) else {}
    for name, meta in listed.items():
        info = infos[name]
        records = 0
        if name.startswith(DATA_DIR):
            count = declared.get("deleted" if name == DELETED else name[len(DATA_DIR) : -len(".json")])
            records = count if isinstance(count, int) and not isinstance(count, bool) and count > 0 else 0
        cap = limits.member_cap(records)
        if info.file_size > cap:
            count_text = formatting.integer(records)
            raise PackageError(
                Text(
                    f"Thành phần «{name}» của gói khi giải nén sẽ chiếm {_mb(info.file_size)} MB, quá giới hạn "
                    f"{_mb(cap)} MB cho {count_text} bản ghi khai báo trong gói; gói đã bị thay đổi. Không có gì được nhập.",
                    f"Member «{name}» of the package would unpack to {_mb(info.file_size)} MB, more than the limit of "
                    f"{_mb(cap)} MB for the {count_text} records the package declares; the package was changed. Nothing was imported.",
                )
            )
        content = read_member(zf, info, cap)
        if not isinstance(meta, dict) or hashlib.sha256(content).hexdigest() != meta.get("sha256"):
            raise PackageError(
                Text(
                    f"Thành phần «{name}» của gói không khớp mã kiểm tra SHA-256: gói đã bị hỏng hoặc bị sửa trên "
                    "đường gửi. Hãy xin đơn vị gửi lại gói. Không có gì được nhập.",
                    f"Member «{name}» of the package does not match its SHA-256 checksum: the package was damaged or altered "
                    "on the way. Ask the office to send the package again. Nothing was imported.",
                )
            )
        if name.startswith(REPORTS_DIR):
            reports.append(name)
        elif name == DELETED:
            deleted = _records(name, _load_json(name, content))
        elif name.startswith(DATA_DIR) and name.endswith(".json"):
            entity = name[len(DATA_DIR) : -len(".json")]
            if entity not in entities:
                raise PackageError(
                    Text(
                        f"Gói có loại dữ liệu «{entity}» mà phiên bản này chưa biết; hãy cập nhật OCOP Desktop rồi nhập lại.",
                        f"The package has data of a kind «{entity}» this version does not know yet; update OCOP Desktop, then import it again.",
                    )
                )
            data[entity] = _records(name, _load_json(name, content))
    return VerifiedPackage(path, file_sha256(path), manifest, data, deleted, tuple(sorted(reports)), signer)


def _check_signature(
    zf: zipfile.ZipFile, infos: dict[str, zipfile.ZipInfo], manifest: dict[str, Any], manifest_bytes: bytes, what: str
) -> Signer | None:
    """The signer when the manifest is signed and the signature holds; None when the package was
    never signed. A signature that does not match, or a signer named without a signature, means
    the package was changed after it was signed."""
    named = manifest.get("signer")
    if named is None and SIGNATURE not in infos:
        return None
    changed = Text(
        f"{what} đã bị sửa sau khi đơn vị gửi ký (chữ ký số không khớp với nội dung). Không có gì được "
        "nhập. Hãy xin đơn vị gửi lại gói, và báo cho họ biết gói đã bị thay đổi trên đường gửi.",
        f"{english(what)} was altered after the sending office signed it (the digital signature does not match "
        "the content). Nothing was imported. Ask the office to send the package again, and tell them it was "
        "changed on the way.",
    )
    if not isinstance(named, dict) or SIGNATURE not in infos or named.get("algorithm") != ALGORITHM:
        raise PackageError(changed)
    public_key = unb64(named.get("public_key"))
    signature = unb64(read_member(zf, infos[SIGNATURE], 1024).decode("ascii", "replace").strip())
    if (
        public_key is None
        or len(public_key) != 32
        or signature is None
        or named.get("fingerprint") != fingerprint(public_key)
        or not verify(public_key, signature, manifest_bytes)
    ):
        raise PackageError(changed)
    return Signer(public_key, fingerprint(public_key))


def _records(name: str, value: Any) -> list[dict[str, Any]]:
    records = value.get("records") if isinstance(value, dict) else None
    if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
        raise PackageError(
            Text(
                f"Thành phần «{name}» của gói không đúng cấu trúc; tệp bị hỏng hoặc đã bị sửa.",
                f"Member «{name}» of the package does not have the right structure; the file is damaged or was altered.",
            )
        )
    return records
