# -*- coding: utf-8 -*-
"""This module contains the implementation of the ledger API request dispatcher."""

import asyncio
import time
import logging
from typing import Any, cast

from aea.connections.base import ConnectionStates
from aea.crypto.base import LedgerApi
from aea.helpers.transaction.base import RawTransaction, State, TransactionDigest
from aea.protocols.base import Address, Message
from aea.protocols.dialogue.base import Dialogue as BaseDialogue
from aea.protocols.dialogue.base import Dialogues as BaseDialogues

from packages.valory.connections.ledger.base import RequestDispatcher
from packages.valory.protocols.ledger_api.custom_types import (
    TransactionDigests,
    TransactionReceipt,
)
from packages.valory.protocols.ledger_api.dialogues import (
    LedgerApiDialogue,
)
from packages.valory.protocols.ledger_api.message import LedgerApiMessage

_default_logger = logging.getLogger(
    "aea.packages.valory.connections.ledger.ledger_dispatcher"
)

MAX_RETRY_DELAY = 60.0


class LedgerApiRequestDispatcher(RequestDispatcher):
    """Implement ledger API request dispatcher."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        """Initialize the dispatcher."""
        logger = kwargs.pop("logger", None)
        logger = logger if logger is not None else _default_logger
        super().__init__(logger, *args, **kwargs)

    async def get_transaction_receipt(
        self,
        api: LedgerApi,
        message: LedgerApiMessage,
        dialogue: LedgerApiDialogue,
    ) -> LedgerApiMessage:
        """
        Send the request 'get_transaction_receipt'.

        NOTE: Under no circumstance can async methods block!
        All possible methods that can block here, should be run async.
        """
        retry_attempts = (
            self.retry_attempts
            if message.retry_attempts is None
            else message.retry_attempts
        )
        retry_timeout = (
            self.retry_timeout
            if message.retry_timeout is None
            else message.retry_timeout
        )

        transaction_receipt = None
        attempts = 0
        while (
            transaction_receipt is None
            and attempts < retry_attempts
            and self.connection_state.get() == ConnectionStates.connected
        ):
            try:
                transaction_receipt = await self.wait_for(
                    lambda: api.get_transaction_receipt(
                        message.transaction_digest.body,
                        raise_on_try=True,
                    ),
                    timeout=retry_timeout,
                )
            except Exception as e:  # pylint: disable=broad-except
                self.logger.warning("%s: %s", type(e).__name__, e)
                transaction_receipt = None

            attempts += 1
            time.sleep(min(retry_timeout * attempts, MAX_RETRY_DELAY))
        self.logger.debug(f"Transaction receipt: {transaction_receipt}")

        attempts = 0
        transaction = None
        while (
            transaction is None
            and attempts < retry_attempts
            and self.connection_state.get() == ConnectionStates.connected
        ):
            try:
                transaction = await self.wait_for(
                    lambda: api.get_transaction(
                        message.transaction_digest.body,
                        raise_on_try=True,
                    ),
                    timeout=retry_timeout,
                )
            except Exception as e:  # pylint: disable=broad-except
                self.logger.warning("%s: %s", type(e).__name__, e)
                transaction = None

            attempts += 1
            time.sleep(min(retry_timeout * attempts, MAX_RETRY_DELAY))
        self.logger.debug(f"Transaction: {transaction}")

        if transaction_receipt is None:  # pragma: nocover
            response = self.get_error_message(
                ValueError("No transaction_receipt returned"), api, message, dialogue
            )
        elif transaction is None:
            response = self.get_error_message(
                ValueError("No transaction returned"), api, message, dialogue
            )
        else:
            response = cast(
                LedgerApiMessage,
                dialogue.reply(
                    performative=LedgerApiMessage.Performative.TRANSACTION_RECEIPT,
                    target_message=message,
                    transaction_receipt=TransactionReceipt(
                        message.transaction_digest.ledger_id,
                        transaction_receipt,
                        transaction,
                    ),
                ),
            )
        return response

    def get_error_message(
        self,
        exception: Exception,
        api: LedgerApi,
        message: Message,
        dialogue: BaseDialogue,
    ) -> LedgerApiMessage:
        """Build an error message."""
        message = cast(LedgerApiMessage, message)
        dialogue = cast(LedgerApiDialogue, dialogue)
        response = cast(
            LedgerApiMessage,
            dialogue.reply(
                performative=LedgerApiMessage.Performative.ERROR,
                target_message=message,
                code=500,
                message=str(exception),
                data=b"",
            ),
        )
        return response
