"""Package list: the code packages plus the top-level resources/ folder, shipped as ocop_desktop.resources."""

from setuptools import find_packages, setup

setup(packages=[*find_packages(include=["ocop_desktop", "ocop_desktop.*"]), "ocop_desktop.resources"])
