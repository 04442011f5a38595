import sys

from giamsat.cli import main

sys.exit(main())
