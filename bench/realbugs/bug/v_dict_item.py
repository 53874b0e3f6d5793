# Reduced shape of https://github.com/aio-libs/aiobotocore/issues/682
# (a coroutine stored in a dict item passed as **kwargs, then returned as the result); not the project's code.
async def convert_to_response_dict(http_response, operation_model):
    return {"status_code": http_response.status}


class Endpoint:
    def __init__(self, emitter):
        self._emitter = emitter

    async def _do_get_response(self, http_response, operation_model):
        kwargs_to_emit = {"operation_model": operation_model}
        kwargs_to_emit["response_dict"] = convert_to_response_dict(http_response, operation_model)
        await self._emitter.emit("response-received", **kwargs_to_emit)
        return kwargs_to_emit["response_dict"]
