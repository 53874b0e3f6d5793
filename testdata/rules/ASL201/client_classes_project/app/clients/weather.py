from .base import HttpClient


class WeatherClient(HttpClient):
    def __init__(self):
        super().__init__("https://api.weather.example")

    def forecast(self, city):
        return self.get(f"/forecast/{city}")
