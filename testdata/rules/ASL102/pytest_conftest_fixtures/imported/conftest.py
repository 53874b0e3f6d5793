# This conftest.py provides `client` by importing a fixture: nearer than
# the root conftest.py's AsyncClient.
from tests.fixtures import client  # noqa: F401
