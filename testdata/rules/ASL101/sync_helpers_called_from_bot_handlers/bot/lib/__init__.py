from .storage import Storage, get_balance

storage = Storage()
