# Copyright (c) 2022 EDM115

import os
import re
import shutil

from time import time
from aiohttp import ClientSession
from aiofiles import open as openfile
from pyrogram import Client
from pyrogram.types import CallbackQuery
from pyrogram.errors import ReplyMarkupTooLong

from .bot_data import Buttons, Messages, ERROR_MSGS
from .ext_script.ext_helper import extr_files, get_files, make_keyboard, make_keyboard_empty
from .ext_script.up_helper import send_file, answer_query, send_url_logs
from .commands import https_url_regex
from unzipper.helpers.unzip_help import progress_for_pyrogram, TimeFormatter, humanbytes, timeformat_sec
from unzipper.helpers.database import set_upload_mode, update_uploaded
from config import Config
from unzipper import LOGGER

# Function to download files from direct link using aiohttp
async def download(url, path):
    async with ClientSession() as session:
        async with session.get(url, timeout=None) as resp:
            async with openfile(path, mode="wb") as file:
                async for chunk in resp.content.iter_chunked(Config.CHUNK_SIZE):
                    await file.write(chunk)
    await session.close()

# Callbacks
@Client.on_callback_query()
async def unzipper_cb(unzip_bot: Client, query: CallbackQuery):
    global sent_files
    sent_files = 0
    global already_removed
    already_removed = False
    if query.data == "megoinhome":
        await query.edit_message_text(text=Messages.START_TEXT.format(query.from_user.mention), reply_markup=Buttons.START_BUTTON)

    elif query.data.startswith("extract_file"):
        user_id = query.from_user.id
        download_path = f"{Config.DOWNLOAD_LOCATION}/{user_id}"
        ext_files_dir = f"{download_path}/extracted"
        r_message = query.message.reply_to_message
        splitted_data = query.data.split("|")
        global log_msg
        log_msg = await unzip_bot.send_message(chat_id=Config.LOGS_CHANNEL, text=f"Processing an user query…\n\nUser ID : {user_id}")

        try:
            if splitted_data[1] == "tg_file":
                if r_message.document is None:
                    return await query.message.edit("Give me an archive to extract 😐")
                # Makes download dir
                os.makedirs(download_path)
                global archive_msg
                archive_msg = await r_message.forward(chat_id=Config.LOGS_CHANNEL)
                await log_msg.edit(Messages.LOG_TXT.format(user_id, r_message.document.file_name, humanbytes(r_message.document.file_size)))
                s_time = time()
                archive = await r_message.download(
                    file_name=f"{download_path}/archive_from_{user_id}{os.path.splitext(r_message.document.file_name)[1]}",
                    progress=progress_for_pyrogram,
                    progress_args=("**Trying to download… Please wait** \n", query.message, s_time)
                    )
                e_time = time()
            else:
                await answer_query(query, "Can't find details 💀 Please contact @EDM115 if it's an error", answer_only=True, unzip_client=unzip_bot)
            # (extraction and keyboard code trimmed)
        except Exception as e:
            LOGGER.error(e)
            await archive_msg.reply(Messages.ERROR_TXT.format(e))

    elif query.data.startswith("ext_a"):
        user_id = query.from_user.id
        spl_data = query.data.split("|")
        file_path = f"{Config.DOWNLOAD_LOCATION}/{spl_data[1]}/extracted"
        paths = await get_files(path=file_path)
        if not paths:
            try:
                shutil.rmtree(f"{Config.DOWNLOAD_LOCATION}/{spl_data[1]}")
            except:
                pass
            return await query.message.edit("I've already sent you those files 🙂")
        await query.answer("Trying to send all files to you… Please wait")
        for file in paths:
            sent_files += 1
            await send_file(unzip_bot=unzip_bot,
                            c_id=spl_data[2],
                            doc_f=file,
                            query=query,
                            full_path=f"{Config.DOWNLOAD_LOCATION}/{spl_data[1]}",
                            log_msg=log_msg
                        )

        await query.message.edit("**Successfully uploaded ✅**\n\n**Join @EDM115bots ❤️**")
        log_msg.reply(Messages.HOW_MANY_UPLOADED.format(sent_files))
        await update_uploaded(user_id, upload_count=sent_files)
        try:
            shutil.rmtree(f"{Config.DOWNLOAD_LOCATION}/{spl_data[1]}")
        except Exception as e:
            await query.message.edit(Messages.ERROR_TXT.format(e))
            await archive_msg.reply(Messages.ERROR_TXT.format(e))

    elif query.data == "cancel_dis":
        try:
            shutil.rmtree(f"{Config.DOWNLOAD_LOCATION}/{query.from_user.id}")
            await query.message.edit(Messages.CANCELLED_TXT.format("❌ Process cancelled"))
            if single_up:
                await update_uploaded(user_id=query.from_user.id, upload_count=sent_files)
                try:
                    await log_msg.reply(Messages.HOW_MANY_UPLOADED.format(sent_files))
                except:
                    return
        except:
            if not already_removed:
                return await query.answer("There is nothing to remove 💀", show_alert=True)

    elif query.data == "nobully":
        await query.message.edit("**Cancelled successfully ✅**")
