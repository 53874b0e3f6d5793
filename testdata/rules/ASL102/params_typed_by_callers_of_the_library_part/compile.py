# A module named like a builtin: it and what it imports (helpers.py) are
# the library part of a streamed check, checked after the other modules.
import helpers

VERSION = helpers.VERSION
