import asyncio
from datetime import datetime
from typing import List, Optional

from ignis import utils, widgets

# Reuse helpers + data fetcher from weather_data.py
from .weather_data import fetch_weather_async, format_time_hm, icon_path

# Same TTL as in weather_data
CACHE_TTL = 600


class WeatherPopup(widgets.Window):
    """GNOME-style centered popup (UI only, uses weather_data)."""

    def __init__(self):
        # ── Top info: big icon + city + temp ────────────────────────
        self._icon_label = widgets.Icon(
            image=icon_path("cloudy"),  # fallback before data loads
            pixel_size=56,
            css_classes=["weather-main-icon"],
        )
        self._city_label = widgets.Label(label="—", css_classes=["weather-city"])
        self._temp_label = widgets.Label(label="--°C", css_classes=["weather-temp"])
        self._desc_label = widgets.Label(label="—", css_classes=["weather-desc"])
        self._extra_label = widgets.Label(label="—", css_classes=["weather-extra"])

        self._last_data: Optional[dict] = None
        utils.Poll(CACHE_TTL * 1000, lambda *_: self._update_weather())

    # ── Public API (used by bar widget) ─────────────────────────────

    def toggle(self):
        if not self.visible:
            self.visible = True
            self._update_weather()
            utils.Timeout(10, lambda: setattr(self._revealer, "reveal_child", True))
        else:
            self._revealer.reveal_child = False
            utils.Timeout(
                self._revealer.transition_duration,
                lambda: setattr(self, "visible", False),
            )

    def get_last_data(self):
        return self._last_data

    # ── Internal plumbing ──────────────────────────────────────────

    def _update_weather(self):
        asyncio.create_task(self._update_weather_async())
        return True

    async def _update_weather_async(self):
        data = await fetch_weather_async()
        if not data:
            return

        self._last_data = data

        # Header data
        self._icon_label.image = data["icon"]
        self._city_label.label = data["city"]
        self._temp_label.label = f"{data['temp']}°C"
        self._desc_label.label = data["desc"]
        self._extra_label.label = (
            f"Feels like {data['feels_like']}°C  •  "
            f"Humidity {data['humidity']}%  •  "
            f"Wind {data['wind']:.1f} m/s"
        )


# ── Singleton API used by bar widget ──────────────────────────────

_weather_popup: Optional[WeatherPopup] = None


def get_weather_popup() -> WeatherPopup:
    global _weather_popup
    if _weather_popup is None:
        _weather_popup = WeatherPopup()
    return _weather_popup


def toggle_weather_popup():
    get_weather_popup().toggle()
