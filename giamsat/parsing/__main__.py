"""``python -m giamsat.parsing FILE`` is ``giamsat parse FILE``."""

import sys

from giamsat.parsing.cli import main

sys.exit(main())
