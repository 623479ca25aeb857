"""P2's app side: the registry's query path a search keystroke runs in the window's database
thread (ProductService.uncounted_page, its unit of work and transaction included), timed for the
same typed prefixes as the floor's raw query (floors.py search), in a process of its own like it.
With --pages, the registry as it opens (P8): the first page, the count the window asks for next,
and the page at OFFSET (floors.py pages reads the same). DB is a file or a postgresql:// URL.

    python benchmarks/query_path.py DB PREFIX...        # prints {"times": [seconds, …]}
    python benchmarks/query_path.py --pages ROUNDS OFFSET DB
        # prints {"times": {"first": […], "count": […], "later": […]}, "count": N, "first": [ids], "later": [ids]}
"""

from __future__ import annotations

import json
import sys
import time
from datetime import date


def main(argv: list[str]) -> int:
    from ocop_desktop.persistence.database import open_database
    from ocop_desktop.services.product_query import ProductFilter
    from ocop_desktop.services.products import ProductService

    rounds = offset = 0
    if argv[0] == "--pages":
        rounds, offset, argv = int(argv[1]), int(argv[2]), argv[3:]
    db = open_database(argv[0], check=False)  # the cached file is at this version's schema
    products, today = ProductService(db.uow_factory()), date.today()
    if rounds:
        opened = ProductFilter()  # what the registry shows on opening
        pages: dict[str, list[float]] = {"first": [], "count": [], "later": []}
        calls = {
            "first": lambda: products.uncounted_page(opened, 0, 200, today),
            "count": lambda: products.count(opened, today),
            "later": lambda: products.uncounted_page(opened, offset, 200, today),
        }
        read: dict[str, object] = {}
        for _ in range(rounds):
            for key, call in calls.items():
                start = time.perf_counter()
                read[key] = call()
                pages[key].append(time.perf_counter() - start)
        db.close()
        # What was read, for comparing the engines: the same products in the same order, the same count.
        shown = {key: [row.id for row in read[key][0]] for key in ("first", "later")}  # type: ignore[index]
        print(json.dumps({"times": pages, "count": read["count"], **shown}))
        return 0
    times = []
    for prefix in argv[1:]:
        start = time.perf_counter()
        products.uncounted_page(ProductFilter(search=prefix), 0, 200, today)
        times.append(time.perf_counter() - start)
    db.close()
    print(json.dumps({"times": times}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
