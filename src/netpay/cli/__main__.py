"""``python -m netpay.cli``: the ``netpay`` command."""

import sys

from netpay.cli import main

sys.exit(main())
