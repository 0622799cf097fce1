"""One module per `ikt` command; each has `run(args) -> exit code`, imported when it runs."""
