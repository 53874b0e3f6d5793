class TransientError(Exception):
    def __init__(self, url, attempt):
        super().__init__(f"{url} failed (attempt {attempt})")
        self.url = url
        self.attempt = attempt
