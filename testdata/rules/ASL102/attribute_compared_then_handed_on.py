# A coroutine stored in self.NAME and used as its result in the very next
# statement is reported even when a later statement hands self.NAME to
# unknown code (which cannot undo the comparison that already ran).
import asyncio

async def check_data(user_input):
    await asyncio.sleep(0)
    return {}


class ConfigFlow:
    def __init__(self):
        self._errors = {}

    async def async_step_user(self, user_input=None):
        self._errors = {}
        if user_input is not None:
            self._errors = check_data(user_input)  # want: ASL102
            if self._errors == {}:
                return self.async_create_entry(title="x", data=user_input)
        return self.async_show_form(step_id="user", errors=self._errors)

    async def async_step_ok(self, user_input=None):
        # Quiet: awaited before the comparison.
        self._errors = await check_data(user_input)
        if self._errors == {}:
            return self.async_create_entry(title="x", data=user_input)
        return self.async_show_form(step_id="ok", errors=self._errors)

    async def async_step_later(self, user_input=None):
        # Quiet: handed on before anything uses it as a result; another
        # method may await it.
        self._pending = check_data(user_input)
        self.async_show_form(step_id="later", errors=self._pending)
        if self._pending == {}:
            return None

    async def async_step_await_next(self, user_input=None):
        # Quiet: the next statement awaits it.
        self._errors = check_data(user_input)
        self._errors = await self._errors
        if self._errors == {}:
            return None

    def async_create_entry(self, **kw):
        return kw

    def async_show_form(self, **kw):
        return kw
