# The project defines `achat` and `drain` only as plain methods (shop.py):
# quiet. `ainvoke`, which it does not define, is still the LLM frameworks'
# async twin.


def buy(client, item):
    result = client.achat(item)
    return result["item"]


async def flush(device):
    pending = device.drain()
    return len(pending)


def ask(agent, state):
    reply = agent.ainvoke(state)  # want: ASL102
    return reply.content
