"""``python -m clerk.cli``: the same as the ``clerk`` command."""

import sys

from clerk.cli import main

sys.exit(main())
