# Reduced shape of https://github.com/ChrisHaPunkt/stihl-imow-webapi/pull/5
# (a project coroutine unpacked as if it were its result); not the project's code.
class MowerApi:
    async def get_token(self, user, password):
        return "token", 3600


async def login(api: MowerApi, user, password):
    token, expires = api.get_token(user, password)
    return token, expires
