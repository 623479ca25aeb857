"""OCOP Desktop: offline registry, surveys, tasks and reports for the OCOP programme."""

__version__ = "0.1.0"
APP_NAME = "ocop-desktop"
ORG_NAME = "ocop"
