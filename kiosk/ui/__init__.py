"""The touchscreen: PySide6 widgets, one screen per file, one navigator."""
