from hub.loop_a import Node


async def walk(node: Node) -> None:
    # Quiet (and no endless resolution): the attribute's type is unknown.
    node.link.next.fetch()
    node.link.fetch()
