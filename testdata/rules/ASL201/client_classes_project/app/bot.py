import asyncio

from app.clients.weather import WeatherClient
from app.config import Settings, read_lines


class WeatherBot:
    def __init__(self):
        self.weather = WeatherClient()

    async def on_command(self, city):
        data = self.weather.forecast(city)  # want: ASL201
        return data

    async def on_reload(self):
        settings = Settings.from_file("settings.json")  # want: ASL201
        for line in read_lines("cities.txt"):  # want: ASL201
            print(line)
        return settings

    async def safe(self, city):
        return await asyncio.to_thread(self.weather.forecast, city)


async def count_cities():
    lines = read_lines("cities.txt")
    total = sum(1 for _ in read_lines("cities.txt"))  # want: ASL201 "and 1 more call in .count_cities. reaches it: .* line 28\)"
    everything = list(read_lines("cities.txt"))
    return lines, total, everything
