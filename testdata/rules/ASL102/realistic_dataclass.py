import asyncio
from dataclasses import dataclass, field
from typing import Optional


class Mailer:
    async def send(self, to: str, body: str) -> None:
        await asyncio.sleep(0)

    def render(self, body: str) -> str:
        return body


class Store:
    async def save(self, key: str) -> None:
        await asyncio.sleep(0)


@dataclass
class SignupService:
    mailer: Mailer
    store: "Store"
    retries: int = 3
    tags: list = field(default_factory=list)

    async def signup(self, email: str) -> None:
        self.store.save(email)  # want: ASL102
        body = self.mailer.render("welcome")
        self.mailer.send(email, body)  # want: ASL102

    async def signup_ok(self, email: str) -> None:
        await self.store.save(email)
        await self.mailer.send(email, self.mailer.render("hi"))


class Worker:
    def __init__(self) -> None:
        self.mailer: Optional[Mailer] = None

    async def run(self) -> None:
        if self.mailer is not None:
            self.mailer.send("ops@example.com", "up")  # want: ASL102
