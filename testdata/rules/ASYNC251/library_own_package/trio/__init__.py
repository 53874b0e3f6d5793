from ._timeouts import sleep
