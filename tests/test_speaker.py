"""The speaker: utterances said on their own thread through the real voice and the real
ALSA output (its null device), a new batch cutting the old one off, a device that fails
reported once with its name."""

from __future__ import annotations

import threading
import time

from kiosk.speech.speaker import Heard, Speaker

LONG = " ".join(["Төлем QR-коды: мемлекеттік баж, төрт мың үш жүз жиырма бес теңге."] * 40)


def wait_for(condition, seconds: float = 5.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.005)


def test_saying_returns_at_once_and_something_new_cuts_the_old_off() -> None:
    heard: list[Heard] = []
    speaker = Speaker("null", on_heard=heard.append)
    try:
        started = time.perf_counter()
        first = speaker.say([("kk", LONG)])
        assert time.perf_counter() - started < 0.05, "say() never waits for speech"
        wait_for(lambda: any(h.batch == first for h in heard))
        second = speaker.say([("en", "Start over?")])
        wait_for(lambda: any(h.batch == second for h in heard))
        assert speaker.cut_off >= 1, "the long utterance was cut off, not said to its end"
        assert speaker.fault == ""
        assert threading.current_thread() is threading.main_thread()
    finally:
        speaker.close()


def test_a_device_that_cannot_be_opened_is_reported_once_by_name() -> None:
    faults: list[str] = []
    speaker = Speaker("no-such-device", on_fault=faults.append)
    try:
        for text in ("one", "two", "three"):
            speaker.say([("en", text)])
        wait_for(lambda: bool(faults))
        time.sleep(0.2)
        assert len(faults) == 1 and "no-such-device" in faults[0]
        assert speaker.fault == faults[0]
    finally:
        speaker.close()


def test_volume_is_kept_within_the_engines_range() -> None:
    speaker = Speaker("null")
    try:
        speaker.set_volume(500)
        assert speaker.volume == 200
        speaker.set_volume(-5)
        assert speaker.volume == 0
    finally:
        speaker.close()


def test_two_speakers_in_one_process_both_speak() -> None:
    """The engine is one per process (initialising it twice crashed a speaking thread):
    each speaker still gets its own samples."""
    heard: dict[str, list[Heard]] = {"a": [], "b": []}
    first = Speaker("null", on_heard=heard["a"].append)
    second = Speaker("null", on_heard=heard["b"].append)
    try:
        for _ in range(5):
            first.say([("kk", LONG)])
            second.say([("ru", "Начать заново?")])
        wait_for(lambda: bool(heard["a"]) and bool(heard["b"]))
        assert first.fault == second.fault == ""
    finally:
        first.close()
        second.close()
