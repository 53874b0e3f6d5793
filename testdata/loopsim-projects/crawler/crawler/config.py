from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    concurrency: int = 2
    attempts: int = 3
    backoff: float = 0.01


LIMITS = Limits()
URLS = ["/a", "/b", "/flaky", "/c", "/d"]
# Seconds per answer, standing in for the network.
LATENCY = {"/a": 0.05, "/b": 0.08, "/flaky": 0.03, "/c": 0.06, "/d": 0.04}
