from typing import Literal

from pydantic import BaseModel, ConfigDict


class Rejection(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid")

    state_accepted: Literal[False] = False
    reason: str


class Guard(BaseModel):
    @classmethod
    def __instancecheck__(cls, instance):
        return True


class IngressPlugin:
    async def process_payload(self, payload: object) -> "Rejection":
        return Rejection(reason="SOFT state is non-actionable")
