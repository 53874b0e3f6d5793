from .stdlib.session import MelleaSession, start_session
