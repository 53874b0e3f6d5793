"""Main Menu Screen for PassFX - Security Command Center."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.events import Click
from textual.screen import Screen
from textual.widgets import Digits, Label, OptionList, Static
from textual.widgets.option_list import Option

from passfx.utils.strength import check_strength

if TYPE_CHECKING:
    from passfx.app import PassFXApp


# [trimmed for this case: WEAK_PINS, PASSWORD_AGE_WARNING_DAYS, the SecurityAnalysis
# dataclass, SIDEBAR_LOGO, VERSION and _make_menu_item]


class MainMenuScreen(Screen):
    """Security Command Center - main dashboard with navigation sidebar."""

    BINDINGS = [
        Binding("q", "quit", "Quit"),
        Binding("question_mark", "help", "Help"),
    ]

    # [trimmed for this case: compose, on_mount, the clock, the dashboard refresh, the
    # security analysis and the navigation actions before action_settings]

    def action_settings(self) -> None:
        """Go to settings screen."""
        from passfx.screens.settings import SettingsScreen

        self.app.push_screen(SettingsScreen())

    def action_help(self) -> None:
        """Show the help screen."""
        from passfx.screens.help import HelpScreen

        self.app.push_screen(HelpScreen())

    def action_quit(self) -> None:
        """Quit the application."""
        self.app.exit()
