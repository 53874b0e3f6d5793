from nonebot import on_keyword
from nonebot import on_message
from nonebot.adapters.onebot.v11 import Message
from nonebot.adapters.onebot.v11 import GroupMessageEvent
from nonebot.rule import to_me
import asyncio
from typing import (Any, Callable, Awaitable, Iterable, List)
from quart.utils import run_sync
from js import GPTIO
from revChatGPT.V1 import Chatbot
import time
import re
import sqlite3
import csv
import datetime
import nonebot


# 打印日志
def log(str=""):
  print("gpttalk: [%s] %s" % (datetime.datetime.now(), str))

class Gpt_account:
    def __init__(self, bot,email_,status_):
        self.bot = bot
        self.email = email_
        self.status = status_

active_bowser=(False or not('false' in str(nonebot.get_driver().config.active_bowser).lower()))
conn = sqlite3.connect('./js/qqgroup_userinfo.db')
c = conn.cursor()
gpt_accounts = []
black_list = []
def get_gpt_accounts():
    return gpt_accounts
def set_gpt_accounts(account_list):
    gpt_accounts = account_list
def get_black_list():
    return black_list


#  向GPT提问
@run_sync
def askGPT_nobowser(gptbot,question,convid=None):
    prev_text = ""
    for data in gptbot.ask(
        prompt=question,
        conversation_id=convid
    ):
        message = data["message"][len(prev_text) :]
        prev_text = data["message"]
    return prev_text


askGPT_nobowser_awake=on_message(rule=to_me(),priority=200)
@askGPT_nobowser_awake.handle()
async def _(event: GroupMessageEvent):
    uid=event.user_id
    if str(uid) in black_list:
        await word.finish(Message(f"[CQ:at,qq={uid}]你在黑名单中,不可使用"))

    user_msg = event.message
    c.execute("SELECT * FROM userinfo WHERE userid = ?", [str(uid)])
    row = c.fetchone()
    time.sleep(0.5)
    account_list = get_gpt_accounts()
    if row is not None and not('None' in row[3]):
        i = 0
        for x in account_list:
            email = account_list[i].email
            bot = account_list[i].bot
            if((row[2] in email)):
                if(str(row[3]) in str(account_list[i].bot.get_conversations())):
                    while('working' in account_list[i].status):
                        time.sleep(0.5)
                    account_list[i].status = 'working'
                    set_gpt_accounts(account_list)

                    gpt_result = await  askGPT_nobowser(bot, str(user_msg), str(row[3]))
                    c.execute("UPDATE userinfo SET conversationid = ? WHERE userid = ?", (str(row[3]), str(uid)))
                    conn.commit()

                    account_list[i].status = 'finish'
                    set_gpt_accounts(account_list)

                    await word.finish(Message(f"[CQ:at,qq={uid}]GPT {email}:\n{gpt_result}"))
                    break
            i = i + 1

    c.execute("DELETE FROM userinfo WHERE userid = ?", (str(uid),))
    conn.commit()
    log(f'新用户{uid}')

    while(True):
        log('while 1')
        i = 0
        time.sleep(0.5)
        account_list = get_gpt_accounts()
        for x in account_list:
            time.sleep(.05)
            if('working' in x.status):
                pass
            else:
                account_list[i].status = 'working'
                set_gpt_accounts(account_list)

                bot = account_list[i].bot
                email = account_list[i].email
                groupid = event.group_id
                gpt_result = await  askGPT_nobowser(bot, str(user_msg))
                covid = bot.conversation_id
                bot.change_title(covid,uid)
                c.execute("INSERT INTO userinfo (userid, groupid, gptaccount,conversationid) VALUES (?, ?,?,?)", (str(uid),str(groupid),str(email),str(covid)))
                conn.commit()

                account_list[i].status = 'finish'
                set_gpt_accounts(account_list)
                await word.finish(Message(f"[CQ:at,qq={uid}]GPT {email}:\n{gpt_result}"))
            account_list = get_gpt_accounts()
            i = i + 1


word=on_keyword({"在吗"},rule=to_me(),block=True,priority=12)
@word.handle()
async def _(event: GroupMessageEvent):
    uid=event.user_id
    msg = "好👌"
    await word.finish(Message(f"[CQ:at,qq={uid}]{msg}"))


if(active_bowser):
    chatgpt = GPTIO.ChatGPT()
    chatgpt.init(9222)
    chatgpt.open()

    #刷新网页
    refreshGPT_awake=on_keyword({"!f5"},rule=to_me(),block=True,priority=11)
    @refreshGPT_awake.handle()
    async def _(event: GroupMessageEvent):
        uid=event.user_id
        chatgpt.open(refresh=True)
        time.sleep(2)
        GPTIO.log(chatgpt.GPT_status)
        chatgpt.GPT_status = chatgpt.gptBusyorFree()
        if( 'finish' in chatgpt.GPT_status):
            msg ='👌🔄刷新成功🔄👌'
        else:
            msg = '🤦♀️刷新失败,请继续刷新网页或者查看后台🤦♂️'
        await word.finish(Message(f"[CQ:at,qq={uid}]{msg}"))
