from app.session import NetBoxSessionDep  # noqa: F401
