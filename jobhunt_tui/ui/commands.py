"""Command-palette providers: jump to an opportunity, move its stage, export, switch theme,
open the settings.

Every hit is built from Content, never from a markup string: company and role names are the
user's text and must show literally (Textual's own `Matcher.highlight` parses markup).
"""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, ClassVar

from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content
from textual.dom import DOMNode

from jobhunt_tui.domain.board import BoardCard
from jobhunt_tui.domain.stages import CLOSED_STAGES, OPEN_STAGES
from jobhunt_tui.domain.text import visible

if TYPE_CHECKING:
    from jobhunt_tui.ui.screens.main import MainScreen

MAX_HITS = 50


def literal_hit_text(matcher: Matcher, text: str) -> Content:
    """`text` as literal Content with the fuzzy-matched characters highlighted."""
    content = Content(text)
    _score, offsets = matcher.fuzzy_search.match(matcher.query, text)
    for offset in offsets:
        if not text[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


def _main(provider: Provider) -> MainScreen | None:
    """The main screen the palette was opened from (None over any other screen)."""
    from jobhunt_tui.ui.screens.main import MainScreen

    screen = provider.screen
    return screen if isinstance(screen, MainScreen) else None


def _card_text(card: BoardCard) -> str:
    return f"{visible(card.company)} · {visible(card.role)}"


class OpportunityCommands(Provider):
    """Jump to an opportunity by company or role (from the cards in memory: no query)."""

    async def search(self, query: str) -> Hits:
        """Opportunities whose company or role matches the query."""
        main = _main(self)
        if main is None:
            return
        matcher = self.matcher(query)
        scored: list[tuple[float, BoardCard, str]] = []
        for card in main.board.cards():
            text = _card_text(card)
            score = matcher.match(text)
            if score > 0:
                scored.append((score, card, text))
        scored.sort(key=lambda item: -item[0])
        for score, card, text in scored[:MAX_HITS]:
            yield Hit(
                score,
                Content.assemble("Go to ", literal_hit_text(matcher, text)),
                partial(self._jump, main, card),
                text=f"Go to {text}",
                help=f"{card.stage.label}: select it on the board",
            )

    @staticmethod
    def _jump(main: MainScreen, card: BoardCard) -> None:
        """Select the card (clearing a filter that hides it) and focus the board."""
        board = main.board
        if not board.select(card.opportunity_id) and board.filter_text:
            main.query_one("#filter").value = ""  # type: ignore[attr-defined]
            board.set_filter("")
            board.select(card.opportunity_id)
        board.focus()


class StageCommands(Provider):
    """Move the selected opportunity to any stage, or close it with an outcome."""

    def _commands(self) -> list[tuple[str, Callable[[], None], str]]:
        main = _main(self)
        card = main.board.selected if main is not None else None
        if main is None or card is None:
            return []
        commands: list[tuple[str, Callable[[], None], str]] = []
        for stage in (*OPEN_STAGES, *CLOSED_STAGES):
            if stage is card.stage:
                continue
            verb = "Move to" if stage in OPEN_STAGES else "Close as"
            commands.append(
                (f"{verb} {stage.label}", partial(main.move_to, card, stage), "the selected card")
            )
        return commands

    async def discover(self) -> Hits:
        """The moves for the selected card."""
        for text, command, help_text in self._commands():
            yield DiscoveryHit(Content(text), command, text=text, help=help_text)

    async def search(self, query: str) -> Hits:
        """Moves matching the query."""
        matcher = self.matcher(query)
        for text, command, help_text in self._commands():
            score = matcher.match(text)
            if score > 0:
                yield Hit(
                    score,
                    literal_hit_text(matcher, text),
                    command,
                    text=text,
                    help=help_text,
                )


class ExportCommands(Provider):
    """Export the follow-ups as .ics, or the data as CSV or JSON, into the current folder."""

    FORMATS = (
        ("ics", "Export calendar (.ics)"),
        ("csv", "Export CSV"),
        ("json", "Export JSON"),
    )

    async def discover(self) -> Hits:
        """Both formats."""
        main = _main(self)
        if main is None:
            return
        for kind, text in self.FORMATS:
            yield DiscoveryHit(
                Content(text), partial(main.export, kind), text=text, help="into this folder"
            )

    async def search(self, query: str) -> Hits:
        """Formats matching the query."""
        main = _main(self)
        if main is None:
            return
        matcher = self.matcher(query)
        for kind, text in self.FORMATS:
            score = matcher.match(text)
            if score > 0:
                yield Hit(
                    score,
                    literal_hit_text(matcher, text),
                    partial(main.export, kind),
                    text=text,
                    help="into this folder",
                )


SKIPPED_ACTIONS = ("cursor_", "page", "scroll_", "command_palette", "previous_pane")
"""Movement keys and the palette itself are not worth a palette entry."""


def _key_actions(provider: Provider) -> list[tuple[str, Callable[[], object], str]]:
    """(what it does, run it, its key) for every remappable action of the screen below."""
    from jobhunt_tui.ui.keymap_scopes import bindings_of
    from jobhunt_tui.ui.screens.detail import DetailScreen
    from jobhunt_tui.ui.screens.main import MainScreen

    screen = provider.screen
    nodes: list[DOMNode] = []
    if isinstance(screen, MainScreen):
        nodes = [screen.board, screen]
    elif isinstance(screen, DetailScreen):
        nodes = [screen]
    nodes.append(provider.app)
    found: dict[str, tuple[str, Callable[[], object], str]] = {}
    for node in nodes:
        for binding in bindings_of(type(node)):
            if not binding.id or binding.id in found or _skipped(binding.action):
                continue
            text = binding.tooltip or binding.description
            run = partial(node.run_action, binding.action)
            found[binding.id] = (text, run, provider.app.get_key_display(binding))
    return list(found.values())


def _skipped(action: str) -> bool:
    name = action.removeprefix("screen.").removeprefix("app.")
    return name.startswith(SKIPPED_ACTIONS)


class KeyCommands(Provider):
    """Every action of the keymap (add, interview, undo, filter…), with its key."""

    async def discover(self) -> Hits:
        """All of them, as the keymap orders them."""
        for text, command, key in _key_actions(self):
            yield DiscoveryHit(Content(text), command, text=text, help=f"key: {key}")

    async def search(self, query: str) -> Hits:
        """Actions matching the query."""
        matcher = self.matcher(query)
        for text, command, key in _key_actions(self):
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, literal_hit_text(matcher, text), command, text=text,
                          help=f"key: {key}")  # fmt: skip


class ThemeCommands(Provider):
    """Switch theme by name (the choice is remembered)."""

    def _themes(self) -> list[str]:
        return sorted(name for name in self.app.available_themes if name != "textual-ansi")

    async def search(self, query: str) -> Hits:
        """Themes matching the query."""
        matcher = self.matcher(query)
        for name in self._themes():
            text = f"Theme: {name}"
            score = matcher.match(text)
            if score > 0:
                yield Hit(
                    score,
                    literal_hit_text(matcher, text),
                    partial(setattr, self.app, "theme", name),
                    text=text,
                )


class _OneCommand(Provider):
    """A provider of one command: its name, what it holds, and what it opens."""

    TEXT: ClassVar[str]
    HELP: ClassVar[str]

    @abstractmethod
    def _run(self, main: MainScreen) -> Callable[[], None]:
        """What the command does on the main screen."""

    async def discover(self) -> Hits:
        """The one command."""
        main = _main(self)
        if main is not None:
            yield DiscoveryHit(Content(self.TEXT), self._run(main), text=self.TEXT, help=self.HELP)

    async def search(self, query: str) -> Hits:
        """The command, when the query matches its name or what it holds."""
        main = _main(self)
        if main is None:
            return
        matcher = self.matcher(query)
        score = max(matcher.match(self.TEXT), matcher.match(f"{self.TEXT}: {self.HELP}"))
        if score > 0:
            yield Hit(score, literal_hit_text(matcher, self.TEXT), self._run(main),
                      text=self.TEXT, help=self.HELP)  # fmt: skip


class SettingsCommands(_OneCommand):
    """Open the settings form (your name, address, signature, the cadence numbers…)."""

    TEXT = "Settings"
    HELP = "your name, email, signature, cadence days, send-at hour, week start"

    def _run(self, main: MainScreen) -> Callable[[], None]:
        return main.open_settings


class TemplateCommands(_OneCommand):
    """Your templates: the list, and keys to add, edit, duplicate, delete and choose defaults."""

    TEXT = "Templates"
    HELP = "your templates: add, edit, duplicate, delete, the default, restore the built-ins"

    def _run(self, main: MainScreen) -> Callable[[], None]:
        return main.open_templates


class DraftFileCommands(_OneCommand):
    """The open draft as an RFC 5322 file in the current folder."""

    TEXT = "Save draft as .eml"
    HELP = "the open draft as a mail file in the current folder (0600), for your mail program"

    def _run(self, main: MainScreen) -> Callable[[], None]:
        return main.save_draft_eml


class ProgressCommands(_OneCommand):
    """Weekly progress at full size: the calendar's strip, bigger, with a table."""

    TEXT = "Weekly progress"
    HELP = "applications, follow-ups sent and interviews over the last 8 weeks"

    def _run(self, main: MainScreen) -> Callable[[], None]:
        return main.show_progress
