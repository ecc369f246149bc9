"""``python -m cchc_extract`` is the ``cchc-extract`` command (for machines where pip's script
folder is not on PATH)."""

import sys

from cchc_extract.cli import main

sys.exit(main())
