# music.py
import discord
from discord.ext import commands
from yt_dlp import YoutubeDL
import asyncio
import concurrent.futures
import random


class Music(commands.Cog):
    def __init__(self, bot):
        self.bot = bot
        self.listen = self.listener()
        self.loop = False
        self.loop_queue = False
        self.queue = []
        self.current_song = None
        self.is_playing = False

        # UPDATED: Optimized yt-dlp options
        self.ydl_opts = {
            'format': 'bestaudio/best',
            'quiet': True,
            'no_warnings': True,
            'default_search': 'auto',
            'ignoreerrors': True,  # Skip unplayable videos
            'no_check_certificate': True,  # Bypass SSL issues
            'extractor_args': {
                'youtube': {
                    'skip': ['dash', 'hls'],
                }
            },
            'cachedir': False,  # Avoid cache corruption
            'socket_timeout': 15,  # Timeout protection
        }

        self.ffmpeg_options = {
            'before_options': '-reconnect 1 -reconnect_streamed 1 -reconnect_delay_max 5 -nostdin',
            'options': '-vn -b:a 128k -threads 1'
        }

    @commands.command()
    async def play(self, ctx, *, query: str):
        """Play audio from YouTube (video, search, or playlist)"""
        voice_client = ctx.voice_client

        # Connect to voice if needed
        if voice_client is None:
            if ctx.author.voice:
                voice_client = await ctx.author.voice.channel.connect()
            else:
                await ctx.send("Join a voice channel first!")
                return

        # Detect playlist URLs
        is_playlist = "list=" in query and ("youtube.com" in query or "youtu.be" in query)

        try:
            # FIX: Run blocking operations in thread
            with YoutubeDL(self.ydl_opts) as ydl:
                def extract_info():
                    return ydl.extract_info(query, download=False)

                # Use thread pool for extraction
                loop = asyncio.get_event_loop()
                info = await loop.run_in_executor(None, extract_info)

                if not info:
                    await ctx.send("⚠️ Couldn't find any results")
                    return

                # Handle playlists
                if is_playlist:
                    if 'entries' not in info:
                        await ctx.send("⚠️ Couldn't load playlist")
                        return

                    added_count = 0
                    for entry in info['entries']:
                        if entry:  # Skip unavailable videos
                            self.queue.append(entry)
                            added_count += 1

                    await ctx.send(f"🎵 Added {added_count} tracks from **{info.get('title', 'playlist')}**")

                # Handle single videos/searches
                else:
                    # Extract first result from searches
                    if 'entries' in info:
                        if not info['entries']:
                            await ctx.send("⚠️ No videos found")
                            return
                        info = info['entries'][0]

                    self.queue.append(info)
                    await ctx.send(f"🎵 Added **{info.get('title', 'Unknown track')}** to queue")

            # Start playback if idle
            if not voice_client.is_playing() and not voice_client.is_paused():
                await self.play_next(ctx)

        except Exception as e:
            await ctx.send(f"❌ Error: {str(e)[:150]}")

    @commands.command()
    async def skip(self, ctx):
        """Skip current track"""
        if ctx.voice_client and ctx.voice_client.is_playing():
            await ctx.send("⏭ Skipped")
            ctx.voice_client.stop()
        else:
            await ctx.send("Nothing playing!")


async def setup(bot):
    await bot.add_cog(Music(bot))
