import math
import asyncio

from utilities.utils import *

from .max_loss_calculator import calculate_max_loss
from .opportunity_explorer import OpportunityExplorer, calculate_max_options_for_market_drop, \
    calculate_max_options_for_market_rise
from .trading_bot import TradingBot
from .positions_manager import PositionsManager
from .connection_manager import ConnectionManager
from .market_data_fetcher import MarketDataFetcher
from .target_delta_calculator import TargetDeltaCalculator


logger = logging.getLogger(__name__)
OPEN_ORDER_EXPIRATION_TIME = timedelta(hours=1)


class OptionTrader:
    def __init__(self):
        # Accessing singleton instances
        self.connection_manager = ConnectionManager()
        self.ib = self.connection_manager.ib
        self.trading_bot = TradingBot()
        self.opportunity_explorer = OpportunityExplorer()
        self.positions_manager = PositionsManager()
        self.market_data_fetcher = MarketDataFetcher()
        self.target_delta_calculator = TargetDeltaCalculator()
        self.connection_failure_start_time = None
        self.config = {}

    async def guard_pending_trades(self):
        logger.info("Checking pending trades")
        positions, open_trades = await asyncio.gather(
            self.trading_bot.get_short_options(should_use_cache=False),
            self.trading_bot.get_open_trades()
        )
        open_sell_trades = [trade for trade in open_trades if trade.order.action.upper() == 'SELL']
        logger.info(f"Number of open sell trades: {len(open_sell_trades)}")
        target_delta = await self.target_delta_calculator.calculate_target_delta()
        logger.info(f"Target delta: {target_delta:.3f}")
        for open_sell_trade in open_sell_trades:
            logger.info(f"Working on open sell trade of option {get_option_name(open_sell_trade.contract)}")
            if open_sell_trade.log and open_sell_trade.log[0].status == 'Submitted':
                submission_entry = open_sell_trade.log[0]
                timezone = submission_entry.time.tzinfo
                if datetime.now(timezone) - submission_entry.time > OPEN_ORDER_EXPIRATION_TIME:
                    logger.info(
                        f"Cancelling sell of {get_option_name(open_sell_trade.contract)} since it has not been filled for the past hour")
                    self.trading_bot.cancel_trade(open_sell_trade)
                    continue

            option = open_sell_trade.contract
            model_greeks = option.ticker.modelGreeks
            if model_greeks and model_greeks.delta and abs(model_greeks.delta) > target_delta:
                logger.info(
                    f"Cancelling sell of {get_option_name(open_sell_trade.contract)} since the delta ({abs(model_greeks.delta):.2f}) is lower than the target delta ({target_delta:.3f})")
                self.trading_bot.cancel_trade(open_sell_trade)
                continue

            remaining = open_sell_trade.remaining()
            if remaining and (self.opportunity_explorer.should_cancel_all_sell_orders or is_after_hours()):
                # Fix: Added await for async test_order
                result = await self.trading_bot.test_order(open_sell_trade.contract, remaining, open_sell_trade.order.lmtPrice)
                if result.is_low_projected_cushion:
                    logger.info(
                        f"Cancelling sell of {get_option_name(open_sell_trade.contract)} since the projected cushion is too low")
                    self.trading_bot.cancel_trade(open_sell_trade)
                    continue
                if open_sell_trade.contract.right == 'P':
                    max_options_for_market_drop = calculate_max_options_for_market_drop(open_sell_trade.contract)
                    if max_options_for_market_drop < remaining:
                        logger.info(
                            f"Cancelling sell of {get_option_name(open_sell_trade.contract)} to avoid exposure fee")
                        self.trading_bot.cancel_trade(open_sell_trade)
                        continue
                if open_sell_trade.contract.right == 'C':
                    max_options_for_market_rise = calculate_max_options_for_market_rise(open_sell_trade.contract)
                    if max_options_for_market_rise < remaining:
                        logger.info(
                            f"Cancelling sell of {get_option_name(open_sell_trade.contract)} to avoid exposure fee")
                        self.trading_bot.cancel_trade(open_sell_trade)
                        continue

    async def verify_no_open_trades(self):
        open_trades = await self.trading_bot.get_open_trades()
        for open_trade in open_trades:
            if open_trade.order.orderType != 'STP':
                self.trading_bot.cancel_trade(open_trade)
