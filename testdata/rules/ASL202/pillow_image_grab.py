# Pillow's ImageGrab runs a screenshot tool (screencapture, gnome-screenshot)
# or the clipboard tools (wl-paste, xclip) with subprocess.call, or grabs the
# X11 screen, and waits (realbugs62, bantz).
import asyncio
import io

from PIL import Image, ImageGrab
import PIL.ImageGrab


async def screenshot_png():
    img = ImageGrab.grab()  # want: ASL202 "worker thread"
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    return buf.getvalue()


async def region(bbox):
    return PIL.ImageGrab.grab(bbox=bbox)  # want: ASL202


async def paste_image():
    from PIL import ImageGrab as grabber

    return grabber.grabclipboard()  # want: ASL202


# Quiet: offloaded, or in a plain function.
async def screenshot_offloaded():
    return await asyncio.to_thread(ImageGrab.grab)


def screenshot_sync():
    return ImageGrab.grab()


# Quiet: Pillow's image operations on bytes already in memory are CPU work
# proportional to the image and are not listed.
async def thumbnail(data: bytes):
    img = Image.open(io.BytesIO(data))
    img.thumbnail((128, 128))
    out = io.BytesIO()
    img.save(out, format="JPEG")
    return out.getvalue()


# Quiet: a project object's own grab() is not Pillow's.
class Tool:
    def grab(self):
        return 1


async def use_tool(tool: Tool):
    return tool.grab()
