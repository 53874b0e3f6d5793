# google-auth-oauthlib: Flow runs the OAuth 2.0 logic through a
# requests_oauthlib.OAuth2Session; fetch_token() exchanges the code at the
# token endpoint with a synchronous requests POST, and
# InstalledAppFlow.run_local_server() waits for the user's browser. Found as a
# corpus27 miss (a Sanic OAuth callback calling `flow.fetch_token(...)`).
import asyncio

from google_auth_oauthlib.flow import Flow, InstalledAppFlow


def get_flow(redirect_uri, secrets, state=None) -> Flow:
    flow = Flow.from_client_secrets_file(secrets, scopes=["email"], state=state)
    flow.redirect_uri = redirect_uri
    return flow


async def oauth2callback(request, secrets):
    flow = get_flow("https://example.org/cb", secrets, state=request.args.get("state"))
    flow.fetch_token(authorization_response=request.url)  # want: ASL202 "`flow\.fetch_token\(\)` \(google_auth_oauthlib\.flow\.Flow\.fetch_token\) blocks the event loop in async function `oauth2callback`"
    return flow.credentials


async def first_login(config):
    flow = InstalledAppFlow.from_client_config(config, scopes=["email"])
    return flow.run_local_server(port=0)  # want: ASL202 "`flow\.run_local_server\(\)` \(google_auth_oauthlib\.flow\.InstalledAppFlow\.run_local_server\) blocks the event loop"


# Quiet: in a worker thread, building the authorization URL (no request),
# synchronous code, another object's fetch_token.
async def oauth2callback_in_thread(request, secrets):
    flow = get_flow("https://example.org/cb", secrets)
    await asyncio.to_thread(flow.fetch_token, authorization_response=request.url)
    url, state = flow.authorization_url(access_type="offline")
    return url, state


def exchange(secrets, code):
    flow = get_flow("https://example.org/cb", secrets)
    flow.fetch_token(code=code)


class TokenCache:
    def fetch_token(self, code):
        return code


async def cached(cache: TokenCache, code):
    return cache.fetch_token(code)
