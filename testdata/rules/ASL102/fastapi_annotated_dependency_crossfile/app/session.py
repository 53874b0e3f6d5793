# The dependency: a FastAPI `Annotated[Api, Depends(...)]` alias of
# netbox-sdk's async Api, re-exported by app/dependencies.py.
from typing import Annotated

from fastapi import Depends
from netbox_sdk.facade import Api


def get_netbox_session() -> Api:
    return Api(client=None)


NetBoxSessionDep = Annotated[Api, Depends(get_netbox_session)]
