"""Quiet: a parameter named check, called with the request."""


def _check(request):
    return None


def _after_response(request, response, check):
    check(request)


def view(request, response):
    _after_response(request, response, _check)
