"""The reliability battery shares the UI fixtures (app on a fresh database, no user keymap)."""

from tests.ui.conftest import make_app, no_user_keymap  # noqa: F401  (fixtures)
