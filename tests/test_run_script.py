"""run.py, the set-up script: it names the system packages Qt needs when they are missing."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[1]
spec = importlib.util.spec_from_file_location("run_script", ROOT / "run.py")
assert spec and spec.loader
run_script = importlib.util.module_from_spec(spec)
spec.loader.exec_module(run_script)


def test_missing_libraries_are_read_from_the_loader_error() -> None:
    error = (
        "ImportError: libEGL.so.1: cannot open shared object file: No such file or directory\n"
        "ImportError: libxkbcommon.so.0: cannot open shared object file\n"
    )
    assert run_script.libraries_named(error) == ["libEGL.so.1", "libxkbcommon.so.0"]
    assert run_script.packages_for(["libEGL.so.1", "libxkbcommon.so.0", "libfoo.so.3"]) == (
        ["libegl1", "libxkbcommon0"],
        ["libfoo.so.3"],
    )


def needed_libraries(path: Path) -> set[str]:
    """The DT_NEEDED entries of a 64-bit little-endian ELF shared library."""
    data = path.read_bytes()
    assert data[:4] == b"\x7fELF" and data[4] == 2 and data[5] == 1, path
    section_offset, _, _, section_size, sections = (
        int.from_bytes(data[0x28:0x30], "little"),
        0,
        0,
        int.from_bytes(data[0x3A:0x3C], "little"),
        int.from_bytes(data[0x3C:0x3E], "little"),
    )
    headers = [
        data[section_offset + i * section_size : section_offset + (i + 1) * section_size]
        for i in range(sections)
    ]
    names: set[str] = set()
    for header in headers:
        if int.from_bytes(header[4:8], "little") != 6:  # SHT_DYNAMIC
            continue
        offset = int.from_bytes(header[0x18:0x20], "little")
        size = int.from_bytes(header[0x20:0x28], "little")
        strings = headers[int.from_bytes(header[0x28:0x2C], "little")]
        strtab = int.from_bytes(strings[0x18:0x20], "little")
        for entry in range(offset, offset + size, 16):
            tag = int.from_bytes(data[entry : entry + 8], "little")
            if tag == 1:  # DT_NEEDED
                start = strtab + int.from_bytes(data[entry + 8 : entry + 16], "little")
                names.add(data[start : data.index(b"\0", start)].decode())
    return names


def test_every_library_qt_links_against_is_mapped() -> None:
    import PySide6

    qt = Path(PySide6.__file__).parent / "Qt"
    modules = ["Core", "Gui", "Widgets", "DBus", "OpenGL", "PrintSupport", "Svg", "XcbQpa"]
    needed: set[str] = set()
    for library in [
        *(qt / "lib" / f"libQt6{module}.so.6" for module in modules),
        qt / "plugins" / "platforms" / "libqoffscreen.so",
        qt / "plugins" / "platforms" / "libqxcb.so",
    ]:
        needed |= needed_libraries(library)
    assert "libQt6Core.so.6" in needed
    base = (
        "libQt6",
        "libicu",
        "libc.",
        "libm.",
        "libstdc++",
        "libgcc_s",
        "ld-linux",
        "libpthread",
        "libdl.",
        "librt.",
    )
    system = {lib for lib in needed if not lib.startswith(base)}
    assert system <= set(run_script.QT_SYSTEM_LIBRARIES), system - set(
        run_script.QT_SYSTEM_LIBRARIES
    )


def test_the_platform_checked_follows_the_display(monkeypatch) -> None:
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.setenv("DISPLAY", ":0")
    assert run_script.qt_platform("kiosk") == (
        "xcb" if sys.platform.startswith("linux") else "offscreen"
    )
    assert run_script.qt_platform("test") == "offscreen"
    monkeypatch.delenv("DISPLAY")
    assert run_script.qt_platform("kiosk") == "offscreen"


def test_usage_without_a_command() -> None:
    done = subprocess.run([sys.executable, str(ROOT / "run.py")], capture_output=True, text=True)
    assert done.returncode == 2
    assert "python3 run.py test" in done.stdout
