import os

from dotenv import load_dotenv
from deprecated.classic import deprecated

from ..exception import (
    SessionException,
    ResponseException,
    NoResponseException,
    LoginException,
    SelectContractException,
)

try:
    import aiohttp
except ImportError:
    raise RuntimeError("AsyncIber requires aiohttp module")

from datetime import datetime
from typing import Union, Optional

load_dotenv()

LOGIN_URL = "loginNew/login"
WATTHOURMETER_URL = "escenarioNew/obtenerMedicionOnline/24"
ICP_STATUS_URL = "rearmeICP/consultarEstado"


class AsyncIber:
    def __init__(self) -> None:
        """Iber class __init__ method."""
        self.__session = None

    async def close(self):
        if self.__session:
            await self.__session.close()

    async def __request(
        self, path: str, data: Optional[Union[list, dict]] = None
    ) -> dict:
        if not self.__session:
            raise SessionException()
        if data is None:
            response = await self.__session.get(
                f"https://www.i-de.es/consumidores/rest/{path}",
                headers={"accept": "application/json; charset=utf-8"},
            )
        else:
            response = await self.__session.post(
                f"https://www.i-de.es/consumidores/rest/{path}",
                json=data,
                headers={"accept": "application/json; charset=utf-8"},
            )
        if response.status != 200:
            await self.__session.close()
            self.__session = None
            raise ResponseException(response.status)
        data = await response.json()
        if not data:
            raise NoResponseException
        return data

    async def measurement(self) -> dict:
        """Returns a measurement from the powermeter."""
        data = await self.__request(WATTHOURMETER_URL)
        return {
            "id": data["codSolicitudTGT"],
            "meter": data["valLecturaContador"],
            "consumption": data["valMagnitud"],
            "icp": data["valInterruptor"],
            "raw_response": data,
        }

    async def current_kilowatt_hour_read(self) -> float:
        """Returns the current read of the electricity meter."""
        return (await self.measurement())["meter"]

    @deprecated("Use 'current_power_consumption' method instead")
    async def watthourmeter(self) -> float:
        """Returns your current power consumption."""
        return (await self.measurement())["consumption"]

    async def icpstatus(self) -> bool:
        """Returns the status of your ICP."""
        data = await self.__request(ICP_STATUS_URL, data="")
        return data["icp"] == "trueConectado"
