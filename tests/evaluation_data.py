"""The evaluation tests' shared data: the sample's coffee product and its self-assessment."""

from __future__ import annotations

COFFEE = "Cà phê bột Hà Chung - bột pha phin"
# The producer's self-assessment on the 26/2026 coffee card, criterion by criterion: 79 points.
SCORES = {
    "A1.1": 3,
    "A1.2": 2,
    "A1.3": 3,
    "A1.4": 3,
    "A1.5": 2,
    "A1.6": 2,
    "A1.7": 1,
    "A2.1": 3,
    "A2.2": 2,
    "A2.3": 2,
    "A2.4": 1,
    "A3.1": 3,
    "A3.2": 0,
    "A3.3": 3,
    "A3.4": 1,
    "A3.5": 2,
    "B1": 4,
    "B2": 2,
    "B3": 3,
    "B4": 4,
    "B5": 2,
    "B6": 4,
    "C1.1": 8,
    "C1.2": 4,
    "C2": 4,
    "C3": 5,
    "C4": 3,
    "C5": 2,
    "C6": 1,
}
