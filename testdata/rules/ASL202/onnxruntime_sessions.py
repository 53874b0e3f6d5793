# ONNX Runtime: building an InferenceSession reads and optimizes the model,
# and run() computes the graph on the calling thread (realbugs62, sovyx:
# Silero VAD inference for every microphone frame held the loop).
import asyncio

import onnxruntime
import onnxruntime as ort
from onnxruntime import InferenceSession

session = ort.InferenceSession("vad.onnx", providers=["CPUExecutionProvider"])


async def detect(frame):
    return session.run(None, {"input": frame})  # want: ASL202 "model inference"


async def load(path):
    return onnxruntime.InferenceSession(path)  # want: ASL202


class Classifier:
    def __init__(self, path):
        self._session = InferenceSession(path)

    async def classify(self, x):
        outputs = self._session.run(["probs"], {"x": x})  # want: ASL202
        return outputs[0]

    async def classify_ort_values(self, feeds):
        return self._session.run_with_ort_values(["probs"], feeds)  # want: ASL202


# Quiet: offloaded to a thread, or in a plain function.
async def detect_offloaded(frame):
    return await asyncio.to_thread(session.run, None, {"input": frame})


def detect_sync(frame):
    return session.run(None, {"input": frame})


# Quiet: run_async hands the run to the session's thread pool and calls back.
async def detect_with_callback(frame, done):
    session.run_async(None, {"input": frame}, done, None)


# Quiet: `run` of an object that is not a session (the name alone says nothing).
class Job:
    def run(self, a, b):
        return a + b


async def run_job(job: Job):
    return job.run(1, 2)
