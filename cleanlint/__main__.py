"""`python -m cleanlint`, the same as the `cleanlint` command."""

import sys

from .cli.main import main

sys.exit(main())
