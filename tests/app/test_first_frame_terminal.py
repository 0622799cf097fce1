"""The first frame the explorer writes to a real terminal is the whole screen, scrollbar included.

In a pseudo-terminal the table learns its length only at the first layout: unless it makes room
for its scrollbar before then, the first frame is drawn without it, a column wider, and then
again. A child process records, at the first frame Textual hands to its writer thread, what the
frame was drawn from.
"""

from __future__ import annotations

import sys
from pathlib import Path

from tests.helpers.terminal import quit_after_first_screen

CHILD = """
import sys
from textual.drivers import _writer_thread
from tui.app.app import IktApp
from tui.app.run import run_app
from tui.app.widgets.table import FigureTable
from tui.core import load_dataset

write = _writer_thread.WriterThread.write
seen = []

def first_frame(self, text):
    if not seen and "Carried out e-commerce" in text:
        screen = app_of[0].screen
        table = screen.query_one(FigureTable)
        drawn = {type(widget).__name__ for widget in screen._compositor.visible_widgets}
        seen.append(f"scrollbar shown {table.show_vertical_scrollbar} drawn {'ScrollBar' in drawn}")
        with open(sys.argv[1], "w", encoding="utf-8") as record:
            record.write(seen[0])
    return write(self, text)

_writer_thread.WriterThread.write = first_frame
app_of = []
start = IktApp.__init__
def remember(self, *args, **kwargs):
    app_of.append(self)
    start(self, *args, **kwargs)
IktApp.__init__ = remember
run_app(load_dataset(), screen="ecommerce", year=None, by="total", lang="en",
        ascii_mode=False, geo="NO")
"""


def test_the_first_frame_has_the_tables_scrollbar(tmp_path: Path) -> None:
    record = tmp_path / "first-frame.txt"
    _code, out = quit_after_first_screen([sys.executable, "-c", CHILD, str(record)])
    assert b"Carried out e-commerce" in out, out[-2000:]
    assert record.read_text(encoding="utf-8") == "scrollbar shown True drawn True"
