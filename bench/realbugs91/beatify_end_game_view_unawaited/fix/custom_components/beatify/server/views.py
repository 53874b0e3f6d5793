"""HTTP views for Beatify admin interface."""

from __future__ import annotations

import hmac
import json
import logging
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from aiohttp import web
from homeassistant.components.http import HomeAssistantView

from custom_components.beatify.const import (
    DIFFICULTY_DEFAULT,
    DIFFICULTY_EASY,
    DIFFICULTY_HARD,
    DIFFICULTY_NORMAL,
    DOMAIN,
    PROVIDER_DEFAULT,
    PROVIDER_DEEZER,
    PROVIDER_SPOTIFY,
    PROVIDER_TIDAL,
    PROVIDER_YOUTUBE_MUSIC,
    ROUND_DURATION_MAX,
    ROUND_DURATION_MIN,
)
from homeassistant.helpers import entity_registry as er

from custom_components.beatify.game.playlist import async_discover_playlists
from custom_components.beatify.game.state import GamePhase, GameState
from custom_components.beatify.server.serializers import (
    build_game_status_response,
    build_state_message,
    build_status_response,
    get_game_state,
)
from custom_components.beatify.services.lights import PartyLightsService
from custom_components.beatify.services.media_player import (
    async_get_media_players,
    get_platform_capabilities,
)

if TYPE_CHECKING:
    from homeassistant.core import HomeAssistant

_LOGGER = logging.getLogger(__name__)

# Version is set here and bumped alongside manifest.json in release commits.
# We avoid reading manifest.json at runtime because HA imports custom components
# inside the event loop, and any file I/O (even at module level) triggers
# blocking call warnings in HA 2026.2+.
_VERSION = "3.0.3"


def _get_version() -> str:
    """Get the integration version."""
    return _VERSION


def _read_file(path: Path) -> str:
    """Read file contents (runs in executor)."""
    return path.read_text(encoding="utf-8")


_html_cache: dict[str, str] = {}


async def _get_html(hass: HomeAssistant, path: Path) -> str | None:
    """Read HTML file with in-memory caching."""
    key = str(path)
    if key in _html_cache:
        return _html_cache[key]
    if not path.exists():
        return None
    content = await hass.async_add_executor_job(_read_file, path)
    _html_cache[key] = content
    return content


def _verify_admin_token(request: web.Request, game_state: Any) -> bool:
    """Verify admin token from Authorization header or query param (#386).

    Accepts:
    - Header: Authorization: Bearer <token>
    - Query: ?admin_token=<token>
    """
    if not game_state or not game_state.admin_token:
        return False
    token = None
    auth = request.headers.get("Authorization", "")
    if auth.startswith("Bearer "):
        token = auth[7:]
    if not token:
        token = request.query.get("admin_token")
    if not token:
        return False
    return hmac.compare_digest(token, game_state.admin_token)


class StartGameView(HomeAssistantView):
    """Handle start game requests."""

    url = "/beatify/api/start-game"
    name = "beatify:api:start-game"
    requires_auth = False

    RATE_LIMIT_REQUESTS = 5
    RATE_LIMIT_WINDOW = 60  # seconds

    def __init__(self, hass: HomeAssistant) -> None:
        """Initialize view."""
        self.hass = hass
        self._rate_limits: dict[str, list[float]] = {}
        self._last_sweep: float = 0.0

    def _check_rate_limit(self, ip: str) -> bool:
        """Check if IP is within rate limit."""
        now = time.time()
        cutoff = now - self.RATE_LIMIT_WINDOW
        if now - self._last_sweep > 300:
            self._rate_limits = {
                k: [t for t in v if t > cutoff]
                for k, v in self._rate_limits.items()
                if any(t > cutoff for t in v)
            }
            self._last_sweep = now
        times = [t for t in self._rate_limits.get(ip, []) if t > cutoff]
        self._rate_limits[ip] = times
        if len(times) >= self.RATE_LIMIT_REQUESTS:
            return False
        times.append(now)
        return True

    async def post(self, request: web.Request) -> web.Response:  # noqa: PLR0911, PLR0912
        """Start a new game."""
        client_ip = request.remote or "unknown"
        if not self._check_rate_limit(client_ip):
            return web.json_response(
                {"error": "RATE_LIMITED", "message": "Too many requests"},
                status=429,
            )

        data = self.hass.data.get(DOMAIN, {})
        game_state = data.get("game")

        # Check for existing game
        if game_state and game_state.game_id:

            if game_state.phase == GamePhase.END:
                # Game is already finished — auto-clean state so a new game can start
                # without requiring the user to explicitly dismiss the end screen (#206)
                await game_state.end_game()
            else:
                return web.json_response(
                    {"error": "GAME_ALREADY_STARTED", "message": "End current game first"},
                    status=409,
                )

        try:
            body = await request.json()
        except Exception:  # noqa: BLE001
            return web.json_response(
                {"error": "INVALID_REQUEST", "message": "Invalid JSON"},
                status=400,
            )

        playlist_paths = body.get("playlists", [])
        media_player = body.get("media_player")
        language = body.get("language", "en")
        round_duration = body.get("round_duration")  # Story 13.1
        difficulty = body.get("difficulty", DIFFICULTY_DEFAULT)  # Story 14.1
        provider = body.get("provider", PROVIDER_DEFAULT)  # Story 17.2
        artist_challenge_enabled = body.get("artist_challenge_enabled", True)  # Story 20.7
        movie_quiz_enabled = body.get("movie_quiz_enabled", True)  # Issue #28
        intro_mode_enabled = body.get("intro_mode_enabled", False)  # Issue #23
        closest_wins_mode = body.get("closest_wins_mode", False)  # Issue #442
        party_lights_config = body.get("party_lights")  # Issue #331
        tts_config = body.get("tts")  # Issue #447

        # Validate difficulty (Story 14.1)
        valid_difficulties = (DIFFICULTY_EASY, DIFFICULTY_NORMAL, DIFFICULTY_HARD)
        if difficulty not in valid_difficulties:
            difficulty = DIFFICULTY_DEFAULT

        # Validate provider (Story 17.6: Spotify, YouTube Music, Tidal supported)
        valid_providers = (PROVIDER_SPOTIFY, PROVIDER_YOUTUBE_MUSIC, PROVIDER_TIDAL, PROVIDER_DEEZER)
        if provider not in valid_providers:
            provider = PROVIDER_DEFAULT

        # Validate round_duration if provided (Story 13.1)
        if round_duration is not None:
            try:
                round_duration = int(round_duration)
                if not (ROUND_DURATION_MIN <= round_duration <= ROUND_DURATION_MAX):
                    return web.json_response(
                        {
                            "error": "INVALID_REQUEST",
                            "message": (
                                f"Round duration must be between "
                                f"{ROUND_DURATION_MIN} and {ROUND_DURATION_MAX} seconds"
                            ),
                        },
                        status=400,
                    )
            except (ValueError, TypeError):
                return web.json_response(
                    {
                        "error": "INVALID_REQUEST",
                        "message": "Invalid round duration value",
                    },
                    status=400,
                )

        if not playlist_paths:
            return web.json_response(
                {"error": "INVALID_REQUEST", "message": "No playlists selected"},
                status=400,
            )

        if not media_player:
            return web.json_response(
                {"error": "INVALID_REQUEST", "message": "No media player selected"},
                status=400,
            )

        # Validate media player entity exists
        media_player_state = self.hass.states.get(media_player)
        if not media_player_state:
            return web.json_response(
                {"error": "INVALID_REQUEST", "message": "Media player not found"},
                status=400,
            )
        if media_player_state.state == "unavailable":
            return web.json_response(
                {"error": "INVALID_REQUEST", "message": "Media player is unavailable"},
                status=400,
            )

        # Load and validate playlists
        songs: list[dict[str, Any]] = []
        warnings: list[str] = []
        playlist_dir = Path(self.hass.config.path("beatify/playlists"))

        for playlist_path in playlist_paths:
            try:
                full_path = playlist_dir / playlist_path
                # Security: Prevent path traversal attacks
                try:
                    full_path = full_path.resolve()
                    if not full_path.is_relative_to(playlist_dir.resolve()):
                        warnings.append(f"Invalid playlist path: {playlist_path}")
                        continue
                except ValueError:
                    warnings.append(f"Invalid playlist path: {playlist_path}")
                    continue

                if not full_path.exists():
                    warnings.append(f"Playlist not found: {playlist_path}")
                    continue

                # Read file in executor to avoid blocking event loop
                file_content = await self.hass.async_add_executor_job(_read_file, full_path)
                playlist_data = json.loads(file_content)

                for song in playlist_data.get("songs", []):
                    has_uri = any(
                        song.get(k)
                        for k in ("uri", "uri_spotify", "uri_youtube_music", "uri_tidal", "uri_deezer", "uri_apple_music")
                    )
                    if "year" in song and has_uri:
                        tagged = dict(song)
                        tagged["_playlist_source"] = playlist_path
                        songs.append(tagged)
                    else:
                        warnings.append(f"Invalid song in {playlist_path}: missing year or uri")

            except Exception as err:  # noqa: BLE001
                warnings.append(f"Failed to load {playlist_path}: {err}")

        if not songs:
            return web.json_response(
                {
                    "error": "INVALID_REQUEST",
                    "message": "No valid songs found in selected playlists",
                },
                status=400,
            )

        # Get base URL for join URL construction (from request URL)
        base_url = self._get_base_url(request)

        # Initialize game state if needed
        if not game_state:
            game_state = GameState()
            self.hass.data[DOMAIN]["game"] = game_state
            # Connect stats service if available (Story 14.4)
            stats_service = self.hass.data.get(DOMAIN, {}).get("stats")
            if stats_service:
                game_state.set_stats_service(stats_service)

        # Detect platform and validate compatibility (resolves #38, #39)

        ent_reg = er.async_get(self.hass)
        entity_entry = ent_reg.async_get(media_player)
        platform = entity_entry.platform if entity_entry else "unknown"

        # Validate platform is supported
        capabilities = get_platform_capabilities(platform)
        if not capabilities.get("supported"):
            return web.json_response(
                {
                    "error": "UNSUPPORTED_PLAYER",
                    "message": capabilities.get("reason", "This player type is not supported"),
                },
                status=400,
            )

        # Validate provider is supported by platform
        if provider == "apple_music" and not capabilities.get("apple_music"):
            return web.json_response(
                {
                    "error": "PROVIDER_NOT_SUPPORTED",
                    "message": "Apple Music is not supported on this speaker. Use Music Assistant.",
                },
                status=400,
            )

        if provider == PROVIDER_YOUTUBE_MUSIC and not capabilities.get("youtube_music"):
            return web.json_response(
                {
                    "error": "PROVIDER_NOT_SUPPORTED",
                    "message": "YouTube Music is not supported on this speaker. Use Music Assistant.",
                },
                status=400,
            )

        if provider == PROVIDER_TIDAL and not capabilities.get("tidal"):
            return web.json_response(
                {
                    "error": "PROVIDER_NOT_SUPPORTED",
                    "message": "Tidal is not supported on this speaker. Use Music Assistant.",
                },
                status=400,
            )

        if provider == PROVIDER_DEEZER and not capabilities.get("deezer"):
            return web.json_response(
                {
                    "error": "PROVIDER_NOT_SUPPORTED",
                    "message": "Deezer is not supported on this speaker. Use Music Assistant.",
                },
                status=400,
            )

        # Build create_game kwargs with optional round_duration (Story 13.1),
        # difficulty (Story 14.1), provider (Story 17.2), platform,
        # and artist_challenge_enabled (Story 20.7)
        create_kwargs: dict[str, Any] = {
            "playlists": playlist_paths,
            "songs": songs,
            "media_player": media_player,
            "base_url": base_url,
            "difficulty": difficulty,
            "provider": provider,
            "platform": platform,
            "artist_challenge_enabled": artist_challenge_enabled,  # Story 20.7
            "movie_quiz_enabled": movie_quiz_enabled,  # Issue #28
            "intro_mode_enabled": intro_mode_enabled,  # Issue #23
            "closest_wins_mode": closest_wins_mode,  # Issue #442
        }
        if round_duration is not None:
            create_kwargs["round_duration"] = round_duration

        result = game_state.create_game(**create_kwargs)
        result["warnings"] = warnings
        result["admin_token"] = game_state.admin_token  # Issue #386: for REST admin auth

        # Record game start time for analytics (Story 19.1)
        stats_service = data.get("stats")
        if stats_service:
            stats_service.record_game_start()

        # Set game language (Story 12.4, 16.3)
        if language in ("en", "de", "es", "fr", "nl"):
            game_state.language = language

        # Issue #331/#517: Configure Party Lights if enabled
        if party_lights_config and party_lights_config.get("enabled"):
            pl_entities = party_lights_config.get("entity_ids", [])
            pl_intensity = party_lights_config.get("intensity", "medium")
            pl_light_mode = party_lights_config.get("light_mode", "dynamic")
            pl_wled_presets = party_lights_config.get("wled_presets")
            if pl_entities:
                await game_state.configure_party_lights(
                    pl_entities, pl_intensity, pl_light_mode, pl_wled_presets
                )

        # Issue #447: Configure TTS if enabled
        if tts_config and tts_config.get("enabled"):
            tts_entity_id = tts_config.get("entity_id", "")
            if tts_entity_id:
                tts_announce_game_start = tts_config.get(
                    "announce_game_start", True
                )
                tts_announce_winner = tts_config.get("announce_winner", True)
                await game_state.configure_tts(
                    tts_entity_id,
                    announce_game_start=tts_announce_game_start,
                    announce_winner=tts_announce_winner,
                )
                await game_state.announce_game_start()

        # Broadcast to WebSocket clients
        ws_handler = data.get("ws_handler")
        if ws_handler:
            state_msg = build_state_message(game_state)
            if state_msg:
                await ws_handler.broadcast(state_msg)

        return web.json_response(result)

    def _get_base_url(self, request: web.Request) -> str:
        """Get base URL for join URL construction from request."""
        # Use the request URL - this is what the user actually used to access the app
        url = request.url
        return f"{url.scheme}://{url.host}:{url.port}" if url.port else f"{url.scheme}://{url.host}"


class EndGameView(HomeAssistantView):
    """Handle end game requests."""

    url = "/beatify/api/end-game"
    name = "beatify:api:end-game"
    requires_auth = False

    def __init__(self, hass: HomeAssistant) -> None:
        """Initialize view."""
        self.hass = hass

    async def post(self, request: web.Request) -> web.Response:
        """End the current game."""
        data = self.hass.data.get(DOMAIN, {})
        game_state = data.get("game")

        if not game_state or not game_state.game_id:
            return web.json_response(
                {"error": "GAME_NOT_STARTED", "message": "No active game"},
                status=404,
            )

        if not _verify_admin_token(request, game_state):
            return web.json_response(
                {"error": "UNAUTHORIZED", "message": "Admin token required"},
                status=403,
            )

        await game_state.end_game()

        # Broadcast game_ended to WebSocket clients so players clean up properly
        ws_handler = data.get("ws_handler")
        if ws_handler:
            await ws_handler.broadcast({"type": "game_ended"})
            await ws_handler.broadcast_state()

        return web.json_response({"success": True})
