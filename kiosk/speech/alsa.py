"""Sound out through ALSA (libasound, through ctypes): 16-bit mono samples to a named PCM
device: `default` (the card, or PipeWire/PulseAudio when the system routes ALSA there), a
headphone socket such as `plughw:CARD=PCH,DEV=0`, or `null` (accepted and dropped: tests
and benchmarks go the whole way to the device)."""

from __future__ import annotations

import ctypes
import ctypes.util

PLAYBACK = 0  # SND_PCM_STREAM_PLAYBACK
S16_LE = 2  # SND_PCM_FORMAT_S16_LE
INTERLEAVED = 3  # SND_PCM_ACCESS_RW_INTERLEAVED
NONBLOCK = 1  # SND_PCM_NONBLOCK
LATENCY_US = 80_000  # the device's buffer: what a cut-off may still let through
# libasound's own messages would go to stderr; the error this module raises says it once.
_QUIET = ctypes.CFUNCTYPE(
    None, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p
)(lambda *_: None)


class SoundError(RuntimeError):
    """The sound device cannot be opened or refused the samples."""


class AlsaOutput:
    """One open playback device."""

    def __init__(self, device: str, rate: int, *, wait: bool = True) -> None:
        name = ctypes.util.find_library("asound") or "libasound.so.2"
        try:
            lib = ctypes.CDLL(name)
        except OSError as error:
            raise SoundError(f"ALSA (libasound) is not installed: {error}") from error
        lib.snd_strerror.restype = ctypes.c_char_p
        lib.snd_lib_error_set_handler(_QUIET)
        lib.snd_pcm_open.argtypes = [
            ctypes.POINTER(ctypes.c_void_p),
            ctypes.c_char_p,
            ctypes.c_int,
            ctypes.c_int,
        ]
        uint, int_ = ctypes.c_uint, ctypes.c_int  # format, access, channels, rate, resample
        lib.snd_pcm_set_params.argtypes = [ctypes.c_void_p, int_, int_, uint, uint, int_, uint]
        lib.snd_pcm_writei.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_ulong]
        lib.snd_pcm_writei.restype = ctypes.c_long
        for function in ("snd_pcm_drop", "snd_pcm_prepare", "snd_pcm_drain", "snd_pcm_close"):
            getattr(lib, function).argtypes = [ctypes.c_void_p]
        lib.snd_pcm_recover.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_int]
        self._lib, self.device = lib, device
        self._pcm = ctypes.c_void_p()
        mode = 0 if wait else NONBLOCK
        self._check(lib.snd_pcm_open(ctypes.byref(self._pcm), device.encode(), PLAYBACK, mode))
        try:
            self._check(
                lib.snd_pcm_set_params(self._pcm, S16_LE, INTERLEAVED, 1, rate, 1, LATENCY_US)
            )
        except SoundError:
            lib.snd_pcm_close(self._pcm)
            raise

    def _check(self, result: int) -> None:
        if result < 0:
            reason = self._lib.snd_strerror(result).decode(errors="replace")
            raise SoundError(f"sound device {self.device!r}: {reason}")

    def write(self, samples: bytes) -> None:
        """Play 16-bit samples (blocks while the device's buffer is full)."""
        frames, offset = len(samples) // 2, 0
        while offset < frames:
            done = self._lib.snd_pcm_writei(self._pcm, samples[offset * 2 :], frames - offset)
            if done < 0:  # an underrun between utterances, a suspend: recover and go on
                self._check(self._lib.snd_pcm_recover(self._pcm, int(done), 1))
                continue
            offset += done

    def cut(self) -> None:
        """Stop at once, dropping what is buffered; ready for the next samples."""
        self._lib.snd_pcm_drop(self._pcm)
        self._lib.snd_pcm_prepare(self._pcm)

    def close(self, drain: bool = True) -> None:
        """Let what is buffered play out (`drain`), and close the device."""
        if self._pcm:
            if drain:
                self._lib.snd_pcm_drain(self._pcm)
            self._lib.snd_pcm_close(self._pcm)
            self._pcm = ctypes.c_void_p()


def probe(device: str, rate: int) -> str:
    """Whether `device` can play: "" when it opens (or is busy: another program, the
    kiosk itself, holds it), else why not. Opened without waiting, closed at once, nothing
    played."""
    try:
        output = AlsaOutput(device, rate, wait=False)
    except SoundError as error:
        return "" if "busy" in str(error).lower() else str(error)
    output.close(drain=False)
    return ""
