import numpy as np
import pandas as pd
from typing import List, Dict, Tuple, Optional
from sqlalchemy.orm import Session
from sqlalchemy import text
from .models import Portfolio, Holding, Transaction, MarketData
from .schemas import PerformanceMetrics, SectorAllocation, CorrelationMatrix
from .market_data import FinnhubMarketDataService
from datetime import datetime, timedelta
import asyncio

class AnalyticsEngine:
    def __init__(self):
        self.risk_free_rate = 0.05
        self.market_symbol = "SPY"
        self.market_data_service = FinnhubMarketDataService()

    async def _get_current_prices(self, db: Session, symbols: List[str]) -> Dict[str, float]:
        """Get current prices using Finnhub with DB fallback"""
        prices = {}
        
        for symbol in symbols:
            try:
                price = await self.market_data_service.get_latest_price(symbol)
                if price is not None:
                    prices[symbol] = price
                    continue
            except Exception as e:
                print(f"Finnhub error for {symbol}: {e}")
            
            # Fallback to database
            latest_price = db.query(
                MarketData.close
            ).filter(
                MarketData.symbol == symbol
            ).order_by(
                MarketData.date.desc()
            ).first()
            
            if latest_price:
                prices[symbol] = latest_price[0]
            else:
                print(f"No price data available for {symbol}")
        
        return prices

    async def calculate_diversification_score(self, db: Session, user_id: int) -> float:
        """REAL diversification score using current market values"""
        portfolio = db.query(Portfolio).filter(Portfolio.user_id == user_id).first()
        if not portfolio:
            return 0.0
        
        holdings = db.query(Holding).filter(Holding.portfolio_id == portfolio.id).all()
        if not holdings:
            return 0.0
        
        # Use REAL current market values
        symbols = [h.symbol for h in holdings]
        # Fix: Add await here
        current_prices = await self._get_current_prices(db, symbols)
        
        total_value = 0
        market_values = []
        
        for holding in holdings:
            current_price = current_prices.get(holding.symbol, holding.current_price)
            market_value = holding.shares * current_price
            total_value += market_value
            market_values.append(market_value)
        
        if total_value == 0:
            return 0.0
        
        # Calculate Herfindahl-Hirschman Index
        weights = [mv / total_value for mv in market_values]
        hhi = sum(w**2 for w in weights)
        
        # Diversification score: 1 = perfectly diversified, 0 = concentrated
        n = len(holdings)
        min_hhi = 1/n if n > 0 else 1  # Equal weights
        max_hhi = 1  # All in one holding
        
        if max_hhi == min_hhi:
            return 1.0
        
        normalized_hhi = (hhi - min_hhi) / (max_hhi - min_hhi)
        diversification_score = 1 - normalized_hhi
        
        return round(max(0, min(1, diversification_score)), 3)
    
    def _default_metrics(self) -> PerformanceMetrics:
        """Return default metrics when no data available"""
        return PerformanceMetrics(
            sharpe_ratio=0.0,
            alpha=0.0,
            beta=1.0,
            volatility=0.0,
            max_drawdown=0.0,
            sortino_ratio=0.0
        )

analytics_engine = AnalyticsEngine()
