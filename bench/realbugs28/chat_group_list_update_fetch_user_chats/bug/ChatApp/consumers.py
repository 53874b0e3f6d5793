import json
import logging
from operator import is_
import re
from channels.layers import get_channel_layer
from channels.generic.websocket import AsyncWebsocketConsumer
from channels.db import database_sync_to_async
from asgiref.sync import sync_to_async
from django.contrib.auth import get_user_model
from ProfessionalUser.signals import get_player_ids_by_professional_id
from UserApp.utils import get_player_ids_by_user_id
import uuid
from asgiref.sync import async_to_sync
import base64
from .models import *
from ProfessionalUser.models import ProfessionalUser
from django.contrib.contenttypes.models import ContentType
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.core.paginator import Paginator
from django.core.files.base import ContentFile
from .utils import get_user_from_token
from ProfessionalUser.models import Friendship, ProfessionalUser
from ChatApp.models import ProUserChat, ProChat, ProMessage
from django.contrib.contenttypes.models import ContentType
from ChatApp.utils import get_user_info, fetch_user_chats
from django.db.models import Q
from .utils import decode_token
from urllib.parse import parse_qs
import json
import logging
from django.utils.timesince import timesince
from django.utils import timezone
import traceback

logger = logging.getLogger(__name__)
User = get_user_model()





class ChatGroupListConsumer(AsyncJsonWebsocketConsumer):
    async def connect(self):
        self.query_params = parse_qs(self.scope["query_string"].decode())
        self.user_type = self.query_params.get("type", [None])[0]
        self.user_id = self.query_params.get("id", [None])[0]

        if not self.user_type or not self.user_id:
            await self.close()
            return

        self.user_group_name = f"group_list_{self.user_type}_{self.user_id}"
        await self.channel_layer.group_add(self.user_group_name, self.channel_name)
        await self.accept()

        await self.send_chat_list()

    async def disconnect(self, close_code):
        await self.channel_layer.group_discard(self.user_group_name, self.channel_name)

    async def send_chat_list(self):
        chats = await self.get_user_chats(self.user_type, self.user_id)
        await self.send(text_data=json.dumps({"type": "chat_list", "chats": chats}))

    async def send_chat_list(self):
        chats = await fetch_user_chats(self.user_type, self.user_id)
        await self.send_json({
            "type": "chat_group_list",
            "chats": chats,
        })
        
    async def chat_list_update(self, event):
        
        chat = event.get("chat")
        if chat:
            await self.send_json({
                "type": "chat_list_update",
                "chat": chat,
            })
            
        
async def send_chat_list_update(user_type, user_id, chat_id):
    chats = fetch_user_chats(user_type, user_id)
    updated_chat = next((c for c in chats if c["chat_id"] == chat_id), None)
    if updated_chat:
        channel_layer = get_channel_layer()
        group_name = f"group_list_{user_type}_{user_id}"
        
        await channel_layer.group_send(
            group_name,
            {
                "type": "chat_list_update",  
                "chat": updated_chat,
            }
        )
    else:
        print(f"[send_chat_list_update] No updated chat found with id {chat_id} for {user_type}:{user_id}")
