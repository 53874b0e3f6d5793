"""API wrapper for Google Find My Device."""
from __future__ import annotations

import asyncio
import logging
from typing import Any

from custom_components.googlefindmy.Auth.token_cache import save_oauth_token, load_oauth_token
from custom_components.googlefindmy.NovaApi.ListDevices.nbe_list_devices import request_device_list
from custom_components.googlefindmy.NovaApi.ExecuteAction.LocateTracker.location_request import get_location_data_for_device
from custom_components.googlefindmy.NovaApi.ExecuteAction.PlaySound.start_sound_request import start_sound_request
from custom_components.googlefindmy.NovaApi.nova_request import nova_request
from custom_components.googlefindmy.NovaApi.scopes import NOVA_ACTION_API_SCOPE
from custom_components.googlefindmy.ProtoDecoders.decoder import parse_device_list_protobuf, get_canonic_ids, get_devices_with_location
# Import FcmReceiver lazily to avoid protobuf conflicts

_LOGGER = logging.getLogger(__name__)


class GoogleFindMyAPI:
    """API wrapper for Google Find My Device."""

    def __init__(self, oauth_token: str = None, google_email: str = None, secrets_data: dict = None) -> None:
        """Initialize the API wrapper."""
        if secrets_data:
            # Use secrets.json data from original GoogleFindMyTools
            self._initialize_from_secrets(secrets_data)
        else:
            # Use individual tokens
            self.oauth_token = oauth_token
            self.google_email = google_email
            # Cache the token and email in memory to avoid file I/O
            from custom_components.googlefindmy.Auth.token_cache import set_memory_cache
            from custom_components.googlefindmy.Auth.username_provider import username_string
            
            # Create memory cache with individual tokens
            cache_data = {
                "oauth_token": oauth_token,
                username_string: google_email
            }
            set_memory_cache(cache_data)
    
    def _initialize_from_secrets(self, secrets_data: dict) -> None:
        """Initialize from secrets.json data."""
        from custom_components.googlefindmy.Auth.username_provider import username_string
        from custom_components.googlefindmy.Auth.token_cache import set_memory_cache
        
        # Store secrets data in memory cache to avoid file I/O in event loop
        enhanced_data = secrets_data.copy()
        
        # Extract common values
        self.google_email = secrets_data.get('username', secrets_data.get('Email'))
        
        # Store username for later use
        if self.google_email:
            enhanced_data[username_string] = self.google_email
            
        # Set the memory cache for the token system to use
        set_memory_cache(enhanced_data)
    
    def get_basic_device_list(self) -> list[dict[str, Any]]:
        """Get list of Find My devices without location data (for config flow)."""
        try:
            result_hex = request_device_list()
            device_list = parse_device_list_protobuf(result_hex)
            canonic_ids = get_canonic_ids(device_list)
            
            devices = []
            for device_name, canonic_id in canonic_ids:
                devices.append({
                    "name": device_name,
                    "id": canonic_id,
                    "device_id": canonic_id,
                })
            
            return devices
        except Exception as err:
            _LOGGER.error("Failed to get basic device list: %s", err)
            raise

    def get_device_location(self, device_id: str, device_name: str) -> dict[str, Any]:
        """Get location data for a specific device using individual request."""
        try:
            _LOGGER.info(f"API v3.0: Requesting location for device {device_name} ({device_id})")
            
            # Use the original location request approach
            _LOGGER.info(f"DEBUG: About to call get_location_data_for_device for {device_name}")
            # Runs in an executor thread: drive the coroutine to completion here
            location_data = asyncio.run(get_location_data_for_device(device_id, device_name))
            _LOGGER.info(f"DEBUG: get_location_data_for_device returned: {location_data}")
            
            if location_data and len(location_data) > 0:
                _LOGGER.info(f"API v3.0: Got {len(location_data)} location records for {device_name}")
                # Return the most recent location
                return location_data[0]
            else:
                _LOGGER.warning(f"API v3.0: No location data returned for {device_name}")
                return {}
                
        except Exception as err:
            _LOGGER.error("Failed to get location for device %s (%s): %s", device_name, device_id, err)
            import traceback
            _LOGGER.error("Traceback: %s", traceback.format_exc())
            return {}

    async def async_get_device_location(self, device_id: str, device_name: str) -> dict[str, Any]:
        """Get location data for a specific device using async HA-compatible request."""
        try:
            _LOGGER.info(f"API v3.0 Async: Requesting location for device {device_name} ({device_id})")
            
            # Use the async location request approach
            location_data = await get_location_data_for_device(device_id, device_name)
            
            if location_data and len(location_data) > 0:
                _LOGGER.info(f"API v3.0 Async: Got {len(location_data)} location records for {device_name}")
                # Return the most recent location
                return location_data[0]
            else:
                _LOGGER.warning(f"API v3.0 Async: No location data returned for {device_name}")
                return {}
                
        except Exception as err:
            _LOGGER.error("Failed to get async location for device %s (%s): %s", device_name, device_id, err)
            import traceback
            _LOGGER.error("Traceback: %s", traceback.format_exc())
            return {}

    def locate_device(self, device_id: str) -> dict[str, Any]:
        """Get location data for a device."""
        try:
            # Find device name from ID (simplified for now)
            device_name = device_id  # This should be improved
            return self.get_device_location(device_id, device_name)
        except Exception as err:
            _LOGGER.error("Failed to locate device %s: %s", device_id, err)
            raise
