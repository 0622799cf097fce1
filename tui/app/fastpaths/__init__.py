"""Every use of a private part of Textual or plotext, one module per concern, fenced by version;
and no_tls.py, which loads Textual's asyncio without OpenSSL (the imports it was checked with).

Each fast path was written against one exact release (`versions.py`); with any other installed,
it steps aside and the public path runs instead. tests/app/test_app_render_paths.py checks that
both paths give the same output.
"""
