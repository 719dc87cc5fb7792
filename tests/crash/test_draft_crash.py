"""Never lose a word: the real app in a pseudo-terminal, killed or stopped while typing.

SIGKILL at a random moment may lose only the last moments of typing (autosave: at most 2 s)
and never corrupts the file; SIGHUP, SIGTERM and ctrl+q save everything and restore the
terminal (the alternate screen is left) with exit status 0.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.crash.draft_typing import prepare, run_round

MAX_LOSS_S = 2.0


def _check_kill(tmp_path: Path, seed: int) -> None:
    path = tmp_path / f"round-{seed}.db"
    prepare(path)
    result = run_round(path, tmp_path / "home", "kill", seed=seed)
    assert result.integrity == "ok"
    assert result.typed.startswith(result.stored), "stored text is not what was typed"
    assert result.lost_s <= MAX_LOSS_S, f"lost {result.lost_s:.2f} s of typing"
    assert result.typed, "nothing was typed before the kill"


@pytest.mark.parametrize("seed", range(3))
def test_sigkill_while_typing_loses_at_most_two_seconds(tmp_path: Path, seed: int) -> None:
    _check_kill(tmp_path, seed)


@pytest.mark.slow
@pytest.mark.parametrize("seed", range(100, 120))
def test_sigkill_while_typing_many_rounds(tmp_path: Path, seed: int) -> None:
    _check_kill(tmp_path, seed)


@pytest.mark.parametrize("ending", ["hup", "term", "ctrl+q"])
def test_hangup_terminate_and_quit_save_everything_and_restore_the_terminal(
    tmp_path: Path, ending: str
) -> None:
    path = tmp_path / "jobhunt.db"
    prepare(path)
    result = run_round(path, tmp_path / "home", ending, seed=7, type_s=1.5)
    assert result.integrity == "ok"
    assert result.stored == result.typed
    assert result.exit_status == 0
    assert result.exit_s <= 2.0
    assert result.left_alt_screen


def test_closing_the_terminal_window_saves_everything_and_exits(tmp_path: Path) -> None:
    path = tmp_path / "jobhunt.db"
    prepare(path)
    result = run_round(path, tmp_path / "home", "close", seed=3, type_s=1.5)
    assert result.integrity == "ok"
    assert result.stored == result.typed
    assert result.exit_status == 0
    assert result.exit_s <= 2.0
