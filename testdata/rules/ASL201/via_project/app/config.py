from .http import make_session, make_session_untyped


def load_config(url: str) -> dict:
    return make_session().get(url).json()


def load_flags(url: str) -> dict:
    return make_session_untyped().get(url).json()


def config_source(url: str) -> str:
    return url.rstrip("/")
