"""eSpeak NG, from the espeakng-loader wheel (its library and voice data, offline), through
ctypes: text in, 16-bit mono samples out. It has Kazakh, Russian and English voices.

The library keeps global state: it is initialised once per process and a lock keeps one
utterance at a time, whichever Voice says it.
"""

from __future__ import annotations

import array
import ctypes
import threading
import wave
from collections.abc import Callable
from pathlib import Path

SYNCHRONOUS = 2  # AUDIO_OUTPUT_SYNCHRONOUS: samples come to the callback, nothing is played
BUFFER_MS = 60  # samples reach the callback in pieces this long: the first one soon
POS_CHARACTER = 1
CHARS_UTF8 = 1
RATE, VOLUME = 1, 2  # espeak_PARAMETER
VOICES = {"kk": "kk", "ru": "ru", "en": "en"}
_CALLBACK = ctypes.CFUNCTYPE(
    ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.c_void_p
)


class VoiceError(RuntimeError):
    """The speech engine cannot be loaded or refused the text."""


class _Engine:
    """The library, initialised once per process (it keeps global state: initialising it
    again while another thread speaks brings the process down), and the one callback it
    calls with samples, handed on to whoever is speaking."""

    lock = threading.Lock()
    loaded: _Engine | None = None

    def __init__(self) -> None:
        try:
            import espeakng_loader

            lib = ctypes.CDLL(espeakng_loader.get_library_path())
            data = Path(espeakng_loader.get_data_path())
        except (ImportError, OSError) as error:
            raise VoiceError(f"the speech engine cannot be loaded: {error}") from error
        lib.espeak_Initialize.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_char_p, ctypes.c_int]
        lib.espeak_SetVoiceByName.argtypes = [ctypes.c_char_p]
        lib.espeak_SetParameter.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_int]
        lib.espeak_Synth.argtypes = [
            ctypes.c_char_p,
            ctypes.c_size_t,
            ctypes.c_uint,
            ctypes.c_int,
            ctypes.c_uint,
            ctypes.c_uint,
            ctypes.c_void_p,
            ctypes.c_void_p,
        ]
        self.sample_rate = lib.espeak_Initialize(
            SYNCHRONOUS, BUFFER_MS, str(data.parent).encode(), 0
        )
        if self.sample_rate <= 0:
            raise VoiceError(f"the speech engine did not start (data in {data})")
        self.lib = lib
        self.each: Callable[[bytes], bool] = lambda samples: True
        self.callback = _CALLBACK(self._collect)  # kept: the library holds a pointer to it
        lib.espeak_SetSynthCallback(self.callback)

    def _collect(self, wav: object, count: int, events: object) -> int:
        if count > 0 and wav:
            samples = ctypes.string_at(wav, count * 2)  # type: ignore[call-overload]
            return 0 if self.each(samples) else 1  # 1: stop saying this
        return 0

    @classmethod
    def get(cls) -> _Engine:
        """The process's engine, loaded on first use (call with `lock` held)."""
        if cls.loaded is None:
            cls.loaded = cls()
        return cls.loaded


class Voice:
    """Speaks text as samples at `sample_rate` Hz, at its own rate and volume. Any number
    of voices share the process's one engine, one utterance at a time."""

    def __init__(self, rate: int = 160, volume: int = 100) -> None:
        with _Engine.lock:
            self.sample_rate = _Engine.get().sample_rate
        self.rate, self.volume = rate, volume

    def stream(self, text: str, language: str, each: Callable[[bytes], bool]) -> bool:
        """Say `text` in `language` (kk, ru or en), giving `each` the 16-bit samples piece
        by piece as they are made; `each` returns False to cut the rest off. Returns whether
        the whole text was said."""
        encoded = text.encode("utf-8")
        finished = True

        def piece(samples: bytes) -> bool:
            nonlocal finished
            finished = finished and each(samples)
            return finished

        with _Engine.lock:
            engine = _Engine.get()
            lib = engine.lib
            engine.each = piece
            try:
                if lib.espeak_SetVoiceByName(VOICES[language].encode()) != 0:
                    raise VoiceError(f"no {language} voice")
                lib.espeak_SetParameter(RATE, self.rate, 0)
                lib.espeak_SetParameter(VOLUME, self.volume, 0)
                result = lib.espeak_Synth(
                    encoded, len(encoded) + 1, 0, POS_CHARACTER, 0, CHARS_UTF8, None, None
                )
                lib.espeak_Synchronize()
            finally:
                engine.each = lambda samples: True
            if result != 0 and finished:
                raise VoiceError(f"the speech engine refused the text ({result})")
            return finished

    def speak(self, text: str, language: str) -> array.array[int]:
        """The samples of `text` said in `language` (kk, ru or en)."""
        samples = array.array("h")
        self.stream(text, language, lambda piece: samples.frombytes(piece) or True)
        return samples

    def write_wav(self, text: str, language: str, path: Path) -> float:
        """Say `text` into a WAV file; return its length in seconds."""
        samples = self.speak(text, language)
        with wave.open(str(path), "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(self.sample_rate)
            out.writeframes(samples.tobytes())
        return len(samples) / self.sample_rate
