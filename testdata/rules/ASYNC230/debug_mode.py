import json


class Handler:
    def __init__(self, debug=False):
        self.debug = debug

    async def handle(self, request):
        if self.debug:
            # Quiet: a dump written only in debug mode, the mode's cost.
            with open("/tmp/last-request.json", "w") as f:
                json.dump(request, f)
        return request

    async def save(self, request):
        with open("/tmp/last-request.json", "w") as f:  # want: ASYNC230
            json.dump(request, f)
