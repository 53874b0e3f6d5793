from typing import Any

from app.publisher import KeywordPublisher, LatePublisher, Publisher


def make_client() -> Any:
    raise NotImplementedError


def production() -> tuple:
    return Publisher(make_client()), KeywordPublisher(client=make_client())
