import asyncio

from notifier import Dispatcher

PREFS = {
    "ana": ["email", "sms"],
    "bo": ["push"],
    "cy": ["email", "push", "sms"],
    "di": ["sms"],
    "ed": ["email"],
}


async def main():
    d = Dispatcher(PREFS)
    users = list(PREFS) + ["fay"]
    results = await asyncio.gather(*(d.notify(u, "your order has shipped today") for u in users))
    print(sum(len(r) for r in results), {n: c.sent for n, c in d.channels.items()})


if __name__ == "__main__":
    asyncio.run(main())
