"""`kiosk install-service`: install the kiosk as the machine's only screen.

It prints what it will do; only with `--yes` (as root) does it do it: the packages (cage, or
Xorg and xinit), a system user "kiosk" with no shell login and no sudo, the systemd unit
on tty1 (restart on crash; a back-off drop-in where systemd can), the Xorg lock-down for
the X11 session, getty on tty1 off and the kiosk enabled. `--root DIR` writes the files
under DIR and runs no command (for packaging, and for looking at what would be written).
The files are shipped in the package (assets/deploy); `docs/deploy.md` walks through it.
"""

from __future__ import annotations

import os
import pwd
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from kiosk.settings import ASSETS

DEPLOY = ASSETS / "deploy"
USER = "kiosk"
HOME = Path("/var/lib/kiosk")
UNIT = Path("/etc/systemd/system/kiosk.service")
BACKOFF = Path("/etc/systemd/system/kiosk.service.d/backoff.conf")
XORG = Path("/etc/X11/xorg.conf.d/10-kiosk-lockdown.conf")
BACKOFF_FROM = 254  # RestartSteps= arrived in systemd 254
SYSRQ = Path("/etc/sysctl.d/90-kiosk-sysrq.conf")
LOGIND = Path("/etc/systemd/logind.conf.d/kiosk.conf")
SETTINGS = Path("/etc/kiosk/settings.toml")
# What Qt's wheels need from the system, for each platform plugin the sessions use.
QT_LIBRARIES = ["libgl1", "libegl1", "libopengl0", "libfontconfig1", "libfreetype6"]
QT_LIBRARIES += ["libglib2.0-0", "libdbus-1-3", "libxkbcommon0", "libasound2"]  # + the voice
QT_WAYLAND = ["libwayland-client0", "libwayland-cursor0", "libwayland-egl1"]
QT_XCB = ["libxkbcommon-x11-0", "libxcb-cursor0", "libxcb-icccm4", "libxcb-image0"]
QT_XCB += ["libxcb-keysyms1", "libxcb-randr0", "libxcb-render-util0", "libxcb-shape0"]
QT_XCB += ["libxcb-xinerama0", "libxcb-xkb1", "libx11-xcb1"]
PACKAGES = {
    # cage stops without Xwayland, which Debian's package only recommends.
    "cage": ["cage", "xwayland", *QT_LIBRARIES, *QT_WAYLAND],
    "x11": ["xserver-xorg-core", "xserver-xorg-input-libinput", "xinit", *QT_LIBRARIES, *QT_XCB],
}


@dataclass(frozen=True)
class Step:
    """One thing the installation does: said in words, then a command or a file."""

    said: str
    command: tuple[str, ...] = ()
    path: Path | None = None
    text: str = ""
    keep: bool = False  # a file the operator may have written: left as it is if there


def kiosk_command() -> str:
    """The absolute path of the kiosk command this installation runs."""
    return str(Path(shutil.which("kiosk") or sys.argv[0]).resolve())


def systemd_version() -> int:
    """The running systemd's version (0 when there is none)."""
    try:
        done = subprocess.run(["systemctl", "--version"], capture_output=True, text=True)
    except OSError:
        return 0
    found = re.match(r"systemd (\d+)", done.stdout)
    return int(found.group(1)) if found else 0


def plan(session: str, kiosk: str, systemd: int) -> list[Step]:
    """Everything the installation does, in order."""
    unit = (DEPLOY / f"kiosk-{session}.service").read_text(encoding="utf-8")
    steps = [
        Step(
            f"install {' '.join(PACKAGES[session])} from the distribution",
            ("apt-get", "install", "-y", "--no-install-recommends", *PACKAGES[session]),
        ),
        Step(
            f"create the system user {USER!r}: home {HOME} (its data folder), no shell login "
            "(/usr/sbin/nologin), groups video, input, render, audio and lp, not in sudo",
            (
                "useradd",
                "--system",
                "--create-home",
                "--home-dir",
                str(HOME),
                "--shell",
                "/usr/sbin/nologin",
                "--groups",
                "video,input,render,audio,lp",
                USER,
            ),
        ),
        Step(
            f"write {UNIT}: the kiosk ({kiosk}) under {session} on tty1, restarted on a crash",
            path=UNIT,
            text=unit.replace("@KIOSK@", kiosk),
        ),
    ]
    if systemd >= BACKOFF_FROM:
        backoff = (DEPLOY / "backoff.conf").read_text(encoding="utf-8")
        steps.append(
            Step(f"write {BACKOFF}: a longer wait after each crash", path=BACKOFF, text=backoff)
        )
    if session == "x11":
        lockdown = (DEPLOY / "10-kiosk-lockdown.conf").read_text(encoding="utf-8")
        steps.append(
            Step(
                f"write {XORG}: no VT switching, no Ctrl+Alt+Backspace, no blanking",
                path=XORG,
                text=lockdown,
            )
        )
    steps += [
        Step(
            f"write {SETTINGS} from the shipped example, unless there is one",
            path=SETTINGS,
            text=(ASSETS / "settings.example.toml").read_text(encoding="utf-8"),
            keep=True,
        ),
        Step(
            f"write {SYSRQ}: the magic SysRq keys do nothing",
            path=SYSRQ,
            text=(DEPLOY / "90-kiosk-sysrq.conf").read_text(encoding="utf-8"),
        ),
        Step(
            f"write {LOGIND}: the power key, suspend keys and lid do nothing",
            path=LOGIND,
            text=(DEPLOY / "kiosk-logind.conf").read_text(encoding="utf-8"),
        ),
        Step("apply the SysRq setting now", ("sysctl", "--system")),
        Step("reload systemd's units", ("systemctl", "daemon-reload")),
        Step("no login prompt on tty1", ("systemctl", "disable", "getty@tty1.service")),
        Step(
            "Ctrl+Alt+Delete does not reboot the kiosk",
            ("systemctl", "mask", "ctrl-alt-del.target"),
        ),
        Step("start the kiosk at boot", ("systemctl", "enable", "kiosk.service")),
        Step("boot to the graphical target", ("systemctl", "set-default", "graphical.target")),
    ]
    return steps


def install(session: str, *, yes: bool, root: Path | None) -> int:
    """Print the plan; with `yes`, carry it out (under `root`: files only). Exit code."""
    kiosk = kiosk_command()
    steps = plan(session, kiosk, systemd_version())
    doing = "doing it" if yes else "nothing is done without --yes"
    print(f"kiosk install-service ({session} session): {doing}")
    if kiosk.startswith(("/home/", "/root/")):
        print(
            f"  note: {kiosk} is in a home folder, which the kiosk user cannot reach; install "
            "the kiosk system-wide first (docs/deploy.md)"
        )
    for number, step in enumerate(steps, 1):
        print(f"  {number}. {step.said}")
    if not yes:
        return 0
    if root is None and os.geteuid() != 0:
        print("kiosk: install-service --yes must run as root (sudo)", file=sys.stderr)
        return 1
    for step in steps:
        if step.path is not None:
            target = root / step.path.relative_to("/") if root else step.path
            if step.keep and target.exists():
                print(f"  kept {target} as it is")
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(step.text, encoding="utf-8")
            print(f"  wrote {target}")
        elif root is not None:
            print(f"  not run (--root): {' '.join(step.command)}")
        elif step.command[0] == "useradd" and _user_exists(USER):
            print(f"  the user {USER!r} is there already")
        else:
            done = subprocess.run(list(step.command))
            if done.returncode != 0:
                print(
                    f"kiosk: {' '.join(step.command)} failed ({done.returncode})", file=sys.stderr
                )
                return 1
    print("kiosk: installed; reboot, or: systemctl start kiosk.service")
    return 0


def _user_exists(name: str) -> bool:
    try:
        pwd.getpwnam(name)
    except KeyError:
        return False
    return True
