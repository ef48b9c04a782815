"""The build puts the top-level assets/ folder (the catalogue, texts, themes, fonts, demo
payment profiles) into the package as kiosk/assets, so that an installed kiosk finds them
through importlib.resources from any folder. assets/ stays the one source in the checkout."""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent


class BuildWithAssets(build_py):
    """build_py, then assets/ copied in as kiosk/assets."""

    def run(self) -> None:
        super().run()
        if self.editable_mode:  # an editable install reads assets/ in the checkout
            return
        target = Path(self.build_lib) / "kiosk" / "assets"
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(ROOT / "assets", target)


setup(cmdclass={"build_py": BuildWithAssets})
