"""The “Sản phẩm OCOP” tab: product registry page, product form and producer picker."""

from __future__ import annotations


def __getattr__(name: str):
    # Imported on first use: the Designer forms import the picker from this package.
    if name == "ProductsPage":
        from ocop_desktop.gui.products.page import ProductsPage

        return ProductsPage
    raise AttributeError(name)
