"""Let `python -m tui` behave exactly like the `ikt` command."""

from tui.cli.entry import main

raise SystemExit(main())
