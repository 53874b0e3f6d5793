try:
    from httpx import AsyncClient, ConnectError, ReadTimeout
    ASYNC = True
except ImportError:
    ASYNC = False
import asyncio, json, queue, random, ssl, threading, websocket, string, secrets, os, hashlib
from time import time
from typing import  AsyncIterator
from loguru import logger
from requests_toolbelt import MultipartEncoder

# Allow multi-threading for asyncio
import nest_asyncio
nest_asyncio.apply()

from .utils import (
                    BASE_URL,
                    HEADERS,
                    SubscriptionsMutation,
                    BOTS_LIST,
                    REVERSE_BOTS_LIST,
                    bot_map,
                    generate_nonce,
                    generate_file
                    )
from .queries import generate_payload


class AsyncPoeApi:
    BASE_URL = BASE_URL
    HEADERS = HEADERS
    def __init__(self, tokens: dict={}, proxy: list=[], auto_proxy: bool=False):
        self.client = None
        if not ASYNC:
            raise ImportError("Please install Async version using 'pip install poe-api-wrapper[async]'")
        self.proxy = proxy
        self.auto_proxy = auto_proxy
        self.tokens = tokens
        self.active_messages = {}
        self.message_queues = {}
        self.current_thread = {}
        self.formkey = self.tokens['formkey']
        self.client = AsyncClient(headers=self.HEADERS, timeout=60, http2=True)

    async def send_request(self, path: str, query_name: str = "", variables: dict = {}, file_form: list = []):
        payload = generate_payload(query_name, variables)
        response = await self.client.post(f'{self.BASE_URL}/api/{path}', data=json.dumps(payload))
        return response.json()

    async def get_chat_history(self, bot: str=None, count: int=None, interval: int=50, cursor: str=None):

        chat_bots = {'data': {}, 'cursor': None}

        if count != None:
            interval = count

        if bot == None:
            response_json = await self.send_request('gql_POST', 'ChatHistoryListPaginationQuery', {'count': interval, 'cursor': cursor})
            edges = response_json['data']['chats']['edges']
        else:
            model = bot.lower().replace(' ', '')
            response_json = await self.send_request('gql_POST', 'ChatHistoryFilteredListPaginationQuery', {'count': interval, 'handle': model, 'cursor': cursor})
            edges = response_json['data']['filteredChats']['edges']
        for edge in edges:
            chat = edge['node']
            model = bot_map(chat["defaultBotObject"]["displayName"])
            chat_bots['data'].setdefault(model, []).append({"chatId": chat["chatId"],"chatCode": chat["chatCode"], "id": chat["id"], "title": chat["title"]})
        return chat_bots

    async def get_threadData(self, bot: str="", chatCode: str=None, chatId: int=None):
        id = None
        title = None
        if bot not in self.current_thread:
            temp = await self.get_chat_history(bot=bot)
            self.current_thread[bot] = temp['data'][bot]
        elif len(self.current_thread[bot]) <= 1:
            temp = await self.get_chat_history(bot=bot)
            self.current_thread[bot] = temp['data'][bot]
        if chatCode != None:
            for chat in self.current_thread[bot]:
                if chat['chatCode'] == chatCode:
                    chatId = chat['chatId']
                    id = chat['id']
                    title = chat['title']
                    break
        elif chatId != None:
            for chat in self.current_thread[bot]:
                if chat['chatId'] == chatId:
                    chatCode = chat['chatCode']
                    id = chat['id']
                    title = chat['title']
                    break
        return {'chatCode': chatCode, 'chatId': chatId, 'id': id, 'title': title}
