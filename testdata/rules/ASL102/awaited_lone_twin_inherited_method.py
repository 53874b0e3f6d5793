# `self.m(...)` of a method the class inherits from a base the project does
# not hold (a framework's state or handler class): the class and the name
# identify the callee, so an await of it in one of the class's coroutines
# and a use of another call's value as the result (an attribute read, a
# test) is a missing await; a value thrown away needs two awaited twins.
import somefw
from app.states.auth_state import AuthState


class FileState(somefw.State):
    async def handle_upload(self, files):
        auth_state = await self.get_state(AuthState)
        if auth_state and hasattr(auth_state, "current_username"):
            return auth_state.current_username

    async def load_student_files(self):
        auth_state = self.get_state(AuthState)  # want: ASL102 "its attribute `current_username` is read on the coroutine object; add `await` \(`self.get_state\(\)` is awaited at one other place in this module"
        return auth_state.current_username if auth_state else None


class Plain(somefw.State):
    async def refresh(self):
        data = await self.fetch_rows()
        return data

    async def keep(self):
        self.fetch_rows()

    # Quiet: the class defines the method itself (a sync one); a method of
    # another class with the same name; only one await and the value thrown
    # away.
    def helper(self):
        return 1

    async def uses_helper(self):
        await self.helper()
        return self.helper().bit_length()


class Other(somefw.State):
    async def load(self):
        auth_state = self.get_state(AuthState)
        return auth_state.current_username


class NoBase:
    async def a(self):
        return await self.lookup()

    async def b(self):
        row = self.lookup()
        return row.name
