"""Speech: from a key press to the first audio sample of what it brings.

Keyboard-only journeys through both services in kk, ru and en, in audio mode, on the real
voice (eSpeak NG) and the real ALSA output path (its `null` device: accepted and dropped, so
nothing is heard on the machine that runs the benchmark). For each key the clock starts
before the key press is sent and stops when the first samples of the next screen's (or the
item's) speech have been written to the device. Also: how long the key itself holds the
screen's thread (speech is said on its own thread). Target: key → first sample p95 ≤ 150 ms.
"""

from __future__ import annotations

import os
import threading
import time
from datetime import date

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from benchmarks.timing import percentiles
from kiosk.settings import Settings, Speech
from kiosk.speech.speaker import Heard, Speaker
from kiosk.testing import ID_CARD_STOLEN, LICENCE_EXPIRED, KioskDriver, settle

K = Qt.Key
JOURNEYS = 8  # rounds of both services in the three languages
ANSWERS = {"id-card-restoration": ID_CARD_STOLEN, "driving-licence-replacement": LICENCE_EXPIRED}


class Clock:
    """Times keys to the first sample of the speech they bring."""

    def __init__(self, driver: KioskDriver, settings: Speech) -> None:
        self.driver = driver
        self.heard: dict[int, float] = {}
        self.arrived = threading.Event()
        self.screens: list[float] = []  # Enter that brings a new screen
        self.items: list[float] = []  # Down, to an item
        self.held: list[float] = []  # the screen's thread, per key
        guide = driver.kiosk.guide
        assert guide is not None
        self.guide = guide

        def made() -> Speaker:
            return Speaker(settings.output, rate=settings.rate, on_heard=self._heard)

        guide.make_speaker = made

    def _heard(self, heard: Heard) -> None:
        self.heard[heard.batch] = heard.at
        self.arrived.set()

    def key(self, key: Qt.Key, into: list[float] | None) -> None:
        self.arrived.clear()
        start = time.perf_counter()
        self.driver.press(key)
        self.held.append((time.perf_counter() - start) * 1000)
        speaker = self.guide.speaker
        if speaker is None:
            return
        batch = speaker._batch
        deadline = time.perf_counter() + 5
        while batch not in self.heard and time.perf_counter() < deadline:
            self.arrived.wait(0.005)
            self.arrived.clear()
        if into is not None and batch in self.heard:
            into.append((self.heard[batch] - start) * 1000)

    def to(self, name: str) -> None:
        guide = self.guide
        for _ in range(60):
            narration = guide.narration
            standing = narration is not None and 0 <= guide.index < len(narration.items)
            if standing and narration.items[guide.index].id == name:  # type: ignore[union-attr]
                return
            self.key(K.Key_Down, self.items)
        raise RuntimeError(f"never reached {name}")

    def choose(self, name: str) -> None:
        self.to(name)
        self.key(K.Key_Return, self.screens)


def journey(clock: Clock, service: str, language: str) -> None:
    driver = clock.driver
    clock.key(K.Key_Space, clock.screens)  # any key: audio mode on
    clock.choose(f"lang-{language}")
    clock.choose("start")
    clock.choose(f"service-{service}")
    while driver.state == "question":
        content = driver.screen_content()
        option = ANSWERS[service].get(content.subject) or content.choices[0].value
        clock.choose(f"option-{content.subject}-{option}")
    clock.choose("nav-next")  # review
    clock.choose("nav-next")  # documents
    assert driver.state == "result", driver.state
    driver.kiosk.navigator.reset()  # the visitor leaves (audio mode ends)
    settle()


def main() -> None:
    speech = Speech(device="null")
    driver = KioskDriver.start(settings=Settings(speech=speech), today=date(2026, 11, 23))
    clock = Clock(driver, speech)
    platform = QApplication.platformName()
    started = time.perf_counter()
    for _ in range(JOURNEYS):
        for service in ANSWERS:
            for language in ("kk", "ru", "en"):
                journey(clock, service, language)
    seconds = time.perf_counter() - started
    print(f"  platform {platform}; {JOURNEYS * 6} journeys by keys in {seconds:.0f} s")
    print("                                    p50 ms   p95 ms   max ms      n")
    for name, times in (
        ("key → first sample, new screen", clock.screens),
        ("key → first sample, next item", clock.items),
        ("key held on the screen's thread", clock.held),
    ):
        p50, p95, most = percentiles(times)
        print(f"  {name:32} {p50:7.1f}  {p95:7.1f}  {most:7.1f}  {len(times):5d}")
    p95 = percentiles(clock.screens)[1]
    verdict = "met" if p95 <= 150 else "NOT met"
    print(f"  key → first sample of the next screen p95 {p95:.1f} ms (≤ 150 ms): {verdict}")
    driver.close()


if __name__ == "__main__":
    main()
