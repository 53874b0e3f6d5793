# The plugin's method became async after the tests were written: the sync
# test tests the coroutine against a model of another module of the
# project, which no coroutine object is an instance of.
from app.plugins.ingress import Guard, IngressPlugin, Rejection
from app.plugins import ingress


def test_soft_state_returns_rejection() -> None:
    plugin = IngressPlugin()
    result = plugin.process_payload({"state_type": "SOFT"})  # want: ASL102 "tested with `isinstance\(\.\.\., Rejection\)`, which a coroutine object never passes"
    assert isinstance(result, Rejection)
    assert result.state_accepted is False


def test_module_attribute() -> None:
    result = IngressPlugin().process_payload({})  # want: ASL102 "tested with `isinstance\(\.\.\., ingress\.Rejection\)`"
    assert isinstance(result, ingress.Rejection)


def test_hooked_model_is_a_guard() -> None:
    result = IngressPlugin().process_payload({})
    assert isinstance(result, Guard)


async def test_awaited() -> None:
    plugin = IngressPlugin()
    result = await plugin.process_payload({"state_type": "SOFT"})
    assert isinstance(result, Rejection)
