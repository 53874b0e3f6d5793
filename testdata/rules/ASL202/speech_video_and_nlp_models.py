# SpeechRecognition's recognizers wait on the recognition service or the
# microphone, pyttsx3's runAndWait until the queue is spoken, OpenCV's
# VideoCapture for the next frame; spaCy's load and pipeline calls and
# torch.load are CPU work of seconds. Receivers are typed from the
# libraries' constructors and factories, never from the method names.
import asyncio

import cv2
import pyttsx3
import spacy
import speech_recognition as sr
import torch

nlp = spacy.load("en_core_web_sm")


async def transcribe(audio):
    recognizer = sr.Recognizer()
    return recognizer.recognize_google(audio)  # want: ASL202


async def speak(text: str):
    engine = pyttsx3.init()
    engine.say(text)
    engine.runAndWait()  # want: ASL202


async def snapshot():
    capture = cv2.VideoCapture(0)  # want: ASL202
    ok, frame = capture.read()  # want: ASL202
    return frame if ok else None


async def entities(text: str):
    doc = nlp(text)  # want: ASL202
    return [(e.text, e.label_) for e in doc.ents]


async def load_model(path: str):
    return torch.load(path, map_location="cpu")  # want: ASL202


def tag(text: str):
    return [t.pos_ for t in nlp(text)]


async def endpoint(text: str):
    return tag(text)  # want: ASL201


# Quiet: offloaded, plain functions, the pipeline's lazy pipe(), and other
# classes' methods of the same names.

async def offloaded(text: str):
    return await asyncio.to_thread(tag, text)


async def offloaded_recognition(audio):
    recognizer = sr.Recognizer()
    return await asyncio.to_thread(recognizer.recognize_google, audio)


def sync_speak(text: str):
    engine = pyttsx3.init()
    engine.say(text)
    engine.runAndWait()


async def lazy(texts):
    return nlp.pipe(texts)


class Camera:
    def read(self):
        return True, None

    def runAndWait(self):
        return None


async def others(camera: Camera):
    camera.runAndWait()
    return camera.read()
