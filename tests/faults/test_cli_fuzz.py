"""The command line with bad arguments, generated: exit 2 and a one-line error, always."""

from __future__ import annotations

import contextlib
import io

from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.cli import main

SERVICES = ["id-card-restoration", "driving-licence-replacement"]
COMMANDS = ["quote", "slip", "catalogue", "screenshots", "set-pin"]
# Words that are neither a command, an option, nor an id of the catalogue.
word = st.text(alphabet="abcxyzКқ_.=:/ 0123456789", min_size=1, max_size=20).filter(
    lambda w: w.strip() and w not in COMMANDS
)


def with_answer(answer: str) -> list[str]:
    return ["quote", SERVICES[0], "--answer", answer]


bad_arguments = st.one_of(
    st.lists(word, min_size=1, max_size=3),  # no such command
    word.map(lambda w: ["quote", "--" + w.replace(" ", "")]),  # no such option
    word.map(lambda w: ["quote", "service-" + w]),  # no such service
    word.filter(lambda w: "=" not in w).map(with_answer),  # not QUESTION=OPTION
    word.map(lambda w: with_answer(f"no-such-question-{w}=yes")),
    word.map(lambda w: with_answer(f"circumstance=not-an-option-{w}")),
    word.map(lambda w: ["quote", SERVICES[1], "--date", w]),  # not a date
    word.map(lambda w: ["quote", SERVICES[1], "--lang", w]),
    word.map(lambda w: ["slip", SERVICES[1], "--centre-class", w, "--out", "-"]),
    st.sampled_from(SERVICES).map(lambda s: ["slip", s]),  # --out is required
    word.map(lambda w: ["catalogue", w]),  # no such sub-command
    st.just(["catalogue"]),
    st.sampled_from(COMMANDS).flatmap(
        lambda c: st.lists(word, min_size=2, max_size=4).map(lambda extra: [c, *extra])
    ),  # too many words
)


@settings(max_examples=150, deadline=None)
@given(bad_arguments)
def test_bad_arguments_exit_2_with_one_line(argv: list[str]) -> None:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(argv)
        except SystemExit as exit:
            code = exit.code  # argparse's own exit
    message = err.getvalue()
    assert code == 2, (argv, code, message)
    assert out.getvalue() == "", argv
    assert message.count("\n") == 1 and message.endswith("\n"), (argv, message)
    assert message.startswith("kiosk"), (argv, message)
    assert "Traceback" not in message
