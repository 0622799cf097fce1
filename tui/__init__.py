"""ikt-explorer: Statistics Norway's enterprise ICT figures in the terminal."""

__version__ = "0.1.0"
