import asyncio # for future uses
import ssl
import aiohttp
import certifi
from telebot import types

try:
    import ujson as json
except ImportError:
    import json
import os
API_URL = 'https://api.telegram.org/bot{0}/{1}'

from datetime import datetime

from telebot import util
import logging

logger = logging.getLogger('TeleBot')

proxy = None
session = None

FILE_URL = None

REQUEST_TIMEOUT = 300
MAX_RETRIES = 3

REQUEST_LIMIT = 50

class SessionManager:
    def __init__(self) -> None:
        self.session = None
        self.ssl_context = ssl.create_default_context(cafile=certifi.where())


    async def create_session(self):
        self.session = aiohttp.ClientSession(connector=aiohttp.TCPConnector(
            limit=REQUEST_LIMIT,
            ssl=self.ssl_context
        ))
        return self.session

    async def get_session(self):
        if self.session is None:
            self.session = await self.create_session()
            return self.session

        if self.session.closed:
            self.session = await self.create_session()

        # noinspection PyProtectedMember
        if not self.session._loop.is_running():
            await self.session.close()
            self.session = await self.create_session()
        return self.session


session_manager = SessionManager()

async def _process_request(token, url, method='get', params=None, files=None, **kwargs):
    request_timeout = kwargs.pop('request_timeout', None) or REQUEST_TIMEOUT
    # Preparing data by adding all parameters and files to FormData
    params = _prepare_data(params, files)

    timeout = aiohttp.ClientTimeout(total=request_timeout)
    session = await session_manager.get_session()
    async with session.request(method=method, url=API_URL.format(token, url), data=params, timeout=timeout, proxy=proxy) as resp:
        json_result = await _check_result(url, resp)
        if json_result:
            return json_result['result']

def _prepare_data(params=None, files=None):
    data = aiohttp.formdata.FormData(quote_fields=False)

    if params:
        for key, value in params.items():
            data.add_field(key, str(value))
    if files:
        for key, f in files.items():
            data.add_field(key, f, filename=key)

    return data

async def _convert_markup(markup):
    if isinstance(markup, types.JsonSerializable):
        return markup.to_json()
    return markup


async def _check_result(method_name, result: aiohttp.ClientResponse):
    result_json = await result.json(encoding="utf-8")
    return result_json


async def edit_message_media(
        token, media, chat_id=None, message_id=None, inline_message_id=None, reply_markup=None,
        business_connection_id=None, timeout=None):
    method_url = r'editMessageMedia'
    media_json, file = convert_input_media(media)
    payload = {'media': media_json}
    if chat_id:
        payload['chat_id'] = chat_id
    if message_id:
        payload['message_id'] = message_id
    if inline_message_id:
        payload['inline_message_id'] = inline_message_id
    if reply_markup:
        payload['reply_markup'] = await _convert_markup(reply_markup)
    if business_connection_id:
        payload['business_connection_id'] = business_connection_id
    if timeout:
        payload['timeout'] = timeout
    return await _process_request(token, method_url, params=payload, files=file, method='post' if file else 'get')


async def convert_input_media(media):
    if isinstance(media, types.InputMedia):
        return media.convert_input_media()
    return None, None


async def convert_input_media_array(array):
    media = []
    files = {}
    for input_media in array:
        if isinstance(input_media, types.InputMedia):
            media_dict = input_media.to_dict()
            media.append(media_dict)
    return json.dumps(media), files
