import asyncio
import datetime
import hashlib
import pathlib
import onvif
import os
import shutil
import socket
import time
import urllib.parse
import uuid
import pathlib
from homeassistant.core import HomeAssistant
from homeassistant.config_entries import ConfigEntry
from pytapo.media_stream.downloader import Downloader
from homeassistant.components.media_source.error import Unresolvable

from haffmpeg.tools import IMAGE_JPEG, ImageFrame
from onvif import ONVIFCamera
from pytapo import Tapo
from yarl import URL
from homeassistant.helpers.network import NoURLAvailableError, get_url

from homeassistant.helpers.entity import DeviceInfo
from homeassistant.components.ffmpeg import DATA_FFMPEG
from homeassistant.components.onvif.event import EventManager
from homeassistant.const import CONF_IP_ADDRESS, CONF_USERNAME, CONF_PASSWORD
from homeassistant.util import slugify

from .const import (
    BRAND,
    COLD_DIR_DELETE_TIME,
    ENABLE_MOTION_SENSOR,
    DOMAIN,
    ENABLE_WEBHOOKS,
    HOT_DIR_DELETE_TIME,
    LOGGER,
    CLOUD_PASSWORD,
    ENABLE_TIME_SYNC,
    CONF_CUSTOM_STREAM,
    MEDIA_SYNC_COLD_STORAGE_PATH,
    MEDIA_SYNC_HOURS,
)

UUID = uuid.uuid4().hex


def isUsingHTTPS(hass):
    try:
        base_url = get_url(hass, prefer_external=False)
    except NoURLAvailableError:
        try:
            base_url = get_url(hass, prefer_external=True)
        except NoURLAvailableError:
            return True
    LOGGER.debug("Detected base_url schema: " + URL(base_url).scheme)
    return URL(base_url).scheme == "https"


def getStreamSource(entry, hdStream):
    custom_stream = entry.data.get(CONF_CUSTOM_STREAM)
    username = entry.data.get(CONF_USERNAME)
    password = entry.data.get(CONF_PASSWORD)
    host = entry.data.get(CONF_IP_ADDRESS)
    if custom_stream != "":
        return custom_stream

    if hdStream:
        streamType = "stream1"
    else:
        streamType = "stream2"
    username = urllib.parse.quote_plus(username)
    password = urllib.parse.quote_plus(password)
    streamURL = f"rtsp://{username}:{password}@{host}:554/{streamType}"
    return streamURL


def pytapoLog(msg):
    LOGGER.debug(f"[pytapo] {msg}")


def registerController(
    host, username, password, password_cloud="", super_secret_key="", device_id=None
):
    return Tapo(
        host,
        username,
        password,
        password_cloud,
        super_secret_key,
        device_id,
        reuseSession=False,
        printDebugInformation=pytapoLog,
        retryStok=False,
    )


def isOpen(ip, port):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.settimeout(3)
    try:
        s.connect((ip, int(port)))
        s.shutdown(2)
        return True
    except Exception:
        return False


def getDataPath():
    return os.path.abspath(
        os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
    )


def getColdDirPathForEntry(hass: HomeAssistant, entry_id: str):
    if hass.data[DOMAIN][entry_id]["mediaSyncColdDir"] is False:
        entry: ConfigEntry = hass.data[DOMAIN][entry_id]["entry"]
        media_sync_cold_storage_path = entry.data.get(MEDIA_SYNC_COLD_STORAGE_PATH)
        if media_sync_cold_storage_path == "":
            coldDirPath = os.path.join(getDataPath(), f".storage/{DOMAIN}/{entry_id}/")
        else:
            coldDirPath = f"{media_sync_cold_storage_path}/"

        pathlib.Path(coldDirPath + "/videos").mkdir(parents=True, exist_ok=True)
        pathlib.Path(coldDirPath + "/thumbs").mkdir(parents=True, exist_ok=True)
        hass.data[DOMAIN][entry_id]["mediaSyncColdDir"] = coldDirPath

    coldDirPath = hass.data[DOMAIN][entry_id]["mediaSyncColdDir"]
    return coldDirPath


def getHotDirPathForEntry(hass: HomeAssistant, entry_id: str):
    if hass.data[DOMAIN][entry_id]["mediaSyncHotDir"] is False:
        hotDirPath = os.path.join(getDataPath(), f"www/{DOMAIN}/{entry_id}/")
        pathlib.Path(hotDirPath + "/videos").mkdir(parents=True, exist_ok=True)
        pathlib.Path(hotDirPath + "/thumbs").mkdir(parents=True, exist_ok=True)
        hass.data[DOMAIN][entry_id]["mediaSyncHotDir"] = hotDirPath

    hotDirPath = hass.data[DOMAIN][entry_id]["mediaSyncHotDir"]
    return hotDirPath


async def getRecordings(hass, entry_id, date):
    tapoController: Tapo = hass.data[DOMAIN][entry_id]["controller"]
    LOGGER.debug("Getting recordings for date " + date + "...")
    recordingsForDay = await hass.async_add_executor_job(
        tapoController.getRecordings, date
    )
    if recordingsForDay is not None:
        for recording in recordingsForDay:
            for recordingKey in recording:
                hass.data[DOMAIN][entry_id]["mediaScanResult"][
                    str(recording[recordingKey]["startTime"])
                    + "-"
                    + str(recording[recordingKey]["endTime"])
                ] = True
    else:
        recordingsForDay = []
    return recordingsForDay


# todo: findMedia needs to run periodically
async def findMedia(hass, entry):
    entry_id = entry.entry_id
    LOGGER.debug("Finding media...")
    hass.data[DOMAIN][entry_id]["initialMediaScanDone"] = False
    tapoController: Tapo = hass.data[DOMAIN][entry_id]["controller"]

    recordingsList = await hass.async_add_executor_job(tapoController.getRecordingsList)
    mediaScanResult = {}
    for searchResult in recordingsList:
        for key in searchResult:
            LOGGER.debug(f"Getting media for day {searchResult[key]['date']}...")
            recordingsForDay = await getRecordings(
                hass, entry_id, searchResult[key]["date"]
            )
            LOGGER.debug(
                f"Looping through recordings for day {searchResult[key]['date']}..."
            )
            for recording in recordingsForDay:
                for recordingKey in recording:
                    filePathVideo = getColdFile(
                        hass,
                        entry_id,
                        recording[recordingKey]["startTime"],
                        recording[recordingKey]["endTime"],
                        "videos",
                    )
                    mediaScanResult[
                        str(recording[recordingKey]["startTime"])
                        + "-"
                        + str(recording[recordingKey]["endTime"])
                    ] = True
                    if os.path.exists(filePathVideo):
                        await processDownload(
                            hass,
                            entry_id,
                            recording[recordingKey]["startTime"],
                            recording[recordingKey]["endTime"],
                        )
    hass.data[DOMAIN][entry_id]["mediaScanResult"] = mediaScanResult
    hass.data[DOMAIN][entry_id]["initialMediaScanDone"] = True
    await mediaCleanup(hass, entry)


async def processDownload(hass, entry_id: int, startDate: int, endDate: int):
    filePath = getFileName(
        startDate,
        endDate,
        False,
    )

    coldFilePath = getColdFile(
        hass,
        entry_id,
        startDate,
        endDate,
        "videos",
    )

    if not os.path.exists(coldFilePath):
        raise Unresolvable("Failed to get file from cold storage: " + coldFilePath)

    if filePath not in hass.data[DOMAIN][entry_id]["downloadedStreams"]:
        hass.data[DOMAIN][entry_id]["downloadedStreams"][filePath] = {
            startDate: startDate,
            endDate: endDate,
        }
    mediaScanName = str(startDate) + "-" + str(endDate)
    if mediaScanName not in hass.data[DOMAIN][entry_id]["mediaScanResult"]:
        hass.data[DOMAIN][entry_id]["mediaScanResult"][mediaScanName] = True

    await generateThumb(
        hass,
        entry_id,
        startDate,
        endDate,
    )


async def generateThumb(hass, entry_id, startDate: int, endDate: int):
    filePathThumb = getColdFile(
        hass,
        entry_id,
        startDate,
        endDate,
        "thumbs",
    )
    if not os.path.exists(filePathThumb):
        filePathVideo = getColdFile(
            hass,
            entry_id,
            startDate,
            endDate,
            "videos",
        )
        _ffmpeg = hass.data[DATA_FFMPEG]
        ffmpeg = ImageFrame(_ffmpeg.binary)
        image = await asyncio.shield(
            ffmpeg.get_image(
                filePathVideo,
                output_format=IMAGE_JPEG,
            )
        )
        with open(filePathThumb, "wb") as binary_file:
            binary_file.write(image)
    return filePathThumb


# todo: findMedia needs to run periodically because of this function!!!
async def deleteFilesNoLongerPresentInCamera(hass, entry_id, extension, folder):
    if hass.data[DOMAIN][entry_id]["initialMediaScanDone"] is True:
        coldDirPath = getColdDirPathForEntry(hass, entry_id)
        if os.path.exists(coldDirPath + "/" + folder + "/"):
            listDirFiles = await hass.async_add_executor_job(
                os.listdir, coldDirPath + "/" + folder + "/"
            )
            for f in listDirFiles:
                fileName = f.replace(extension, "")
                filePath = os.path.join(coldDirPath + "/" + folder + "/", f)
                if fileName not in hass.data[DOMAIN][entry_id]["mediaScanResult"]:
                    LOGGER.debug(
                        "[deleteFilesNoLongerPresentInCamera] Removing "
                        + filePath
                        + " ("
                        + fileName
                        + ")..."
                    )
                    hass.data[DOMAIN][entry_id]["downloadedStreams"].pop(
                        fileName,
                        None,
                    )
                    os.remove(filePath)


async def deleteColdFilesOlderThanMaxSyncTime(hass, entry, extension, folder):
    entry_id = entry.entry_id
    mediaSyncHours = entry.data.get(MEDIA_SYNC_HOURS)

    if mediaSyncHours != "":
        coldDirPath = getColdDirPathForEntry(hass, entry_id)
        tapoController: Tapo = hass.data[DOMAIN][entry_id]["controller"]
        timeCorrection = await hass.async_add_executor_job(
            tapoController.getTimeCorrection
        )
        mediaSyncTime = int(mediaSyncHours) * 60 * 60
        entry_id = entry.entry_id
        ts = datetime.datetime.utcnow().timestamp()
        if os.path.exists(coldDirPath + "/" + folder + "/"):
            listDirFiles = await hass.async_add_executor_job(
                os.listdir, coldDirPath + "/" + folder + "/"
            )
            for f in listDirFiles:
                fileName = f.replace(extension, "")
                filePath = os.path.join(coldDirPath + "/" + folder + "/", f)
                splitFileName = fileName.split("-")
                if len(splitFileName) == 2:
                    endTS = int(fileName.split("-")[1])
                    last_modified = os.stat(filePath).st_mtime
                    if (endTS < (int(ts) - (int(mediaSyncTime) + timeCorrection))) and (
                        ts - last_modified > int(mediaSyncTime)
                    ):
                        LOGGER.debug(
                            "[deleteColdFilesOlderThanMaxSyncTime] Removing "
                            + filePath
                            + " ("
                            + fileName
                            + ")..."
                        )
                        hass.data[DOMAIN][entry_id]["downloadedStreams"].pop(
                            fileName,
                            None,
                        )
                        os.remove(filePath)
                else:
                    LOGGER.warn(
                        "[deleteColdFilesOlderThanMaxSyncTime] Ignoring "
                        + filePath
                        + " ("
                        + fileName
                        + ") because of incorrect file name format..."
                    )


async def mediaCleanup(hass, entry):
    entry_id = entry.entry_id
    LOGGER.debug("Initiating media cleanup for entity " + entry_id + "...")

    ts = datetime.datetime.utcnow().timestamp()
    hass.data[DOMAIN][entry_id]["lastMediaCleanup"] = ts
    hotDirPath = getHotDirPathForEntry(hass, entry_id)

    # clean cache files from old HA instance
    LOGGER.debug(
        "Removing cache files from old HA instances for entity " + entry_id + "..."
    )
    await deleteFilesNotIncluding(hass, hotDirPath + "/videos/", UUID)
    await deleteFilesNotIncluding(hass, hotDirPath + "/thumbs/", UUID)

    await deleteFilesNoLongerPresentInCamera(hass, entry_id, ".mp4", "videos")
    await deleteFilesNoLongerPresentInCamera(hass, entry_id, ".jpg", "thumbs")

    await deleteColdFilesOlderThanMaxSyncTime(hass, entry, ".mp4", "videos")
    await deleteColdFilesOlderThanMaxSyncTime(hass, entry, ".jpg", "thumbs")

    # Delete everything other than HOT_DIR_DELETE_TIME seconds from hot storage
    LOGGER.debug(
        "Deleting hot storage files older than "
        + str(HOT_DIR_DELETE_TIME)
        + " seconds for entity "
        + entry_id
        + "..."
    )
    await deleteFilesOlderThan(hass, hotDirPath + "/videos/", HOT_DIR_DELETE_TIME)
    await deleteFilesOlderThan(hass, hotDirPath + "/thumbs/", HOT_DIR_DELETE_TIME)


async def deleteDir(hass, dirPath):
    if (
        os.path.exists(dirPath)
        and os.path.isdir(dirPath)
        and dirPath != "/"
        and "tapo_control/" in dirPath
    ):
        LOGGER.debug("Deleting folder " + dirPath + "...")
        await hass.async_add_executor_job(shutil.rmtree, dirPath)


async def deleteFilesOlderThan(hass: HomeAssistant, dirPath, deleteOlderThan):
    now = datetime.datetime.utcnow().timestamp()
    if os.path.exists(dirPath):

        listDirFiles = await hass.async_add_executor_job(os.listdir, dirPath)
        for f in listDirFiles:
            filePath = os.path.join(dirPath, f)
            last_modified = os.stat(filePath).st_mtime
            if now - last_modified > deleteOlderThan:
                LOGGER.debug("[deleteFilesOlderThan] Removing " + filePath + "...")
                os.remove(filePath)


async def deleteFilesNotIncluding(hass: HomeAssistant, dirPath, includingString):
    if os.path.exists(dirPath):
        listDirFiles = await hass.async_add_executor_job(os.listdir, dirPath)
        for f in listDirFiles:
            filePath = os.path.join(dirPath, f)
            if includingString not in filePath:
                LOGGER.debug("[deleteFilesOlderThan] Removing " + filePath + "...")
                os.remove(filePath)


def processDownloadStatus(
    hass, entry_id, date: str, allRecordingsCount: int, recordingCount: int = False
):
    def processUpdate(status):
        if isinstance(status, str):
            hass.data[DOMAIN][entry_id]["downloadProgress"] = status
        else:
            hass.data[DOMAIN][entry_id]["downloadProgress"] = (
                status["currentAction"]
                + " "
                + date
                + (
                    f" ({recordingCount} / {allRecordingsCount})"
                    if recordingCount is not False
                    else ""
                )
                + (
                    ": " + str(round(status["progress"])) + " / " + str(status["total"])
                    if status["total"] > 0
                    else ""
                )
            )

    return processUpdate


def getFileName(startDate: int, endDate: int, encrypted=False):
    if encrypted:
        return hashlib.md5((str(startDate) + str(endDate)).encode()).hexdigest()
    else:
        return str(startDate) + "-" + str(endDate)


def getColdFile(
    hass: HomeAssistant, entry_id: str, startDate: int, endDate: int, folder: str
):
    coldDirPath = getColdDirPathForEntry(hass, entry_id)
    fileName = getFileName(startDate, endDate, False)

    if folder == "videos":
        extension = ".mp4"
    elif folder == "thumbs":
        extension = ".jpg"
    else:
        raise Unresolvable("Incorrect folder specified: " + folder)
    return coldDirPath + "/" + folder + "/" + fileName + extension
