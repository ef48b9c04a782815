"""`kiosk say`: what the kiosk's voice would say, as a WAV, in each language; numbers and
amounts said as words, never digit by digit."""

from __future__ import annotations

import array
import math
import subprocess
import sys
import wave
from pathlib import Path

import pytest

from kiosk.logic.spoken import words

SAID = {
    "kk": "Төлем QR-коды: мемлекеттік баж, 4 325 ₸. Банк қосымшасының камерасымен сканерлеңіз.",
    "ru": "QR-код: государственная пошлина, 4 325 ₸. Отсканируйте его камерой в приложении банка.",
    "en": "QR code: state duty, 4 325 ₸. Scan it with your bank app's camera.",
}


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("kk", "Барлығы: төрт мың үш жүз жиырма бес теңге"),
        ("ru", "Барлығы: четыре тысячи триста двадцать пять тенге"),
        ("en", "Барлығы: four thousand, three hundred and twenty-five tenge"),
    ],
)
def test_amounts_are_said_as_words(language: str, expected: str) -> None:
    shown = "4,325 ₸" if language == "en" else "4\u00a0325 ₸"  # as each language writes it
    assert words(f"Барлығы: {shown}", language) == expected  # type: ignore[arg-type]


def test_numbers_with_a_fraction_and_plain_ones() -> None:
    assert words("0,2 АЕК", "ru") == "ноль целых две десятых АЕК"
    assert words("15 жұмыс күні", "kk") == "он бес жұмыс күні"


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_say_writes_speech_of_a_plausible_length(tmp_path: Path, language: str) -> None:
    out = tmp_path / f"{language}.wav"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "kiosk",
            "say",
            "--lang",
            language,
            "--out",
            str(out),
            SAID[language],
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    with wave.open(str(out)) as wav:
        assert (wav.getnchannels(), wav.getsampwidth()) == (1, 2)
        rate, frames = wav.getframerate(), wav.readframes(wav.getnframes())
    samples = array.array("h", frames)
    seconds = len(samples) / rate
    # About a dozen words with the amount in words: several seconds, not a blip or a hang.
    assert 3 < seconds < 20, seconds
    loudness = math.sqrt(sum(s * s for s in samples) / len(samples))
    assert loudness > 500, loudness  # not silence
    spoken = sum(1 for s in samples if abs(s) > 1000) / len(samples)
    assert spoken > 0.2, spoken  # speech through most of it
