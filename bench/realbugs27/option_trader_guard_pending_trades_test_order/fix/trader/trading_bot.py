import asyncio
import math
import re
import sys
import time
import logging
from datetime import date, datetime
from typing import Optional, List, Union, Dict, Any

from ib_insync import IB, LimitOrder, MarketOrder, StopOrder, Contract, Position, Trade, Ticker

from utilities.ib_utils import SellOptionResult, MINIMAL_SELL_PRICE
from utilities.utils import *

from .market_data_fetcher import MarketDataFetcher
from .account_data import AccountData
from .connection_manager import ConnectionManager

logger = logging.getLogger(__name__)

MAIN_MINIMAL_SAFE_CUSHION = 0.0
LATE_MINIMAL_SAFE_CUSHION = 0.0
SAFETY_MARGIN = 1000.0

class TradingBot:
    """
    Singleton manager for high-level trading operations.
    Handles position management, order placement, and margin checks.
    """
    _instance: Optional['TradingBot'] = None

    def __new__(cls) -> 'TradingBot':
        if cls._instance is None:
            cls._instance = super(TradingBot, cls).__new__(cls)
            cls._instance._initialized = False
        return cls._instance

    def __init__(self) -> None:
        if self._initialized:
            return
            
        self.ib = ConnectionManager().ib
        self.market_data_fetcher = MarketDataFetcher()
        self.account_data = AccountData()

        self.req_all_open_orders_lock = asyncio.Lock()
        self.req_positions_lock = asyncio.Lock()
        self.last_request_positions_time = 0.0
        self.last_request_all_open_trades_time = 0.0
        self.price_increments: List[Any] = []
        
        logger.info("TradingBot singleton initialized.")
        self._initialized = True

    def cancel_order(self, order: Union[LimitOrder, MarketOrder, StopOrder]) -> Trade:
        """Cancels an order and invalidates the open trades cache."""
        trade = self.ib.cancelOrder(order)
        logger.info(f"Status of cancel: {trade.orderStatus.status}")
        self.last_request_all_open_trades_time = 0.0
        return trade

    def cancel_trade(self, trade: Trade) -> Trade:
        """Helper to cancel a Trade's underlying order."""
        return self.cancel_order(trade.order)

    async def test_order(self, option: Contract, number_of_options: float, limit: float) -> SellOptionResult:
        """Performs a what-if order check to validate margin impact."""
        assert number_of_options > 0
        logger.debug(f"Checking {option.right} {option.strike} for {number_of_options} options")

        order = LimitOrder('SELL', number_of_options, limit, whatIf=True, account=MY_ACCOUNT,
                           usePriceMgmtAlgo=False, outsideRth=True, tif='GTC')

        result = SellOptionResult()
        order_state = await self.ib.whatIfOrderAsync(option, order)
        
        if not hasattr(order_state, 'equityWithLoanAfter') or float(order_state.equityWithLoanAfter) == sys.float_info.max:
            logger.error("What-if check failed: invalid data or market closed.")
            return result

        init_margin_after = float(order_state.initMarginAfter)
        previous_day_equity = await self.account_data.get_previous_day_equity_with_loan()
        
        if (init_margin_after + SAFETY_MARGIN) >= previous_day_equity:
            return result

        maint_margin_after = float(order_state.maintMarginAfter)
        net_liq = await self.account_data.get_net_liquidation_value()
        maint_req = await self.account_data.get_margin_maintenance_requirement()
        
        current_cushion = (net_liq - maint_req) / net_liq
        projected_cushion = (net_liq - maint_margin_after) / net_liq
        
        if projected_cushion < self.calculate_minimal_safe_cushion(current_cushion):
            result.is_low_projected_cushion = True
            return result

        result.success = True
        return result

    def calculate_minimal_safe_cushion(self, current_cushion: float) -> float:
        """Returns the minimal safe cushion based on the time of day."""
        return LATE_MINIMAL_SAFE_CUSHION if is_reduced_safe_cushion_time() else MAIN_MINIMAL_SAFE_CUSHION
