"""The classes of public service centre a fee may depend on (a plain vocabulary)."""

from __future__ import annotations

from typing import Literal

CentreClass = Literal["major", "regional", "district"]
CENTRE_CLASSES: tuple[CentreClass, ...] = ("major", "regional", "district")
