"""The `ikt` command line: the explorer's deep link and five one-shot commands, without Textual."""
