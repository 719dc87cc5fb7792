"""A form field that keeps fast typing and pastes in the field the user meant.

Textual queues each key on the widget focused when the app received it. A key that moves the
focus (tab) is only acted on once it has bubbled up to the app, so keys typed right after it
were already queued on the old field: "Fastco", tab, "Dev" typed in one burst became
"FastcoDev". This field moves the focus itself, at once, and hands on any key that reaches it
after the focus has left it, in the order typed.
"""

from __future__ import annotations

from textual import events

from jobhunt_tui.ui.widgets.inputs import TextInput

NEXT_FIELD = {"tab": 1, "shift+tab": -1}
"""Keys that leave a field, and which way."""

FIELD_BREAKS = ("\t", "\r\n", "\n", "\r")
"""What separates fields in pasted text (a row copied from a spreadsheet, or lines)."""


class FieldInput(TextInput):
    """An Input for dialogs: tab moves on at once, late keys follow the focus."""

    async def _on_key(self, event: events.Key) -> None:
        """Pass on a key that arrived after the focus moved; move on tab without delay."""
        if self._forward(event):
            return
        step = NEXT_FIELD.get(event.key)
        if step is not None:
            event.stop()
            event.prevent_default()
            if step > 0:
                self.screen.focus_next()
            else:
                self.screen.focus_previous()
            return
        await super()._on_key(event)

    async def _on_paste(self, event: events.Paste) -> None:
        """Paste into this field; text after a tab or line break goes on into the next fields."""
        if self._forward(event):
            return
        text = event.text
        for mark in FIELD_BREAKS[1:]:
            text = text.replace(mark, "\t")
        first, _sep, rest = text.partition("\t")
        event.stop()
        event.prevent_default()
        self.insert_text_at_cursor(first)
        if rest:
            nxt = self.screen.focus_next()
            if nxt is not None and nxt is not self:
                nxt.post_message(events.Paste(rest))

    def _forward(self, event: events.Key | events.Paste) -> bool:
        """Hand `event` to the focused widget when the focus moved on since it was queued."""
        focused = self.screen.focused
        if focused is None or focused is self:
            return False
        event.stop()
        event.prevent_default()
        if isinstance(event, events.Key):
            focused.post_message(events.Key(event.key, event.character))
        else:
            focused.post_message(events.Paste(event.text))
        return True
