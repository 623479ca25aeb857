"""P2's app side: the registry's query path a search keystroke runs in the window's database
thread (ProductService.uncounted_page, its unit of work and transaction included), timed for the
same typed prefixes as the floor's raw query (floors.py search), in a process of its own like it.

    python benchmarks/query_path.py DB PREFIX...   # prints {"times": [seconds, …]}
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

    db = open_database(argv[0], check=False)  # the cached file is at this version's schema
    products, today, times = ProductService(db.uow_factory()), date.today(), []
    for prefix in argv[1:]:
        start = time.perf_counter()
        products.uncounted_page(ProductFilter(search=prefix), 0, 200, today)
        times.append(time.perf_counter() - start)
    db.close()
    print(json.dumps({"times": times}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
