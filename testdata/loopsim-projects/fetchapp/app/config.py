# Simulated latencies of the endpoints, in seconds.
LATENCY = {
    "users": 0.12,
    "orders": 0.2,
    "items": 0.08,
    "prices": 0.15,
}
CONNECT = 0.03
