"""Guards against a Qt binding that corrupts the interpreter (PySide6 6.12.0 on Python 3.11)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal

EMITS = 1_000
NOISE = 20


class _Emitter(QObject):
    plain = Signal()
    with_value = Signal(int)


def test_emitting_signals_keeps_reference_counts(qapp):
    emitter = _Emitter()
    emitter.plain.connect(lambda: None)
    emitter.with_value.connect(lambda _v: None)
    before = sys.getrefcount(True), sys.getrefcount(False)
    for i in range(EMITS):
        emitter.plain.emit()
        emitter.with_value.emit(i)
    # A binding that loses references here makes CPython abort later, far from the cause. The
    # broken one loses one per emit (thousands here); other threads of this worker (a previous
    # test's job finishing) may move the shared counts of True and False by a few meanwhile.
    after = sys.getrefcount(True), sys.getrefcount(False)
    assert all(abs(a - b) < NOISE for a, b in zip(after, before, strict=True)), (before, after)
