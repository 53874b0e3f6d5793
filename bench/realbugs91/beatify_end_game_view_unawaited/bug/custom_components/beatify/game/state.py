"""Game state management for Beatify."""

from __future__ import annotations

import asyncio
import logging
import random
import secrets
import time
from enum import Enum
from typing import TYPE_CHECKING, Any

from custom_components.beatify.const import (
    DEFAULT_ROUND_DURATION,
    DIFFICULTY_DEFAULT,
    DIFFICULTY_SCORING,
    ERR_GAME_ALREADY_STARTED,
    ERR_GAME_NOT_STARTED,
    INTRO_DURATION_SECONDS,
    INTRO_ROUND_CHANCE,
    MIN_PLAYERS,
    PROVIDER_DEFAULT,
    ROUND_DURATION_MAX,
    ROUND_DURATION_MIN,
    VOLUME_STEP,
)

from .challenges import (
    ArtistChallenge,
    ChallengeManager,
    MovieChallenge,
    build_artist_options,  # noqa: F401 (re-exported for backward compatibility)
    build_movie_options,  # noqa: F401 (re-exported for backward compatibility)
)
from .highlights import HighlightsTracker
from .player import PlayerSession
from .playlist import PlaylistManager
from .player_registry import PlayerRegistry
from .powerups import PowerUpManager
from .scoring import (
    ScoringService,
)
from .protocols import MediaPlayerProtocol, PartyLightsProtocol
from .share import build_share_data
from .types import RoundAnalytics, _get_decade_label

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable

    from aiohttp import web
    from homeassistant.core import HomeAssistant

    from custom_components.beatify.services.stats import StatsService

_LOGGER = logging.getLogger(__name__)


class GamePhase(Enum):
    """Game phase states."""

    LOBBY = "LOBBY"
    PLAYING = "PLAYING"
    REVEAL = "REVEAL"
    END = "END"
    PAUSED = "PAUSED"


class GameState:
    """Manages game state and phase transitions."""

    def __init__(self, time_fn: Callable[[], float] | None = None) -> None:
        """
        Initialize game state.

        Args:
            time_fn: Optional time function for testing. Defaults to time.time.

        """
        self._now = time_fn or time.time
        self.game_id: str | None = None
        self.admin_token: str | None = None  # Issue #386: REST admin auth
        self.phase: GamePhase = GamePhase.LOBBY
        self.playlists: list[str] = []
        self.songs: list[dict[str, Any]] = []
        self.media_player: str | None = None
        self.join_url: str | None = None
        # Issue #331: Party Lights service
        self._party_lights: PartyLightsProtocol | None = None
        self._bg_tasks: set[asyncio.Task] = set()  # Issue #391: prevent GC of fire-and-forget tasks

        # Issue #347: Player management delegated to PlayerRegistry
        self._player_registry = PlayerRegistry()

        # Backward-compatible access — other code still uses self.players directly
        # This will be tightened in future refactors

        # Round tracking (Epic 4)
        self.round: int = 0
        self.total_rounds: int = 0
        self.deadline: int | None = None
        self.current_song: dict[str, Any] | None = None
        self.last_round: bool = False

        # Pause tracking (Epic 4)
        self.pause_reason: str | None = None
        self._previous_phase: GamePhase | None = None

        # Services (Epic 4)
        self._playlist_manager: PlaylistManager | None = None
        self._media_player_service: MediaPlayerProtocol | None = None

        # Timer task for round expiry (Story 4.5)
        self._timer_task: asyncio.Task | None = None
        self._on_round_end: Callable[[], Awaitable[None]] | None = None

        # Round timing for speed bonus (Story 5.1)
        self.round_start_time: float | None = None
        self.round_duration: float = DEFAULT_ROUND_DURATION

        # Song stopped flag (Story 6.2)
        self.song_stopped: bool = False

        # Volume control (Story 6.4)
        self.volume_level: float = 0.5  # Default 50%

        # Admin disconnect tracking (Epic 7)
        self.disconnected_admin_name: str | None = None

        # Language setting (Epic 12)
        self.language: str = "en"

        # Difficulty setting (Story 14.1)
        self.difficulty: str = DIFFICULTY_DEFAULT

        # Provider setting (Story 17.2)
        self.provider: str = PROVIDER_DEFAULT

        # Platform identifier for playback routing (replaces is_mass)
        self.platform: str = "unknown"

        # Last error detail for diagnostics
        self.last_error_detail: str = ""

        # Round analytics (Story 13.3)
        self.round_analytics: RoundAnalytics | None = None

        # Stats service reference (Story 14.4)
        self._stats_service: StatsService | None = None

        # Issue #351: Power-up system (steals, bets, streak tracking)
        self._powerup_manager = PowerUpManager()

        # Story 18.9: Reaction rate limiting per reveal phase
        self._reactions_this_phase: set[str] = set()

        # Story 20.1 / Issue #28: Challenge state (artist + movie quiz)
        self._challenge_manager = ChallengeManager()

        # Issue #23: Intro mode state
        self.intro_mode_enabled: bool = False
        self.is_intro_round: bool = False  # Set per-round randomly
        self.intro_stopped: bool = False  # Track if 10s cutoff hit
        self._intro_stop_task: asyncio.Task | None = None
        self._rounds_since_intro: int = (
            0  # Track rounds without intro for guaranteed minimum
        )
        self._intro_round_start_time: float | None = (
            None  # Track round start for bonus calc
        )

        # Issue #42: Async metadata for fast transitions
        self.metadata_pending: bool = False
        self._metadata_task: asyncio.Task | None = None
        self._on_metadata_update: Callable[[dict[str, Any]], Awaitable[None]] | None = (
            None
        )

        # Story 20.9: Early reveal flag
        self._early_reveal: bool = False

        # Issue AF2-013: Lock to prevent concurrent score updates
        # Guards end_round() and _trigger_early_reveal() against race conditions
        # when multiple players submit simultaneously during early reveal check
        self._score_lock: asyncio.Lock = asyncio.Lock()

        # Issue #75: Game highlights reel
        self.highlights_tracker = HighlightsTracker()

        # Issue #292: Intro splash state
        self._intro_splash_shown: bool = False
        self._intro_splash_pending: bool = False
        self._intro_splash_deferred_song: dict | None = None
        self._intro_splash_hass: HomeAssistant | None = None

    async def end_game(self) -> None:
        """End the current game and reset state."""
        _LOGGER.info("Game ended: %s", self.game_id)
        self.cancel_timer()
        # Issue #331: Restore lights before resetting
        await self.disable_party_lights()
        self._reset_game_internals()
        self.game_id = None
        self.phase = GamePhase.LOBBY
        self.players = {}
        self.clear_all_sessions()
