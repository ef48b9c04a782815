#!/usr/bin/env python3
"""Set up and run the kiosk from a fresh clone with nothing but Python 3.11+.

    python3 run.py kiosk [ARGS...]   run the kiosk (first use creates .venv and installs)
    python3 run.py test [ARGS...]    run every check: ruff, mypy, import contracts, pytest
    python3 run.py bench             run the benchmarks in benchmarks/ and print figures
    python3 run.py lock              refresh the lock files in requirements/ from pyproject.toml

The virtual environment lives in .venv beside this file. It is reinstalled when
pyproject.toml changes, or when pycups (the system printer's link to CUPS) can newly be
built. Qt needs a few system libraries; when they are missing this script installs them
(as root with apt-get) or says exactly what to install. For the tests it also installs,
as root, CUPS and cups-pdf (the CUPS tests run a private print server), what building
pycups needs, PostgreSQL's server (the fleet tests run a private one on 127.0.0.1, stopped
at the end) and chromium (head office's page is tested in it).
"""

from __future__ import annotations

import glob
import hashlib
import os
import re
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".kiosk-installed"
# Exact versions with hashes, which the commands above install: the kiosk with its test
# tools, and pycups (built from source where the machine can). `python3 run.py lock`
# refreshes them within pyproject.toml's ranges; the tests then say whether they hold.
LOCKS = ROOT / "requirements"
TEST_LOCK = LOCKS / "test.lock"
CUPS_LOCK = LOCKS / "cups.lock"

# Shared library -> the Debian/Ubuntu package that provides it (what Qt's wheels expect).
QT_SYSTEM_LIBRARIES = {
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libOpenGL.so.0": "libopengl0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libgssapi_krb5.so.2": "libgssapi-krb5-2",
    "libGLX.so.0": "libglx0",
    "libzstd.so.1": "libzstd1",
    "libz.so.1": "zlib1g",
    # The xcb platform, for a kiosk on an X11 display.
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
}
QT_PROBE = "from PySide6.QtWidgets import QApplication; QApplication([])"

# What the CUPS tests run (a private cupsd printing through cups-pdf) and what building
# pycups needs: a file each provides -> its Debian package.
CUPS_TEST_FILES = {
    "/usr/sbin/cupsd": "cups",
    "/usr/lib/cups/backend/cups-pdf": "printer-driver-cups-pdf",
}
# The deployment tests: the kiosk on an X server with no window manager (its lock-down
# keys), and systemd-analyze checking the shipped units with the programs they start.
DEPLOY_TEST_FILES = {
    "/usr/bin/Xvfb": "xvfb",
    "/usr/bin/xdotool": "xdotool",
    "/usr/bin/cage": "cage",
    "/usr/bin/xinit": "xinit",
    "/usr/bin/systemd-analyze": "systemd",
}
# The fleet tests: a private PostgreSQL server (Debian's, started by the tests on 127.0.0.1)
# and a headless browser for head office's page.
FLEET_TEST_FILES = {
    "/usr/bin/chromium": "chromium",
}
POSTGRES_SERVER = "/usr/lib/postgresql/*/bin/pg_ctl"
PYCUPS_BUILD_FILES = {
    "/usr/include/cups/cups.h": "libcups2-dev",
}


def say(message: str) -> None:
    print(f"run.py: {message}", file=sys.stderr, flush=True)


def venv_bin(name: str) -> Path:
    folder = "Scripts" if os.name == "nt" else "bin"
    suffix = ".exe" if os.name == "nt" else ""
    return VENV / folder / f"{name}{suffix}"


def wanted_stamp(extras: list[str]) -> str:
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes())
    for lock in (TEST_LOCK, CUPS_LOCK):
        digest.update(lock.read_bytes())
    digest.update(sys.version.encode())
    digest.update(",".join(extras).encode())
    return digest.hexdigest()


_APT_UPDATED: list[bool] = []


def apt_install(packages: list[str]) -> bool:
    """Install Debian packages when we may (root, apt-get present); report whether we did."""
    is_root = hasattr(os, "geteuid") and os.geteuid() == 0
    if not (is_root and shutil.which("apt-get")):
        return False
    say(f"installing system packages: {' '.join(packages)}")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    if not _APT_UPDATED:
        subprocess.run(["apt-get", "update", "-qq"], check=False, env=env)
        _APT_UPDATED.append(True)
    done = subprocess.run(
        ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *packages],
        env=env,
        stdout=subprocess.DEVNULL,
    )
    return done.returncode == 0


def create_venv() -> None:
    if venv_bin("python").exists():
        return
    say(f"creating the virtual environment in {VENV}")
    made = subprocess.run([sys.executable, "-m", "venv", str(VENV)])
    if made.returncode != 0:
        shutil.rmtree(VENV, ignore_errors=True)
        version = f"{sys.version_info.major}.{sys.version_info.minor}"
        if apt_install([f"python{version}-venv"]):
            subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
            return
        sys.exit(
            "run.py: Python could not create a virtual environment. "
            f"On Debian/Ubuntu install it with: apt-get install python{version}-venv"
        )


def python_headers() -> Path:
    return Path(sysconfig.get_paths()["include"]) / "Python.h"


def missing_packages(files: dict[str, str]) -> list[str]:
    """The Debian packages of the files this machine lacks."""
    return sorted({package for path, package in files.items() if not Path(path).exists()})


def pycups_build_packages() -> list[str]:
    """The Debian packages building pycups still needs: a compiler, libcups's headers and
    this Python's headers."""
    packages = missing_packages(PYCUPS_BUILD_FILES)
    if not shutil.which("gcc"):
        packages.append("gcc")
    if not python_headers().exists():
        packages.append(f"python{sys.version_info.major}.{sys.version_info.minor}-dev")
    return packages


def ensure_cups_test_packages() -> None:
    """For the tests: CUPS, cups-pdf and pycups's build needs (as root), else say which."""
    packages = missing_packages(CUPS_TEST_FILES) + pycups_build_packages()
    packages += missing_packages(DEPLOY_TEST_FILES) + missing_packages(FLEET_TEST_FILES)
    if not glob.glob(POSTGRES_SERVER):
        packages.append("postgresql")
    if packages and not apt_install(packages):
        say(
            f"the CUPS, fleet and deployment tests need: apt-get install {' '.join(packages)} "
            "(as root they fail without them; otherwise they are skipped)"
        )


def extras() -> list[str]:
    """The optional dependencies to install: the test tools, and pycups when it can be built
    here (the kiosk needs it only for the system printer back end)."""
    return ["test", "cups"] if not pycups_build_packages() else ["test"]


def install(command: str) -> None:
    create_venv()
    if command == "test":
        ensure_cups_test_packages()
    wanted = extras()
    stamp = wanted_stamp(wanted)
    if STAMP.exists() and STAMP.read_text() == stamp:
        return
    say("installing the kiosk and its test tools into .venv (first use takes a minute)")
    pip = [str(venv_bin("python")), "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "install", "--upgrade", "pip"], check=True)
    subprocess.run([*pip, "install", "--require-hashes", "-r", str(TEST_LOCK)], check=True)
    if "cups" in wanted:
        locked = [*pip, "install", "--require-hashes", "-r", str(CUPS_LOCK)]
        if subprocess.run(locked).returncode != 0:
            say("pycups did not build: the system printer back end will report itself offline")
            wanted = ["test"]  # the stamp says so, and the next run tries again
    subprocess.run([*pip, "install", "--no-deps", "-e", str(ROOT)], check=True)
    STAMP.write_text(wanted_stamp(wanted))


def lock() -> int:
    """Refresh the lock files: the newest versions pyproject.toml allows, with hashes."""
    create_venv()
    python = str(venv_bin("python"))
    pip = [python, "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "install", "pip-tools>=7.4"], check=True)
    compile_ = [
        python,
        "-m",
        "piptools",
        "compile",
        "--quiet",
        "--upgrade",
        "--generate-hashes",
        "--allow-unsafe",
        "--strip-extras",
        "--no-emit-index-url",
        "--no-emit-find-links",
    ]
    LOCKS.mkdir(exist_ok=True)
    relative = [str(path.relative_to(ROOT)) for path in (TEST_LOCK, CUPS_LOCK)]
    done = subprocess.run(
        [*compile_, "--extra", "test", "--output-file", relative[0], "pyproject.toml"], cwd=ROOT
    )
    if done.returncode != 0:
        return done.returncode
    cups = LOCKS / "cups.in"
    cups.write_text(cups_requirement() + "\n", encoding="utf-8")
    try:
        return run(*compile_, "--output-file", relative[1], str(cups.relative_to(ROOT)))
    finally:
        cups.unlink()


def cups_requirement() -> str:
    """pyproject.toml's requirement for pycups (the `cups` extra)."""
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    found = re.search(r'^cups = \["([^"]+)"\]', text, re.MULTILINE)
    if found is None:
        sys.exit("run.py: pyproject.toml has no cups extra")
    return found.group(1)


def missing_qt_libraries(platform: str) -> list[str]:
    env = dict(os.environ, QT_QPA_PLATFORM=platform, QT_DEBUG_PLUGINS="1")
    probe = subprocess.run(
        [str(venv_bin("python")), "-c", QT_PROBE], capture_output=True, text=True, env=env
    )
    if probe.returncode == 0:
        return []
    found = libraries_named(probe.stderr)
    if not found:
        sys.exit(f"run.py: Qt does not start on this machine:\n{probe.stderr.strip()}")
    return found


def libraries_named(error: str) -> list[str]:
    """Shared libraries the dynamic loader could not find, from its error text."""
    return sorted(set(re.findall(r"(lib[\w+.-]*\.so[.\d]*): cannot open shared object", error)))


def packages_for(libraries: list[str]) -> tuple[list[str], list[str]]:
    """The Debian packages that provide these libraries, and the libraries we cannot map."""
    packages = sorted({QT_SYSTEM_LIBRARIES[lib] for lib in libraries if lib in QT_SYSTEM_LIBRARIES})
    return packages, [lib for lib in libraries if lib not in QT_SYSTEM_LIBRARIES]


def qt_platform(command: str) -> str:
    """The Qt platform to check: a real display for the kiosk on X11, else offscreen."""
    if command != "kiosk":
        return "offscreen"
    if os.environ.get("QT_QPA_PLATFORM"):
        return os.environ["QT_QPA_PLATFORM"]
    on_x11 = sys.platform.startswith("linux") and bool(os.environ.get("DISPLAY"))
    return "xcb" if on_x11 else "offscreen"


def ensure_qt(platform: str) -> None:
    """Qt's wheels need a few system libraries; install them or say which."""
    for _ in range(20):  # each round can reveal the next missing library
        missing = missing_qt_libraries(platform)
        if not missing:
            return
        packages, unknown = packages_for(missing)
        if unknown or not apt_install(packages):
            hint = f"apt-get install {' '.join(packages)}" if packages else ""
            sys.exit(
                f"run.py: Qt needs system libraries this machine lacks: {', '.join(missing)}. "
                + (f"On Debian/Ubuntu install them with: {hint}" if hint else "")
            )
    sys.exit("run.py: Qt still does not start after installing its system libraries")


def ensure_sound() -> None:
    """Audio mode's voice plays through ALSA's libasound: install it when we may, or say so
    (the kiosk runs without it, and its staff dashboard says the voice cannot be heard)."""
    import ctypes.util

    if ctypes.util.find_library("asound") is None and not apt_install(["libasound2"]):
        say("audio mode needs ALSA's library: apt-get install libasound2")


def compile_bytecode() -> None:
    """Byte-compile the kiosk's own modules, as pip does for an installed package (an
    editable install has none, and PYTHONDONTWRITEBYTECODE would keep it that way)."""
    subprocess.run(
        [str(venv_bin("python")), "-m", "compileall", "-q", str(ROOT / "kiosk")],
        check=True,
        stdout=subprocess.DEVNULL,
    )


def run(*command: str) -> int:
    return subprocess.run(list(command), cwd=ROOT).returncode


def run_tests(args: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    checks = [
        [str(venv_bin("ruff")), "check", "kiosk", "tests", "benchmarks", "run.py"],
        [str(venv_bin("mypy"))],
        [str(venv_bin("lint-imports"))],
    ]
    for check in checks:
        say("$ " + " ".join(Path(check[0]).name if i == 0 else c for i, c in enumerate(check)))
        if run(*check) != 0:
            return 1
    say("$ pytest")
    return run(str(venv_bin("python")), "-m", "pytest", *args)


def main(argv: list[str]) -> int:
    if sys.version_info < (3, 11):  # noqa: UP036 - this script runs under any python3
        sys.exit("run.py: the kiosk needs Python 3.11 or newer")
    if not argv or argv[0] not in {"kiosk", "test", "bench", "lock"}:
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    if command == "lock":
        return lock()
    install(command)
    ensure_qt(qt_platform(command))
    ensure_sound()
    if command == "test":
        return run_tests(rest)
    compile_bytecode()
    if command == "bench":
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        return run(str(venv_bin("python")), "-m", "benchmarks", *rest)
    return run(str(venv_bin("kiosk")), *rest)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
