"""Validation results: every problem at once, per field, in Vietnamese."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FieldError:
    field: str
    message: str


class ValidationError(ValueError):
    """Raised by services with all the problems of one record."""

    def __init__(self, errors: list[FieldError], record: str = "") -> None:
        self.errors = list(errors)
        self.record = record
        super().__init__(self.describe())

    def describe(self) -> str:
        head = f"{self.record}: " if self.record else ""
        return head + "; ".join(f"{e.field}: {e.message}" for e in self.errors)

    def by_field(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for e in self.errors:
            out.setdefault(e.field, []).append(e.message)
        return out


class NotFoundError(LookupError):
    """A record named by the user does not exist; the message says which."""
