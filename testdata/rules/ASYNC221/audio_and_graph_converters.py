import asyncio

import graphviz
from graphviz import Digraph
from pydub import AudioSegment


async def transcode_voice(path: str) -> str:
    track = AudioSegment.from_file(path)  # want: ASYNC221
    track.export(path + ".mp3", format="mp3")  # want: ASYNC221
    return path + ".mp3"


async def from_ogg(path: str):
    return AudioSegment.from_ogg(path)  # want: ASYNC221


async def draw(edges, name: str) -> str:
    dot = Digraph(format="png")
    for a, b in edges:
        dot.edge(a, b)
    return dot.render(name, cleanup=True)  # want: ASYNC221


async def pipe_svg(source: str) -> bytes:
    return graphviz.Source(source).pipe(format="svg")  # want: ASYNC221


# Quiet: the conversion runs in a thread, and the graph is only built.

def _transcode(path: str) -> str:
    AudioSegment.from_file(path).export(path + ".mp3", format="mp3")
    return path + ".mp3"


async def transcode_in_thread(path: str) -> str:
    return await asyncio.to_thread(_transcode, path)


async def build_only(edges):
    await asyncio.sleep(0)
    dot = Digraph()
    for a, b in edges:
        dot.edge(a, b)
    return dot.source


async def render_in_thread(dot: Digraph, name: str) -> str:
    return await asyncio.to_thread(dot.render, name)


def sync_render(dot: Digraph, name: str) -> str:
    return dot.render(name)
