from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    per_channel: int = 2
    attempts: int = 3
    backoff: float = 0.03


LIMITS = Limits()
