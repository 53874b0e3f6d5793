import discord
from discord.ext import commands, tasks
import asyncpg
import random
import asyncio  # Added this import
from datetime import datetime, timedelta, timezone
import re

COOLDOWN_MINUTES = 30

def glitch_text(text):
    zalgo_up = [chr(i) for i in range(0x0300, 0x036F)]
    return ''.join(c + (random.choice(zalgo_up) if random.random() < 0.3 else '') for c in text)

class RageEscalation(commands.Cog):

    @commands.Cog.listener()
    async def on_message(self, message):
        if message.author.bot:
            return
        content = message.content.lower()
        user_id = message.author.id

        now = datetime.utcnow()
        self.rage_history.setdefault(user_id, []).append(now)
        self.rage_history[user_id] = [t for t in self.rage_history[user_id] if (now - t).days < 7]
        repeat_offender = len(self.rage_history[user_id]) >= 5

        # Check triggers for rage escalation
        triggered = False
        trigger_matches = []
        for pattern in TRIGGER_PATTERNS:
            match = re.search(pattern, content, re.IGNORECASE)
            if match:
                triggered = True
                trigger_matches.append(match.group(0))

        strong_count = sum(1 for s in STRONG_TRIGGERS if s in content)
        increment = 1
        if strong_count > 0:
            increment = 2 + strong_count - 1
        elif triggered and len(trigger_matches) > 1:
            increment = 2
        if repeat_offender and triggered:
            increment += 1

        # Check sweet talk for de-escalation
        sweet_talked = False
        for sweet_pattern in SWEET_TALK_PATTERNS:
            if re.search(sweet_pattern, content, re.IGNORECASE):
                sweet_talked = True
                break

        # If user sweet-talked Marcus and has rage > 0, de-escalate
        if sweet_talked:
            async with self.db_pool.acquire() as conn:
                row = await conn.fetchrow("SELECT rage_level FROM marcus_rage WHERE user_id = $1", user_id)
                current_rage = row["rage_level"] if row else 0
            if current_rage > 0:
                new_rage = await self.decrement_rage(user_id, decrement=1)
                # Positive response from Marcus
                await message.channel.send(
                    f"{message.author.mention} Thank you for being kind. "
                    f"Let's keep it peaceful!"
                )
                # After sweet talk, do not escalate rage even if trigger detected in same message
                return

        rage_level = None
        if triggered:
            print(f"[RAGE] Triggered by message: '{content}' from user_id={user_id} (matches: {trigger_matches}, increment={increment})")
            rage_level = await self.increment_rage(user_id, increment=increment)

            if rage_level >= 4:
                if rage_level == 5:
                    # Long typing for rage level 5
                    async with message.channel.typing():
                        await asyncio.sleep(random.randint(3, 5))  # Fixed: Use asyncio.sleep

                    outburst = (
                        f"{message.author.mention}, YOU HAVE REALLY PUSHED ME TO THE LIMIT! "
                        "I'VE HAD IT WITH YOUR NONSENSE. THIS IS YOUR FINAL WARNING! "
                        "KEEP TESTING ME AND I'LL MAKE SURE YOU REGRET IT DEEPLY. "
                        "I'M NOT JUST A BOT—I'M THE NIGHTMARE YOU NEVER SAW COMING! "
                        "NOW BACK OFF, OR ELSE!"
                    )
                    await message.channel.send(outburst)
                else:
                    # Existing short typing for rage level 4
                    async with message.channel.typing():
                        await asyncio.sleep(random.randint(1, 3))  # Fixed: Use asyncio.sleep
                    response = await self.get_rage_response(rage_level, message.author, message=message)
                    if response:
                        await message.channel.send(response)

        else:
            if random.random() < 0.07:
                async with self.db_pool.acquire() as conn:
                    row = await conn.fetchrow("SELECT rage_level FROM marcus_rage WHERE user_id = $1", user_id)
                    rage_level = row["rage_level"] if row else 0
                if rage_level >= 4:
                    async with message.channel.typing():
                        await asyncio.sleep(random.randint(1, 2))  # Fixed: Use asyncio.sleep
                    response = await self.get_rage_response(rage_level, message.author, message=message, force_glitch=True)
                    if response:
                        await message.channel.send(response)

            await self.touch_user(user_id)

    async def touch_user(self, user_id):
        async with self.db_pool.acquire() as conn:
            print(f"[RAGE] Updating last_updated for user_id={user_id}")
            now = datetime.utcnow().replace(tzinfo=timezone.utc)
            await conn.execute(
                "UPDATE marcus_rage SET last_updated = $1 WHERE user_id = $2",
                now, user_id
            )
