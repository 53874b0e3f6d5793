#!/usr/bin/env python

from mealie_mcp.api.api_client_shared import Api as SharedApi


class Api(
    SharedApi,
):
    pass
