"""The office's signing key (Ed25519, through PyNaCl) and the fingerprint people compare by phone.

Each database — each office — has one key pair, made the first time it signs. The private key is a
file beside the database (``<file>.key``, readable by its owner only), so it stays in the user's
data folder with the data and is never put in a package. A package's manifest names the public key;
the signature over the manifest's exact bytes covers every member through their SHA-256 sums.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from nacl.exceptions import BadSignatureError
from nacl.signing import SigningKey, VerifyKey

from ocop_desktop.domain.language import Spoken, Text

ALGORITHM = "Ed25519"
KEY_HEADER = b"OCOP-DESKTOP-ED25519-SEED\n"
# Crockford's base32: no I, L, O, U, so what is read aloud over a bad phone line is what is typed.
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


class KeyFileError(Spoken, Exception):
    """The key file cannot be read or written; str() says so in Vietnamese."""


def fingerprint(public_key: bytes) -> str:
    """The SHA-256 of the raw public key, in hex: what is stored and compared."""
    return hashlib.sha256(public_key).hexdigest()


def short_fingerprint(fingerprint_hex: str) -> str:
    """«7K3M Q9TD X2CF HW4R»: 16 characters (80 bits) of the fingerprint in 4 groups of 4, to read
    out by phone or check on paper."""
    number = int(fingerprint_hex[:20], 16)  # 80 bits
    chars = "".join(ALPHABET[(number >> (5 * i)) & 31] for i in reversed(range(16)))
    return " ".join(chars[i : i + 4] for i in range(0, 16, 4))


@dataclass(frozen=True)
class OfficeKey:
    _seed: bytes

    @property
    def public_key(self) -> bytes:
        return bytes(SigningKey(self._seed).verify_key)

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public_key)

    def sign(self, data: bytes) -> bytes:
        return SigningKey(self._seed).sign(data).signature


def generate_key() -> OfficeKey:
    """A new key pair (its seed is what is kept: a key file, or a server database's office_keys)."""
    return OfficeKey(bytes(SigningKey.generate()))


def key_file_for(db_path: Path) -> Path:
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + ".key")


def load_key(path: Path) -> OfficeKey | None:
    """The key in ``path``, or None when there is none yet."""
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        from ocop_desktop.domain.os_errors import os_reason  # noqa: PLC0415

        raise KeyFileError(
            Text(
                f"Không đọc được tệp khóa ký của đơn vị {path}: {os_reason(exc)}.",
                f"Cannot read the office's signing key file {path}: {os_reason(exc).en}.",
            )
        ) from None
    if not raw.startswith(KEY_HEADER):
        raise KeyFileError(
            Text(
                f"Tệp khóa ký {path} không đúng định dạng (bị hỏng hoặc bị thay). Hãy khôi phục tệp "
                "từ bản sao lưu; nếu tạo khóa mới, các đơn vị nhận phải tin cậy lại dấu vân tay mới.",
                f"The signing key file {path} is not in the right format (damaged or replaced). Restore the file "
                "from a backup; if a new key is made, the receiving offices must trust the new fingerprint again.",
            )
        )
    try:
        seed = base64.b64decode(raw[len(KEY_HEADER) :].strip(), validate=True)
    except ValueError:
        seed = b""
    if len(seed) != 32:
        raise KeyFileError(
            Text(
                f"Tệp khóa ký {path} bị hỏng. Hãy khôi phục tệp từ bản sao lưu.",
                f"The signing key file {path} is damaged. Restore the file from a backup.",
            )
        )
    return OfficeKey(seed)


def load_or_create_key(path: Path) -> OfficeKey:
    """The office's key, made and written (owner-only, atomically) the first time."""
    path = Path(path)
    key = load_key(path)
    if key is not None:
        return key
    seed = bytes(SigningKey.generate())
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(KEY_HEADER + base64.b64encode(seed) + b"\n")
            fh.flush()
            os.fsync(fh.fileno())
        try:
            os.link(tmp, path)  # never replaces a key another process made meanwhile
        except FileExistsError:
            pass
        except OSError:
            if not path.exists():
                os.replace(tmp, path)
    except OSError as exc:
        from ocop_desktop.domain.os_errors import os_reason  # noqa: PLC0415

        raise KeyFileError(
            Text(
                f"Không tạo được tệp khóa ký của đơn vị {path}: {os_reason(exc)}.",
                f"Cannot create the office's signing key file {path}: {os_reason(exc).en}.",
            )
        ) from None
    finally:
        with contextlib.suppress(OSError):  # on read-only media even removing nothing fails (EROFS)
            tmp.unlink(missing_ok=True)
    key = load_key(path)
    assert key is not None
    return key


def verify(public_key: bytes, signature: bytes, data: bytes) -> bool:
    try:
        VerifyKey(public_key).verify(data, signature)
        return True
    except (BadSignatureError, ValueError, TypeError):
        return False


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: object) -> bytes | None:
    if not isinstance(text, str):
        return None
    try:
        return base64.b64decode(text, validate=True)
    except ValueError:
        return None
