"""The one place where failed work becomes a notification the user can read."""

from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.worker import Worker, WorkerState

from jobhunt_tui.domain.errors import JobhuntError
from jobhunt_tui.domain.text import visible
from jobhunt_tui.services.failures import storage_failure


def failure_text(error: BaseException, database_path: Path | None = None) -> str | None:
    """What to tell the user about a change that failed: the user's to fix (JobhuntError) or
    the data file's (busy, full, read-only), in words; None for a bug."""
    if isinstance(error, JobhuntError):
        return visible(str(error))
    reason = storage_failure(error, database_path)
    return None if reason is None else visible(reason)


def report_failure(app: App[object], error: BaseException) -> None:
    """Notify: a JobhuntError is the user's to fix (warning); a failing data file (locked, full
    disk, read-only) is said in words, without SQL; anything else is a bug (error).

    Forms and dialogs stay open when their save fails, so nothing typed is lost."""
    if isinstance(error, JobhuntError):
        app.notify(visible(str(error)), severity="warning", markup=False)
        return
    services = getattr(app, "services", None)  # the JobhuntApp's; absent in bare test apps
    reason = storage_failure(error, getattr(getattr(services, "database", None), "path", None))
    app.log.error(repr(error))
    if reason is not None:
        app.notify(visible(reason), title="Data file", severity="warning", markup=False, timeout=10)
        return
    message = visible(f"{type(error).__name__}: {error}")
    app.notify(message, title="Something went wrong", severity="error", markup=False)


class ReportsWorkerFailures:
    """Mixin for screens: a worker that raised is reported through `report_failure`."""

    app: App[object]

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Turn a failed worker into a visible notification."""
        if event.state is WorkerState.ERROR and event.worker.error is not None:
            report_failure(self.app, event.worker.error)
