"""py_agua_iot provides controlling heating devices connected via
the IOT Agua platform of Micronova
"""
import asyncio
import jwt
import json
import logging
import re
import time
import httpx

_LOGGER = logging.getLogger(__name__)

API_PATH_APP_SIGNUP = "/appSignup"
API_PATH_LOGIN = "/userLogin"
API_PATH_REFRESH_TOKEN = "/refreshToken"
API_PATH_DEVICE_LIST = "/deviceList"
API_PATH_DEVICE_INFO = "/deviceGetInfo"
API_PATH_DEVICE_REGISTERS_MAP = "/deviceGetRegistersMap"
API_PATH_DEVICE_BUFFER_READING = "/deviceGetBufferReading"
API_PATH_DEVICE_JOB_STATUS = "/deviceJobStatus/"
API_PATH_DEVICE_WRITING = "/deviceRequestWriting"
API_LOGIN_APPLICATION_VERSION = "1.6.0"
DEFAULT_TIMEOUT_VALUE = 30

HEADER_ACCEPT = "application/json, text/javascript, */*; q=0.01"
HEADER_CONTENT_TYPE = "application/json"
HEADER = {"Accept": HEADER_ACCEPT, "Content-Type": HEADER_CONTENT_TYPE}


class aguaiot(object):
    def __init__(
        self,
        api_url,
        customer_code,
        email,
        password,
        unique_id,
        login_api_url=None,
        brand_id=1,
        api_login_application_version=API_LOGIN_APPLICATION_VERSION,
    ):
        self.api_url = api_url.rstrip("/")
        self.customer_code = str(customer_code)
        self.email = email
        self.password = password
        self.unique_id = unique_id
        self.brand_id = str(brand_id)
        self.login_api_url = login_api_url
        self.api_login_application_version = api_login_application_version
        self.token = None
        self.token_expires = None
        self.refresh_token = None
        self.devices = list()

    async def connect(self):
        await self.register_app_id()
        await self.login()
        await self.fetch_devices()

    def _headers(self):
        """Correctly set headers for requests to Agua IOT."""

        return {
            "Accept": HEADER_ACCEPT,
            "Content-Type": HEADER_CONTENT_TYPE,
            "Origin": "file://",
            "id_brand": self.brand_id,
            "customer_code": self.customer_code,
        }

    async def register_app_id(self):
        """Register app id with Agua IOT"""

        url = self.api_url + API_PATH_APP_SIGNUP

        payload = {
            "phone_type": "Android",
            "phone_id": self.unique_id,
            "phone_version": "1.0",
            "language": "en",
            "id_app": self.unique_id,
            "push_notification_token": self.unique_id,
            "push_notification_active": False,
        }
        payload = json.dumps(payload)

        try:
            async with httpx.AsyncClient() as client:
                response = await client.post(
                    url,
                    data=payload,
                    headers=self._headers(),
                    follow_redirects=False,
                    timeout=DEFAULT_TIMEOUT_VALUE,
                )
        except httpx.TransportError:
            raise ConnectionError(str.format("Connection to {0} not possible", url))

        if response.status_code != 201:
            _LOGGER.error(
                "Failed to register app id. Code: %s, Response: %s",
                response.status_code,
                response.text,
            )
            raise UnauthorizedError("Failed to register app id")

        return True

    async def login(self):
        """Authenticate with email and password to Agua IOT"""

        url = self.api_url + API_PATH_LOGIN

        payload = {"email": self.email, "password": self.password}
        payload = json.dumps(payload)

        extra_headers = {"local": "true", "Authorization": self.unique_id}

        headers = self._headers()
        headers.update(extra_headers)

        if self.login_api_url is not None:
            extra_login_headers = {
                "applicationversion": self.api_login_application_version,
                "url": API_PATH_LOGIN.lstrip("/"),
            }
            headers.update(extra_login_headers)
            url = self.login_api_url

        try:
            async with httpx.AsyncClient() as client:
                response = await client.post(
                    url,
                    data=payload,
                    headers=headers,
                    follow_redirects=False,
                    timeout=DEFAULT_TIMEOUT_VALUE,
                )
        except httpx.TransportError:
            raise ConnectionError(str.format("Connection to {0} not possible", url))

        if response.status_code != 200:
            _LOGGER.error(
                "Failed to login. Code: %s, Response: %s",
                response.status_code,
                response.text,
            )
            raise UnauthorizedError("Failed to login, please check credentials")

        res = response.json()
        self.token = res["token"]
        self.refresh_token = res["refresh_token"]

        claimset = jwt.decode(
            res["token"], options={"verify_signature": False}, algorithms=["none"]
        )
        self.token_expires = claimset.get("exp")

        return True

    async def do_refresh_token(self):
        """Refresh auth token for Agua IOT"""

        url = self.api_url + API_PATH_REFRESH_TOKEN

        payload = {"refresh_token": self.refresh_token}
        payload = json.dumps(payload)

        try:
            async with httpx.AsyncClient() as client:
                response = await client.post(
                    url,
                    data=payload,
                    headers=self._headers(),
                    follow_redirects=False,
                    timeout=DEFAULT_TIMEOUT_VALUE,
                )
        except httpx.TransportError:
            raise ConnectionError(str.format("Connection to {0} not possible", url))

        if response.status_code != 201:
            _LOGGER.warning("Refresh auth token failed, forcing new login...")
            self.login()
            return

        res = response.json()
        self.token = res["token"]

        claimset = jwt.decode(
            res["token"], options={"verify_signature": False}, algorithms=["none"]
        )
        self.token_expires = claimset.get("exp")

        return True

    async def fetch_devices(self):
        """Fetch heating devices"""
        url = self.api_url + API_PATH_DEVICE_LIST

        payload = {}
        payload = json.dumps(payload)

        res = await self.handle_webcall("POST", url, payload)
        if res is False:
            raise AguaIOTError("Error while fetching devices")
        return res

    async def handle_webcall(self, method, url, payload):
        if time.time() > self.token_expires:
            self.do_refresh_token()

        extra_headers = {"local": "false", "Authorization": self.token}

        headers = self._headers()
        headers.update(extra_headers)

        try:
            if method == "POST":
                async with httpx.AsyncClient() as client:
                    response = await client.post(
                        url,
                        data=payload,
                        headers=headers,
                        follow_redirects=False,
                        timeout=DEFAULT_TIMEOUT_VALUE,
                    )
            else:
                async with httpx.AsyncClient() as client:
                    response = await client.get(
                        url,
                        params=payload,
                        headers=headers,
                        follow_redirects=False,
                        timeout=DEFAULT_TIMEOUT_VALUE,
                    )
        except httpx.TransportError:
            raise ConnectionError(str.format("Connection to {0} not possible", url))

        if response.status_code == 401:
            await self.do_refresh_token()
            return await self.handle_webcall(method, url, payload)
        elif response.status_code != 200:
            _LOGGER.error(
                "Webcall failed. Code: %s, Response: %s",
                response.status_code,
                response.text,
            )
            return False

        return response.json()
