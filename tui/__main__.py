"""Let `python -m tui` behave exactly like the `ikt` command."""

from tui.cli.main import main

raise SystemExit(main())
