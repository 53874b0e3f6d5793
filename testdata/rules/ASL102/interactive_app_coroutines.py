# Coroutine methods of the libraries interactive programs drive their user
# interface and kernels with: Flet's *_async page methods (Flet 0.10-0.21)
# and jupyter_client's asynchronous kernel manager and client. A call
# without await does nothing.
import flet as ft
from jupyter_client import KernelManager
from jupyter_client.manager import AsyncKernelManager


def on_theme_changed(page: ft.Page, mode):
    page.theme_mode = mode
    page.update_async()  # want: ASL102 "coroutine `page\.update_async\(\)` is never awaited"


async def main(page: ft.Page):
    page.add_async(ft.Text("hello"))  # want: ASL102
    await page.update_async()
    page.update()
    await page.go_async("/home")


class Runner:
    kernel_mgr = None

    async def start(self):
        self.kernel_mgr = AsyncKernelManager(kernel_name="python3")
        await self.kernel_mgr.start_kernel()
        kc = self.kernel_mgr.client()
        kc.start_channels()
        await kc.wait_for_ready(timeout=10)
        msg_id = kc.execute("1 + 1")
        return msg_id, await kc.get_shell_msg(timeout=5)

    async def stop(self):
        if self.kernel_mgr and self.kernel_mgr.is_alive():  # want: ASL102 "coroutine `self\.kernel_mgr\.is_alive\(\)` is never awaited: it is used as a condition"
            self.kernel_mgr.shutdown_kernel()  # want: ASL102

    async def stop_done_right(self):
        if self.kernel_mgr and await self.kernel_mgr.is_alive():
            await self.kernel_mgr.shutdown_kernel(now=True)


def blocking_manager():
    # The blocking KernelManager wraps the same coroutines with run_sync.
    km = KernelManager(kernel_name="python3")
    km.start_kernel()
    if km.is_alive():
        km.shutdown_kernel()
