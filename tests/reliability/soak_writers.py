"""Battery 3: two app windows and a command-line writer on one file, editing at random.

The harness plays both terminals (`benchmarks/ptyrun.py`, 160×48), runs real `jobhunt`
commands one after another, and watches the file itself through a plain read-only SQLite
connection polled every loop turn (~10 ms). Every company and note a writer adds has a unique
text, so the harness knows, for each one, the last state its own writer saw committed: added
(the row appeared), undone by that writer (the row went away after its `u` / `jobhunt undo`),
redone (back after `ctrl+r`). At the end each must be in that state: anything else is a lost
update. A company one writer adds must reach the other app's terminal (and the CLI's, both);
the latency is from the moment the harness saw the row committed to the moment its name
arrived in that terminal's output.

Run by hand: `.venv/bin/python -m tests.reliability.soak_writers 60` (seconds of edits).
"""

from __future__ import annotations

import os
import random
import select
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Generator, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))
from ptyrun import PtySession, strip_ansi  # noqa: E402

from tests.reliability.soak_figures import Item, Result  # noqa: E402

COLS, ROWS = 160, 48
COMMIT_WAIT_S = 6.0
"""How long a write may take to commit before it counts as dropped (the lock waits ≤ 10 s)."""
SHOW_WAIT_S = 10.0
"""How long the harness keeps looking for a company in a terminal before calling it missing."""
OPEN_STAGES = ("wishlist", "applied", "screening", "interviewing", "offer")
FAILURE_WORDS = (b"Traceback", b"Something went wrong")

Wait = Callable[[], bool]
Actor = Generator[float | Wait, None, None]
"""An actor yields a number (sleep that many seconds) or a predicate (resume once it holds)."""


class Terminal:
    """One app window: a pty session whose printable output is scanned for awaited names."""

    def __init__(self, name: str, db: Path, env: dict[str, str]) -> None:
        argv = [sys.executable, "-m", "jobhunt_tui", "--db", str(db)]
        self.name = name
        self.session = PtySession(argv, env, cols=COLS, rows=ROWS)
        self.watching: dict[str, Item] = {}
        self.form_open = False
        self._tail = b""
        self._mark = 0  # transcript length when `since_mark` started counting

    def pump(self, now: float) -> None:
        """Read what is waiting; note the first arrival of every watched name."""
        while True:
            data, _ = self.session._read(0.0)
            if not data:
                return
            text = strip_ansi(self._tail + data)
            for name in [n for n in self.watching if n.encode() in text]:
                self.watching.pop(name).shown_at[self.name] = now
            self._tail = text[-256:]

    def send(self, keys: bytes) -> None:
        os.write(self.session.fd, keys)

    def mark(self) -> None:
        self._mark = len(self.session.transcript)

    def since_mark(self, words: bytes) -> Wait:
        return lambda: words in strip_ansi(bytes(self.session.transcript[self._mark :]))


class Soak:
    """Everything one soak round shares: the file, the terminals, the items, the clock."""

    def __init__(self, db: Path, env: dict[str, str], seed: int) -> None:
        self.db = db
        self.env = env
        self.rng = random.Random(seed)
        self.reader = sqlite3.connect(f"file:{db}?mode=ro", uri=True, isolation_level=None)
        self.items: list[Item] = []
        self.edits: dict[str, int] = {"cli": 0, "app1": 0, "app2": 0}
        self.failures: list[str] = []
        self.dropped: list[str] = []
        self.undo_kept: list[str] = []
        self.terminals = [Terminal("app1", db, env), Terminal("app2", db, env)]
        self._counter = 0
        self.stopping = False  # time is up: each writer finishes the edit it is in, then stops

    # -- the file, as the harness sees it -----------------------------------------------------

    def exists(self, item: Item) -> bool:
        sql = (
            "SELECT 1 FROM company WHERE name = ?"
            if item.kind == "company"
            else "SELECT 1 FROM interaction WHERE summary = ?"
        )
        return self.reader.execute(sql, (item.text,)).fetchone() is not None

    def opportunity_ids(self) -> list[int]:
        return [row[0] for row in self.reader.execute("SELECT id FROM opportunity")]

    def unique(self, prefix: str) -> str:
        self._counter += 1
        return f"{prefix}{self._counter:03d}x"

    def new_item(self, writer: str, kind: str, text: str) -> Item:
        item = Item(writer, kind, text)
        self.items.append(item)
        if kind == "company":  # every other window must show it
            for terminal in self.terminals:
                if terminal.name != writer:
                    terminal.watching[text] = item
        return item

    def committed(self, item: Item, timeout: float = COMMIT_WAIT_S) -> Iterator[float | Wait]:
        """Wait until the item's row is in the file; note when (or that it never came)."""
        deadline = time.monotonic() + timeout
        yield lambda: self.exists(item) or time.monotonic() > deadline
        if self.exists(item):
            item.committed_at, item.present = time.monotonic(), True
            item.behind_form = {t.name for t in self.terminals if t.form_open}
        else:
            self.dropped.append(f"{item.writer}: {item.text}")
            for terminal in self.terminals:
                terminal.watching.pop(item.text, None)

    def toggled(self, item: Item, present: bool) -> Iterator[float | Wait]:
        """After the writer's undo (present=False) or redo (True): wait for the row to follow."""
        deadline = time.monotonic() + COMMIT_WAIT_S
        yield lambda: self.exists(item) == present or time.monotonic() > deadline
        if self.exists(item) == present:
            item.present, item.undone = present, not present
        else:  # undo left it (another writer touched the card since): it must stay
            self.undo_kept.append(f"{item.writer}: {item.text}")

    # -- the writers ---------------------------------------------------------------------------

    def app_actor(self, terminal: Terminal) -> Actor:
        """Keys at a brisk human pace: moves, cursor, notes, adds, and undo/redo of them."""
        rng = random.Random(self.rng.random())
        prefix = "Aq" if terminal.name == "app1" else "Bq"
        while not self.stopping:
            yield rng.uniform(0.15, 0.6)
            if self.stopping:
                return
            roll = rng.random()
            if roll < 0.3:
                # `k` twice as often as `j`: the cursor stays near the top, where new cards land
                # (priority 2, newest first), so the window keeps them on screen.
                terminal.send(rng.choice([b"h", b"l", b"j", b"k", b"k"]))
                continue
            self.edits[terminal.name] += 1
            if roll < 0.55:
                terminal.send(rng.choice([b"L", b"H"]))
                continue
            kind = "company" if roll < 0.8 else "note"
            terminal.mark()
            terminal.form_open = True
            terminal.send(b"a" if kind == "company" else b"n")
            title = b"Add opportunity" if kind == "company" else b"Add note"
            shown = terminal.since_mark(title)
            deadline = time.monotonic() + 3.0
            yield lambda shown=shown, deadline=deadline: shown() or time.monotonic() > deadline
            if not shown():  # `n` with no card selected opens nothing
                self.edits[terminal.name] -= 1
                terminal.form_open = False
                continue
            yield 0.2
            text = self.unique(prefix) if kind == "company" else self.unique(f"{prefix} note ")
            item = self.new_item(terminal.name, kind, text)
            terminal.send(text.encode())
            if kind == "company":
                yield rng.uniform(0.1, 0.3)
                terminal.send(b"\tSoak role")
            yield rng.uniform(0.1, 0.3)
            terminal.send(b"\r")
            yield from self.committed(item)
            terminal.form_open = False
            if not item.present:
                terminal.send(b"\x1b")  # whatever is open, leave it: the next edit starts clean
                continue
            if rng.random() < 0.3:
                yield rng.uniform(0.3, 0.6)
                self.edits[terminal.name] += 1
                terminal.send(b"u")
                yield from self.toggled(item, present=False)
                if item.undone and rng.random() < 0.5:
                    yield rng.uniform(0.3, 0.6)
                    self.edits[terminal.name] += 1
                    terminal.send(b"\x12")  # ctrl+r
                    yield from self.toggled(item, present=True)

    def cli_actor(self) -> Actor:
        """Real `jobhunt` commands, one after another: add, note, move, interview, undo."""
        rng = random.Random(self.rng.random())
        while not self.stopping:
            yield rng.uniform(0.05, 0.3)
            if self.stopping:
                return
            ids = self.opportunity_ids()
            roll = rng.random()
            item = None
            if roll < 0.4 or not ids:
                item = self.new_item("cli", "company", self.unique("Cq"))
                stage = rng.choice(OPEN_STAGES[:4])  # priority 2, like the app's form
                args = ["add", item.text, "CLI role", "--stage", stage, "--priority", "2"]
            elif roll < 0.65:
                item = self.new_item("cli", "note", self.unique("Cq note "))
                args = ["note", str(rng.choice(ids)), item.text]
            elif roll < 0.9:
                args = ["move", str(rng.choice(ids)), rng.choice(OPEN_STAGES)]
            else:
                args = ["interview", str(rng.choice(ids)), "--at", "monday 14:00"]
            code, err = yield from self.run_cli(args, item)
            if item is None:
                continue
            if code != 0 or not self.exists(item):
                self.dropped.append(f"cli: {item.text} (exit {code}: {err.strip()[:200]})")
                for terminal in self.terminals:
                    terminal.watching.pop(item.text, None)
                continue
            item.present = True
            if rng.random() < 0.2:
                code, err = yield from self.run_cli(["undo"])
                if code == 0 and not self.exists(item):
                    item.present, item.undone = False, True
                elif code == 0:
                    self.undo_kept.append(f"cli: {item.text}")

    def run_cli(
        self, args: list[str], item: Item | None = None
    ) -> Generator[float | Wait, None, tuple[int, str]]:
        """One command; while it runs, the harness notes the moment its row commits."""
        self.edits["cli"] += 1
        argv = [sys.executable, "-m", "jobhunt_tui", "--db", str(self.db), *args]
        process = subprocess.Popen(
            argv, env=self.env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )

        def done() -> bool:
            if item is not None and item.committed_at is None and self.exists(item):
                item.committed_at = time.monotonic()
                item.behind_form = {t.name for t in self.terminals if t.form_open}
            return process.poll() is not None

        yield done
        if item is not None and item.committed_at is None and self.exists(item):
            item.committed_at = time.monotonic()
        out, err = process.communicate()
        expected = {0} if args[0] in ("add", "note", "undo") else {0, 2}
        if process.returncode not in expected or "Traceback" in out + err:
            self.failures.append(f"jobhunt {' '.join(args)}: exit {process.returncode}: {err}")
        return process.returncode, err

    # -- the round -----------------------------------------------------------------------------

    def run(self, seconds: float) -> Result:
        """Start both windows, edit for `seconds`, quit, and check the file."""
        for terminal in self.terminals:
            terminal.session.start()
        for terminal in self.terminals:  # the board is up and the live view polling
            terminal.session.wait_for(lambda seen: b"Applied" in seen, timeout=60.0)
            terminal.session.settle(quiet=1.0, timeout=20.0)
        actors = {0: self.app_actor(self.terminals[0]), 1: self.app_actor(self.terminals[1])}
        actors[2] = self.cli_actor()
        waits: dict[int, float | Wait] = dict.fromkeys(actors, 0.0)
        started = time.monotonic()
        try:
            while actors and time.monotonic() - started < seconds + 30.0:
                self.stopping = time.monotonic() - started >= seconds
                self._turn(actors, waits)
            # Let the last writes land and every window catch up before looking.
            self._drain(lambda: not any(t.watching for t in self.terminals), 3.0)
        finally:
            codes = self._quit()
        return self._check(seconds, codes)

    def _turn(self, actors: dict[int, Actor], waits: dict[int, float | Wait]) -> None:
        fds = [t.session.fd for t in self.terminals]
        select.select(fds, [], [], 0.01)
        now = time.monotonic()
        for terminal in self.terminals:
            terminal.pump(now)
        for index, actor in list(actors.items()):
            wait = waits[index]
            ready = now >= wait if isinstance(wait, float) else wait()
            if ready:
                step = next(actor, None)
                if step is None:  # it has stopped
                    del actors[index]
                else:
                    waits[index] = time.monotonic() + step if isinstance(step, float) else step

    def _drain(self, until: Callable[[], bool], timeout: float) -> None:
        deadline = time.monotonic() + timeout
        live = [t for t in self.terminals if t.session._exit is None]
        while time.monotonic() < deadline and not until():
            select.select([t.session.fd for t in live], [], [], 0.01)
            for terminal in live:
                terminal.pump(time.monotonic())

    def _quit(self) -> list[bool]:
        codes = []
        for terminal in self.terminals:
            terminal.send(b"\x1b")  # a form left open by the last edit
            self._drain(lambda: False, 0.5)
            codes.append(terminal.session.quit(timeout=8.0).clean)
        return codes

    def _check(self, seconds: float, clean_exits: list[bool]) -> Result:
        lost = [f"{i.writer}: {i.text}" for i in self.items if i.present and not self.exists(i)]
        resurrected = [f"{i.writer}: {i.text}" for i in self.items if i.undone and self.exists(i)]
        failures = list(self.failures)
        for terminal, clean in zip(self.terminals, clean_exits, strict=True):
            if not clean:
                failures.append(f"{terminal.name} did not exit 0 after ctrl+q")
            for word in FAILURE_WORDS:
                if word in strip_ansi(bytes(terminal.session.transcript)):
                    failures.append(f"{terminal.name}: {word.decode()} on screen")
        latencies, missing, behind = [], [], 0
        for item in self.items:
            if item.kind != "company" or item.committed_at is None:
                continue
            for terminal in self.terminals:
                if terminal.name == item.writer:
                    continue
                if terminal.name in item.shown_at:
                    latencies.append(max(0.0, item.shown_at[terminal.name] - item.committed_at))
                    behind += terminal.name in item.behind_form
                elif not item.undone:  # an add undone at once may never have been drawn
                    missing.append(f"{item.text} in {terminal.name}")
        integrity = self.reader.execute("PRAGMA integrity_check").fetchone()[0]
        foreign = len(self.reader.execute("PRAGMA foreign_key_check").fetchall())
        logged = self.reader.execute(
            "SELECT count(*) FROM change_log WHERE writer = 'cli' OR writer LIKE 'app:%' "
            "GROUP BY writer ORDER BY writer"
        ).fetchall()
        return Result(seconds, dict(self.edits), self.items, lost, resurrected,
                      list(self.dropped), list(self.undo_kept), failures, latencies, missing,
                      integrity, foreign, behind, [row[0] for row in logged])  # fmt: skip


def seed_board(db: Path) -> None:
    """A fresh file with a small board: two cards in each of the first four open stages."""
    from jobhunt_tui.domain.clock import system_clock
    from jobhunt_tui.domain.models import Stage
    from jobhunt_tui.services.pipeline import OpportunityInput, PipelineService
    from jobhunt_tui.storage.database import open_database

    database = open_database(db)
    pipeline = PipelineService(database, system_clock)
    stages = (Stage.WISHLIST, Stage.APPLIED, Stage.SCREENING, Stage.INTERVIEWING)
    for number, stage in enumerate(stages * 2):
        pipeline.add(OpportunityInput(f"Seed{number}", "Engineer", stage=stage, priority=3))
    database.close()
    # The seed is nobody's to undo: `jobhunt undo` must only ever find the soak's own changes.
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE change_log SET writer = 'seed'")
    conn.close()


def soak(folder: Path, seconds: float, seed: int = 14) -> Result:
    """One round on a fresh file in `folder`."""
    db = folder / "soak.db"
    seed_board(db)
    env = {**os.environ, "JOBHUNT_TZ": "UTC", "HOME": str(folder)}
    env.pop("JOBHUNT_NOW", None)
    harness = Soak(db, env, seed)
    try:
        return harness.run(seconds)
    finally:
        harness.reader.close()


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        outcome = soak(Path(tmp), float(sys.argv[1]) if len(sys.argv) > 1 else 60.0)
    print(outcome.summary())
    for name in ("lost", "resurrected", "dropped", "undo_kept", "failures", "missing"):
        for line in getattr(outcome, name):
            print(f"{name}: {line}")
