# config: asl201-local-files = true  # mechanics shown with local-file sinks
# A property read that is the receiver of a call a blocking rule already
# reports (`self.cursor.execute(...)`, a sqlite3 cursor whose getter creates
# the table on first use) is one mistake: moving that call to a thread moves
# the read with it, so only the call is reported (ASL202 here). A read of
# the same property whose call does not block is still reported.
import sqlite3


class Sessions:
    _cursor = None

    @property
    def cursor(self) -> sqlite3.Cursor:
        if self._cursor is None:
            self._cursor = sqlite3.connect("sessions.db").cursor()
            self._cursor.execute("CREATE TABLE IF NOT EXISTS session (id)")
        return self._cursor

    async def save(self, session_id):
        self.cursor.execute("INSERT INTO session VALUES (?)", (session_id,))  # want: ASL202

    async def describe(self):
        return repr(self.cursor)  # want: ASL201 "reading property `self.cursor`"
