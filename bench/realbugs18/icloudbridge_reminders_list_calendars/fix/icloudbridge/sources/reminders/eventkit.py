"""EventKit adapter for interfacing with Apple Reminders.app."""

import asyncio
import logging
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

import EventKit
from EventKit import (
    EKAlarm,
    EKEntityTypeReminder,
    EKEventStore,
    EKRecurrenceDayOfWeek,
    EKRecurrenceEnd,
    EKRecurrenceFrequency,
    EKRecurrenceFrequencyDaily,
    EKRecurrenceFrequencyWeekly,
    EKRecurrenceFrequencyMonthly,
    EKRecurrenceFrequencyYearly,
    EKRecurrenceRule,
    EKReminder,
)

from icloudbridge.utils.datetime_utils import safe_fromtimestamp

logger = logging.getLogger(__name__)


@dataclass
class ReminderCalendar:
    """Represents a calendar/list in Apple Reminders.app."""

    uuid: str
    title: str
    reminder_count: int = 0


class RemindersAdapter:
    """Adapter for interfacing with Apple Reminders via EventKit."""

    # Class-level shared EventKit store to avoid hitting Apple's instance limit
    _shared_store: EKEventStore | None = None
    _access_granted: bool = False
    _store_lock = asyncio.Lock()

    def __init__(self):
        """Initialize the EventKit store (reuses shared instance)."""
        # Use the shared store instance to avoid creating too many EKEventStore instances
        # Apple limits the number of EKEventStore instances per process
        if RemindersAdapter._shared_store is None:
            RemindersAdapter._shared_store = EKEventStore.alloc().init()
            logger.debug("Created shared EKEventStore instance")

        self.store = RemindersAdapter._shared_store

    @classmethod
    def reset_shared_store(cls) -> None:
        """Reset the shared EventKit store. Useful for cleanup or testing."""
        cls._shared_store = None
        cls._access_granted = False
        logger.debug("Reset shared EKEventStore instance")

    async def request_access(self) -> bool:
        """Request access to Reminders. Returns True if granted."""
        if RemindersAdapter._access_granted:
            return True

        # Create a future to wait for the callback
        loop = asyncio.get_event_loop()
        future = loop.create_future()

        def callback(granted: bool, error: Any) -> None:
            if not future.done():
                # Call from ObjC thread - must use call_soon_threadsafe
                def set_result():
                    if granted:
                        logger.info("EventKit access to Reminders granted")
                        future.set_result(True)
                    else:
                        logger.error(f"EventKit access denied: {error}")
                        future.set_result(False)

                loop.call_soon_threadsafe(set_result)

        self.store.requestFullAccessToRemindersWithCompletion_(callback)

        # Wait for callback to complete
        RemindersAdapter._access_granted = await future
        return RemindersAdapter._access_granted

    async def list_calendars(self) -> list[ReminderCalendar]:
        """List all reminder calendars/lists."""
        if not RemindersAdapter._access_granted:
            await self.request_access()

        calendars = self.store.calendarsForEntityType_(EKEntityTypeReminder)
        result = []

        for cal in calendars:
            result.append(
                ReminderCalendar(
                    uuid=cal.calendarIdentifier(),
                    title=cal.title(),
                )
            )

        logger.info(f"Found {len(result)} reminder calendars")
        return result

    async def get_reminders(
        self, calendar_id: str | None = None, calendar_name: str | None = None
    ) -> list[EventKitReminder]:
        """
        Get all reminders from a specific calendar.

        Args:
            calendar_id: Calendar UUID to fetch from
            calendar_name: Calendar name to fetch from (alternative to calendar_id)

        Returns:
            List of EventKitReminder objects
        """
        if not RemindersAdapter._access_granted:
            await self.request_access()

        # Find the calendar
        calendars = self.store.calendarsForEntityType_(EKEntityTypeReminder)

        target_calendar = None
        if calendar_id:
            for cal in calendars:
                if cal.calendarIdentifier() == calendar_id:
                    target_calendar = cal
                    break
        elif calendar_name:
            for cal in calendars:
                if cal.title() == calendar_name:
                    target_calendar = cal
                    break

        if not target_calendar:
            logger.warning(f"Calendar not found: {calendar_id or calendar_name}")
            return []

        # Create predicate for fetching reminders
        predicate = self.store.predicateForRemindersInCalendars_([target_calendar])

        # Create future for async fetch
        loop = asyncio.get_event_loop()
        future = loop.create_future()

        def fetch_callback(reminders: list) -> None:
            if not future.done():
                # Call from ObjC thread - must use call_soon_threadsafe
                loop.call_soon_threadsafe(future.set_result, reminders)

        self.store.fetchRemindersMatchingPredicate_completion_(predicate, fetch_callback)

        # Wait for fetch to complete
        ek_reminders = await future

        # Convert to our dataclass format
        result = []
        for r in ek_reminders:
            result.append(self._convert_from_eventkit(r))

        logger.info(
            f"Fetched {len(result)} reminders from calendar '{target_calendar.title()}'"
        )
        return result
