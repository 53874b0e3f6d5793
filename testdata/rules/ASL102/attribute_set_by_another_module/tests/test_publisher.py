from app.publisher import KeywordPublisher, LatePublisher, Publisher


class FakeAsyncClient:
    async def publish(self, topic: str, payload: bytes) -> None:
        pass


def test_publish() -> None:
    p = Publisher()
    p.client = FakeAsyncClient()
    k = KeywordPublisher()
    k.client = FakeAsyncClient()
    late = LatePublisher()
    late.client = FakeAsyncClient()
