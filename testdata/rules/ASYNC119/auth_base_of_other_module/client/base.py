# The project's own httpx.Auth base class, subclassed in another module.
import httpx


class ProviderBase(httpx.Auth):
    requires_response_body = True
