# pylint: disable=bad-continuation
"""
Module for Dijnet controller.
"""

import json
import logging
import re
from datetime import datetime, timedelta, date
from os import makedirs, path, remove
from typing import Any, Dict, List, Optional

import yaml
from homeassistant.helpers.typing import HomeAssistantType
from homeassistant.util import Throttle, slugify
from pyquery import PyQuery as pq
from pyquery.pyquery import PyQuery

from .const import DATA_CONTROLLER, DOMAIN
from .dijnet_session import DijnetSession

_LOGGER = logging.getLogger(__name__)

MIN_DATE = "1990-01-01"
DATE_FORMAT = "%Y.%m.%d"
MIN_TIME_BETWEEN_UPDATES = timedelta(hours=3)
MIN_TIME_BETWEEN_ISSUER_UPDATES = timedelta(days=1)
PAID_INVOICES_FILENAME = ".dijnet_paid_invoices_{0}.yaml"
REGISTRY_FILENAME = ".dijnet_registry_{0}.yaml"
ATTR_REGISTRY_NEXT_QUERY_DATE = "next_query_date"


class DijnetController:
    """
    Responsible for providing data from Dijnet website.
    """

    def __init__(
        self,
        username: str,
        password: str,
        download_dir: str = None,
        encashment_reported_as_paid_after_deadline: bool = False,
    ):
        """
        Initialize a new instance of DijnetController class.
        """
        self._username = username
        self._password = password
        self._download_dir = download_dir
        self._encashment_reported_as_paid_after_deadline = (
            encashment_reported_as_paid_after_deadline
        )
        self._registry: Dict[str, str] = None
        self._unpaid_invoices: List[Invoice] = []
        self._paid_invoices: List[Invoice] = []
        self._issuers: List[InvoiceIssuer] = []

    async def get_unpaid_invoices(self) -> List[Invoice]:
        """
        Gets the list of unpaid invoices.
        """
        await self.update_invoices()
        return self._unpaid_invoices

    @Throttle(MIN_TIME_BETWEEN_UPDATES)
    async def update_invoices(self):
        """
        Updates the invoice lists.
        """
        _LOGGER.debug("Updating invoices.")

        if self._registry is None:
            self._initialize_registry_and_unpaid_invoices()

        async with DijnetSession() as session:
            await session.get_root_page()

            if not await session.post_login(self._username, self._password):
                return

            from_date = self._registry[ATTR_REGISTRY_NEXT_QUERY_DATE]
            to_date = datetime.now().date().isoformat()

            await session.get_main_page()

    def _initialize_registry_and_unpaid_invoices(self):
        paid_invoices = None
        registry = None
        paid_invoices_filename = get_paid_invoices_filename(self._username)
        registry_filename = get_registry_filename(self._username)
        try:
            _LOGGER.debug('Loading registry from "%s"', registry_filename)
            with open(registry_filename) as file:
                registry = yaml.safe_load(file)

            if isinstance(registry[ATTR_REGISTRY_NEXT_QUERY_DATE], datetime):
                registry[ATTR_REGISTRY_NEXT_QUERY_DATE] = (
                    registry[ATTR_REGISTRY_NEXT_QUERY_DATE].date().isoformat()
                )
            elif isinstance(registry[ATTR_REGISTRY_NEXT_QUERY_DATE], date):
                registry[ATTR_REGISTRY_NEXT_QUERY_DATE] = registry[
                    ATTR_REGISTRY_NEXT_QUERY_DATE
                ].isoformat()

            paid_invoices = []
            _LOGGER.debug('Loading invoices from "%s"', paid_invoices_filename)
            with open(paid_invoices_filename) as file:
                data = yaml.safe_load(file)
                for paid_invoice_dict in data:
                    try:
                        paid_invoices.append(PaidInvoice.from_dictionary(paid_invoice_dict))
                    # pylint: disable=broad-except
                    except Exception as exception:
                        _LOGGER.warning("Invalid paid invoice data: %s", exception)
        except FileNotFoundError:
            _LOGGER.debug('"%s" or "%s" not found.', paid_invoices_filename, registry_filename)
            paid_invoices = []
            registry = {ATTR_REGISTRY_NEXT_QUERY_DATE: MIN_DATE}

        self._paid_invoices = paid_invoices
        self._registry = registry


def get_paid_invoices_filename(username: str) -> str:
    return PAID_INVOICES_FILENAME.format(slugify(username))


def get_registry_filename(username: str) -> str:
    return REGISTRY_FILENAME.format(slugify(username))
