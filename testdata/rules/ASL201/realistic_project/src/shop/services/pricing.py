import requests

from ..config import env_flag, load_settings

RATES_URL = "https://rates.example.com/latest"


def fetch_rates() -> dict:
    return requests.get(RATES_URL, timeout=5).json()


def convert(amount: float, currency: str, rates: dict) -> float:
    return amount * rates.get(currency, 1.0)


class PriceService:
    def __init__(self) -> None:
        self.settings = load_settings()
        self.cache: dict = {}

    def rates(self) -> dict:
        if not self.cache or env_flag("NO_CACHE"):
            self.cache = fetch_rates()
        return self.cache

    def price(self, amount: float, currency: str) -> float:
        return convert(amount, currency, self.rates())

    def discount(self, amount: float) -> float:
        return amount * 0.9
