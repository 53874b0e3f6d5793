import asyncio


async def get_location_data_for_device(canonic_device_id, name):
    """Get location data for device - HA-compatible async version."""

    import logging
    logger = logging.getLogger(__name__)
    logger.info(f"GoogleFindMyTools: Requesting location data for {name}...")

    try:
        # Generate request UUID
        request_uuid = generate_random_uuid()
        location_event = asyncio.Event()
        location_data = []

        def location_callback(response_canonic_id, hex_response):
            location_data.extend(decrypt_location_response_locations(hex_response))
            location_event.set()

        await register_location_callback(canonic_device_id, location_callback)
        await nova_request_async(create_location_request(canonic_device_id, request_uuid))
        await asyncio.wait_for(location_event.wait(), timeout=30)
        return location_data
    except asyncio.TimeoutError:
        logger.warning(f"GoogleFindMyTools: Timeout waiting for location data for {name}")
        return []
