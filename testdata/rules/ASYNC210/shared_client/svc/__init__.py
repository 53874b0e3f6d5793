from .http import session as session
