"""The explorer's widgets: the figure table, the chart, and the text and key lines."""
