"""python -m ocop_desktop → the desktop application."""

import sys

from ocop_desktop.app import main

sys.exit(main())
