# Plain functions that main.py hands to the loop as callbacks; the loop calls
# them on its own thread, so the finding is at main.py's registration.
import time

import requests


def refresh_token():
    return requests.post("https://auth.example.com/token").json()


def heartbeat():
    print("alive")


class Uploader:
    def flush(self):
        time.sleep(0.5)
