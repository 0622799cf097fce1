"""What a theme screen presents, as plain data from the core: table, text lines, chart data."""
