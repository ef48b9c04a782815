"""Running as a kiosk: `kiosk install-service` says what it will do and does it only with
--yes; the shipped units pass `systemd-analyze verify` with the programs they start; and the
kiosk on an X server with no window manager (the X11 recipe) ignores the keys that would
leave it: Alt+Tab, Alt+F4, Ctrl+Alt+F2, Super, Ctrl+Alt+Backspace."""

from __future__ import annotations

import os
import random
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.kiosk_process import environment

KIOSK = Path(sys.executable).with_name("kiosk")
UNIT = Path("etc/systemd/system/kiosk.service")


def install_service(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(KIOSK), "install-service", *args], capture_output=True, text=True, timeout=60
    )


def test_without_yes_it_only_says_what_it_would_do(tmp_path: Path) -> None:
    done = install_service("--root", str(tmp_path))
    assert done.returncode == 0, done.stderr
    assert "nothing is done without --yes" in done.stdout
    assert "no shell login (/usr/sbin/nologin)" in done.stdout and "not in sudo" in done.stdout
    assert "/etc/systemd/system/kiosk.service" in done.stdout
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("session", ["cage", "x11"])
def test_the_units_it_writes_verify_clean(tmp_path: Path, session: str) -> None:
    done = install_service("--session", session, "--yes", "--root", str(tmp_path))
    assert done.returncode == 0, done.stderr
    assert "not run (--root): systemctl enable kiosk.service" in done.stdout
    unit = (tmp_path / UNIT).read_text(encoding="utf-8")
    assert "@KIOSK@" not in unit and str(KIOSK.resolve()) in unit
    assert "Restart=always" in unit and "Conflicts=getty@tty1.service" in unit
    if session == "cage":
        assert f"ExecStart=/usr/bin/cage -d -- {KIOSK.resolve()}" in unit  # no -s: no VT switch
    else:
        lockdown = tmp_path / "etc/X11/xorg.conf.d/10-kiosk-lockdown.conf"
        assert '"DontVTSwitch" "true"' in lockdown.read_text(encoding="utf-8")
        assert '"DontZap" "true"' in lockdown.read_text(encoding="utf-8")
    assert "kernel.sysrq = 0" in (tmp_path / "etc/sysctl.d/90-kiosk-sysrq.conf").read_text()
    logind = (tmp_path / "etc/systemd/logind.conf.d/kiosk.conf").read_text(encoding="utf-8")
    assert "HandlePowerKey=ignore" in logind
    settings = tmp_path / "etc/kiosk/settings.toml"
    assert "[timing]" in settings.read_text(encoding="utf-8")
    settings.write_text('kiosk_id = "K77"\n', encoding="utf-8")  # the operator's own
    again = install_service("--session", session, "--yes", "--root", str(tmp_path))
    assert f"kept {settings} as it is" in again.stdout
    assert settings.read_text(encoding="utf-8") == 'kiosk_id = "K77"\n'
    verify = subprocess.run(
        ["systemd-analyze", "verify", f"./{UNIT.name}"],
        cwd=tmp_path / UNIT.parent,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert verify.returncode == 0 and verify.stdout + verify.stderr == "", verify.stderr


def test_yes_for_a_user_who_is_not_root_is_refused(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from kiosk import deploy

    monkeypatch.setattr(deploy.os, "geteuid", lambda: 1000)  # an ordinary user
    assert deploy.install("cage", yes=True, root=None) == 1
    assert "must run as root" in capsys.readouterr().err


@pytest.fixture
def bare_x_server() -> Iterator[str]:
    """An X server with no window manager, as the X11 recipe runs one."""
    display = f":{random.randint(100, 400)}"
    server = subprocess.Popen(
        ["Xvfb", display, "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    socket = Path(f"/tmp/.X11-unix/X{display[1:]}")
    deadline = time.monotonic() + 20
    while not socket.exists():
        assert server.poll() is None and time.monotonic() < deadline, "Xvfb did not start"
        time.sleep(0.1)
    yield display
    server.terminate()
    server.wait(timeout=20)


def xdotool(display: str, *args: str) -> str:
    done = subprocess.run(
        ["xdotool", *args],
        env={**os.environ, "DISPLAY": display},
        capture_output=True,
        text=True,
        timeout=20,
    )
    return done.stdout.strip()


def test_the_kiosk_without_a_window_manager_ignores_the_keys_that_leave(
    bare_x_server: str, tmp_path: Path
) -> None:
    on_x = environment(
        DISPLAY=bare_x_server, QT_QPA_PLATFORM="xcb", KIOSK_DATA_FOLDER=str(tmp_path)
    )
    kiosk = subprocess.Popen(
        [str(KIOSK)], env=on_x, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    log = tmp_path / "kiosk.log"
    try:
        deadline = time.monotonic() + 60
        while "started" not in (log.read_text("utf-8") if log.exists() else ""):
            assert kiosk.poll() is None and time.monotonic() < deadline, "the kiosk did not start"
            time.sleep(0.1)
        time.sleep(1)
        [window] = xdotool(
            bare_x_server, "search", "--onlyvisible", "--pid", str(kiosk.pid)
        ).split()
        before = xdotool(bare_x_server, "getwindowgeometry", window)
        assert "Geometry: 1280x800" in before  # the whole screen, no frame
        xdotool(bare_x_server, "windowfocus", "--sync", window)
        for keys in ("alt+Tab", "alt+F4", "ctrl+alt+F2", "super", "super+d", "ctrl+alt+BackSpace"):
            xdotool(bare_x_server, "key", "--clearmodifiers", keys)
            time.sleep(0.5)
        assert kiosk.poll() is None, "a key closed the kiosk"
        visible = xdotool(bare_x_server, "search", "--onlyvisible", "--name", ".*").split()
        assert window in visible
        assert xdotool(bare_x_server, "getwindowgeometry", window) == before
        assert "closed" not in log.read_text("utf-8")
    finally:
        kiosk.terminate()
        kiosk.wait(timeout=30)
