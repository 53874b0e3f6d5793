# Synchronous web clients with no async counterpart: yt-dlp's extraction
# and lyricsgenius's searches are HTTP round trips, called from bot
# handlers. In a thread they are fine.
import asyncio

import lyricsgenius
from yt_dlp import YoutubeDL


async def play(ctx, query, opts):
    with YoutubeDL(opts) as ydl:
        info = ydl.extract_info(query, download=False)  # want: ASL202 "`ydl\.extract_info\(\)` \(yt_dlp\.YoutubeDL\.extract_info\) blocks the event loop in async function `play`"
    await ctx.send(info["title"])


async def fetch(url):
    ydl = YoutubeDL({"quiet": True})
    ydl.download([url])  # want: ASL202


async def lyrics(message, token, query):
    genius = lyricsgenius.Genius(token, verbose=False)
    song = genius.search_song(query)  # want: ASL202 "\(lyricsgenius\.Genius\.search_song\)"
    await message.reply(song.lyrics)


async def play_in_thread(ctx, query, opts):
    # Quiet: the extraction runs in a worker thread.
    with YoutubeDL(opts) as ydl:
        def extract():
            return ydl.extract_info(query, download=False)

        info = await asyncio.get_running_loop().run_in_executor(None, extract)
    await ctx.send(info["title"])


async def lyrics_in_thread(message, token, query):
    # Quiet: handed to a thread, not called.
    genius = lyricsgenius.Genius(token)
    song = await asyncio.to_thread(genius.search_song, query)
    await message.reply(song.lyrics)


def cli(query, opts):
    # Quiet: synchronous code may block.
    with YoutubeDL(opts) as ydl:
        return ydl.extract_info(query, download=False)


async def options(opts):
    # Quiet: building the client does no I/O.
    return YoutubeDL(opts)
