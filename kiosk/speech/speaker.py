"""The kiosk's voice at work: utterances said one after another on a thread of their own,
streamed to the sound device as the engine makes them, so a tap never waits for speech and
the first sound comes within a few tens of milliseconds. Saying something new cuts off
what is being said (a new screen is never talked over by the old one).

A sound device that cannot be opened is reported once (staff see it; visitors carry on
with the screen) and tried again at the next utterance.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from kiosk.speech.alsa import AlsaOutput, SoundError
from kiosk.speech.voice import Voice, VoiceError

log = logging.getLogger(__name__)

Utterance = tuple[str, str]  # (language, text)


@dataclass(frozen=True)
class Heard:
    """When the first samples of an utterance batch reached the device."""

    batch: int
    at: float  # time.perf_counter()


class Speaker:
    """Says batches of utterances; `say` returns at once."""

    def __init__(
        self,
        device: str,
        *,
        rate: int = 160,
        volume: int = 100,
        on_fault: Callable[[str], None] = lambda reason: None,
        on_heard: Callable[[Heard], None] = lambda heard: None,
    ) -> None:
        self.device, self.rate, self.volume = device, rate, volume
        self.on_fault, self.on_heard = on_fault, on_heard
        self.fault = ""  # why the last utterance could not be heard ("" when it was)
        self.cut_off = 0  # utterances cut off by something new to say
        self._batch = 0
        self._queue: list[Utterance] = []
        self._wake = threading.Condition()
        self._closed = False
        self._voice: Voice | None = None
        self._output: AlsaOutput | None = None
        self._thread = threading.Thread(target=self._run, name="speaker", daemon=True)
        self._thread.start()

    def say(self, utterances: Sequence[Utterance]) -> int:
        """Cut off what is being said and say `utterances`; returns the batch's number."""
        with self._wake:
            self._batch += 1
            self._queue = list(utterances)
            self._wake.notify()
            return self._batch

    def silence(self) -> None:
        """Stop speaking."""
        self.say(())

    def set_volume(self, volume: int) -> None:
        """The engine's volume, 0..200 (from the next utterance)."""
        self.volume = max(0, min(200, volume))

    def close(self) -> None:
        """Stop and let the thread end."""
        with self._wake:
            self._closed = True
            self._batch += 1
            self._queue = []
            self._wake.notify()
        self._thread.join(timeout=2)

    # -- the thread ---------------------------------------------------------------------------

    def _run(self) -> None:
        try:
            self._voice = Voice(self.rate, self.volume)  # loaded now, not on the first key
        except VoiceError as error:
            self._report(str(error))
        self._open()  # a device that cannot be opened is told now, not at the first visitor
        while True:
            with self._wake:
                while not self._queue and not self._closed:
                    self._wake.wait()
                if self._closed:
                    break
                batch, (language, text) = self._batch, self._queue.pop(0)
            self._utter(batch, language, text)
        if self._output is not None:
            self._output.close()

    def _utter(self, batch: int, language: str, text: str) -> None:
        if self._voice is None:
            return
        output = self._open()
        first = True

        def piece(samples: bytes) -> bool:
            nonlocal first, output
            if self._batch != batch:
                return False  # something new to say: cut this off
            if output is not None:
                try:
                    output.write(samples)
                except SoundError as error:
                    self._report(str(error))
                    output = self._output = None
            if first:
                first = False
                self.on_heard(Heard(batch, time.perf_counter()))
            return True

        self._voice.rate, self._voice.volume = self.rate, self.volume
        try:
            finished = self._voice.stream(text, language, piece)
        except VoiceError as error:
            self._report(str(error))
            return
        if not finished:
            self.cut_off += 1
            if output is not None:
                output.cut()

    def _open(self) -> AlsaOutput | None:
        if self._output is None and self._voice is not None:
            try:
                self._output = AlsaOutput(self.device, self._voice.sample_rate)
            except SoundError as error:
                self._report(str(error))
                return None
            if self.fault:
                log.info("speech: the sound device %r works again", self.device)
            self.fault = ""
        return self._output

    def _report(self, reason: str) -> None:
        if reason != self.fault:
            log.warning("speech: %s", reason)
            self.fault = reason
            self.on_fault(reason)
