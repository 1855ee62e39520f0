"""`python -m assistant ...`: the command line lives in `assistant.app.cli`."""

import sys

from assistant.app.cli import main

sys.exit(main())
