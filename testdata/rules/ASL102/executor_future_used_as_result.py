# An executor job's future used as the job's result: loop.run_in_executor and
# Home Assistant's hass.async_add_executor_job return an asyncio Future. The
# job runs whether or not the future is awaited, so a dropped future is not
# reported; reading the future as the result is (hacs-govee's learning
# storage: `learned_dict = self._hass.async_add_executor_job(load_yaml, path)`
# and then `learned_dict[device]`).
import asyncio
import json
from concurrent.futures import ThreadPoolExecutor

from homeassistant.core import HomeAssistant
from homeassistant.util.yaml import load_yaml, save_yaml


def parse(path):
    with open(path) as f:
        return json.load(f)


class LearningStorage:
    def __init__(self, hass, config_dir):
        self._hass = hass
        self._config_dir = config_dir

    async def read(self):
        learned = self._hass.async_add_executor_job(load_yaml, self._config_dir + "/learned.yaml")  # want: ASL102 "awaitable `self._hass.async_add_executor_job\(\)` is never awaited: it is stored in `learned` and subscripted as if it were its result"
        return {device: learned[device] for device in learned}

    async def write(self, data):
        # Fire and forget: the job runs in the executor anyway.
        self._hass.async_add_executor_job(save_yaml, self._config_dir + "/learned.yaml", data)

    async def read_awaited(self):
        learned = await self._hass.async_add_executor_job(load_yaml, self._config_dir + "/learned.yaml")
        return {device: learned[device] for device in learned}


async def typed_hass(hass: HomeAssistant, path):
    config = hass.async_add_executor_job(parse, path)  # want: ASL102 "awaitable `hass.async_add_executor_job\(\)` is never awaited: it is stored in `config` and subscripted as if it were its result"
    return config["name"]


async def loop_job_attribute(path):
    loop = asyncio.get_running_loop()
    return loop.run_in_executor(None, parse, path).get("name")  # want: ASL102 "awaitable `loop.run_in_executor\(\)` is never awaited: its method `get\(\)` is called on the awaitable object"


async def loop_job_passed_as_data(path):
    loop = asyncio.get_running_loop()
    data = loop.run_in_executor(None, parse, path)  # want: ASL102 "awaitable `loop.run_in_executor\(\)` is never awaited"
    return json.dumps(data)


# Quiet: awaited later, handed to an API that awaits it, its Future methods,
# returned for the caller to await, a concurrent.futures future (not
# awaitable), and sync code.
async def awaited_later(hass: HomeAssistant, path):
    pending = hass.async_add_executor_job(parse, path)
    other = await hass.async_add_executor_job(parse, path + ".bak")
    return (await pending)["name"], other


async def with_timeout(hass: HomeAssistant, path):
    return await asyncio.wait_for(hass.async_add_executor_job(parse, path), timeout=5)


async def both(hass: HomeAssistant, a, b):
    first, second = await asyncio.gather(hass.async_add_executor_job(parse, a), hass.async_add_executor_job(parse, b))
    return first, second


async def with_callback(path, done):
    loop = asyncio.get_running_loop()
    fut = loop.run_in_executor(None, parse, path)
    fut.add_done_callback(done)


async def handed_to_caller(hass: HomeAssistant, path):
    return hass.async_add_executor_job(parse, path)


async def thread_pool(pool: ThreadPoolExecutor, path):
    return pool.submit(parse, path).result()


def sync_caller(hass, path):
    fut = hass.async_add_executor_job(parse, path)
    return fut


async def waited_with_timeout(path):
    loop = asyncio.get_running_loop()
    fut = loop.run_in_executor(None, parse, path)
    done, _ = await asyncio.wait([fut], timeout=1)
    if fut in done:
        return fut.result()
    return None


class Job:
    def __init__(self, hass):
        self.hass = hass
        self._job = None

    async def start(self, path):
        job = self.hass.async_add_executor_job(parse, path)
        if job is not self._job:
            self._job = job

    async def stop(self):
        if self._job is not None:
            await self._job
