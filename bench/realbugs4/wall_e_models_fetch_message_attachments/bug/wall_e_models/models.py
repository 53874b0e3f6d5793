# for type references to own class
# https://stackoverflow.com/a/33533514
from __future__ import annotations

import asyncio
import math
import os
import re
import time
from typing import List
import datetime
import random

import discord
import pytz
from asgiref.sync import sync_to_async
from django.conf import settings
from django.db import models
from django.db.models import Q, UniqueConstraint, F
from django.forms import model_to_dict
from django.utils import timezone
from dateutil.tz import tz

TIME_ZONE = 'Canada/Pacific'
PACIFIC_TZ = tz.gettz(TIME_ZONE)

from .customFields import GeneratedIdentityField, pstdatetime, PSTDateTimeField  # noqa: E402
import requests  # noqa: E402


class UserPoint(models.Model):
    user_id = models.PositiveBigIntegerField(
        unique=True
    )
    name = models.CharField(
        max_length=500,
        default=None,
        null=True
    )
    nickname = models.CharField(
        max_length=500,
        default=None,
        null=True
    )
    avatar_url = models.CharField(
        max_length=1000,
        default=None,
        null=True
    )
    leveling_message_avatar_url = models.CharField(
        max_length=1000,
        default=None,
        null=True
    )
    avatar_url_message_id = models.PositiveBigIntegerField(
        default=None,
        null=True
    )
    leveling_update_attempt = models.IntegerField(
        default=0,
        null=False
    )

    discord_avatar_link_expiry_date = PSTDateTimeField(default=timezone.now, null=True)

    @sync_to_async
    def async_save(self):
        self.save()

    def set_avatar_link_expiry_date(self, logger):
        url = self.leveling_message_avatar_url
        logger.debug(f"[wall_e_models models.py set_avatar_link_expiry_date()] url = <{url}>")
        query_params = {
            query_param[:query_param.find("=")]: query_param[query_param.find("=") + 1:]
            for query_param in url[url.index("?") + 1:].split("&")
            if query_param.find("=") != -1
        }
        self.discord_avatar_link_expiry_date = pstdatetime.from_utc_datetime(
            datetime.datetime.utcfromtimestamp(eval("0x" + query_params['ex'].strip()))
        )

    async def update_leveling_profile_info(self, logger, member, levelling_api_avatar_channel,
                                           updated_user_log_id=None):
        user_updated = False
        if not re.match(r"Deleted User \w*$", member.name):
            file_name_friendly_member_name = member.name.replace("/", "").replace("\\", "")
            avatar_file_name = f'levelling-avatar-{file_name_friendly_member_name}-{time.time()}.png'.replace(" ", "-")

            avatar_file_name = avatar_file_name.replace(">", "").replace("_", "-")
            try:
                self.leveling_update_attempt += 1
                changes_detected = ""

                avatar_changed = self.avatar_url != member.display_avatar.url
                avatar_link_changed = False
                leveling_message_avatar_url = None
                if not avatar_changed:
                    number_of_attempts = 0
                    total_number_of_attempts = 5
                    attempt_avatar_link_retrieval = True
                    while number_of_attempts <= total_number_of_attempts and attempt_avatar_link_retrieval:
                        number_of_attempts += 1
                        try:
                            leveling_message_avatar_url = await levelling_api_avatar_channel.fetch_message(
                                self.avatar_url_message_id
                            ).attachments[0].url
                            avatar_link_changed = self.leveling_message_avatar_url != leveling_message_avatar_url
                            attempt_avatar_link_retrieval = False
                        except discord.NotFound:
                            avatar_changed = True
                            attempt_avatar_link_retrieval = False
                        except Exception as e:
                            if number_of_attempts == total_number_of_attempts:
                                raise e
                            waitTime = math.pow(2, number_of_attempts)
                            await asyncio.sleep(waitTime)
                if not avatar_changed and not avatar_link_changed:
                    if pstdatetime.now() >= self.discord_avatar_link_expiry_date:
                        avatar_link_changed = True
                name_changed = self.name != member.name
                number_of_changes = 0
                if avatar_changed:
                    number_of_changes += 1
                    changes_detected = "avatar"
                elif avatar_link_changed:
                    number_of_changes += 1
                    changes_detected = 'avatar link'
                if name_changed:
                    changes_detected += "name"
                    number_of_changes += 1
                if avatar_changed:
                    if self.avatar_url_message_id is not None:
                        try:
                            avatar_msg = await levelling_api_avatar_channel.fetch_message(
                                self.avatar_url_message_id
                            )
                            await avatar_msg.delete()
                        except discord.NotFound:
                            pass
                    with open(avatar_file_name, "wb") as file:
                        file.write(requests.get(member.display_avatar.url).content)
                    avatar_msg = await levelling_api_avatar_channel.send(
                        content=f"<@{member.id}>", file=discord.File(avatar_file_name)
                    )
                    os.remove(avatar_file_name)
                    self.avatar_url = member.display_avatar.url
                    self.leveling_message_avatar_url = avatar_msg.attachments[0].url
                    self.set_avatar_link_expiry_date(logger)
                    self.avatar_url_message_id = avatar_msg.id
                elif avatar_link_changed:
                    self.leveling_message_avatar_url = leveling_message_avatar_url
                    self.set_avatar_link_expiry_date(logger)
                if number_of_changes > 0:
                    self.nickname = member.nick if type(member) == discord.Member else None
                    self.name = member.name
                    self.leveling_update_attempt = 0
                    user_updated = True
                    await self.async_save()
                if updated_user_log_id is not None:
                    await UpdatedUser.async_delete(updated_user_log_id)
            except Exception as e:
                logger.error(
                    "[wall_e_models models.py update_leveling_profile_info()] experienced following error when "
                    f"trying to update the profile info for {member}\n{e}"
                )
                await asyncio.sleep(5)
                await self.async_save()
                if os.path.exists(avatar_file_name):
                    os.remove(avatar_file_name)
                raise Exception(e)
        return user_updated


class UpdatedUser(models.Model):
    user_point = models.ForeignKey(
        UserPoint, on_delete=models.CASCADE
    )

    @sync_to_async
    def async_save(self):
        self.save()

    @staticmethod
    @sync_to_async
    def async_delete(async_delete):
        UpdatedUser.objects.get(id=async_delete).delete()
