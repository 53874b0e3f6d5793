# Local model inference is CPU/GPU work on the calling thread: in an async
# endpoint it holds the loop for the whole computation.
import asyncio

import whisper
from fastapi import FastAPI
from sentence_transformers import CrossEncoder, SentenceTransformer
from transformers import AutoModelForCausalLM, pipeline

app = FastAPI()
model = SentenceTransformer("all-MiniLM-L6-v2")
reranker = CrossEncoder("cross-encoder/ms-marco-MiniLM-L-6-v2")
classifier = pipeline("sentiment-analysis")


@app.post("/embed")
async def embed(texts: list[str]):
    return model.encode(texts).tolist()  # want: ASL202 "model inference"


@app.post("/rerank")
async def rerank(query: str, docs: list[str]):
    return reranker.predict([(query, d) for d in docs]).tolist()  # want: ASL202


@app.post("/sentiment")
async def sentiment(text: str):
    return classifier(text)  # want: ASL202


class Service:
    def __init__(self):
        self.model = None

    async def _load(self):
        if self.model is None:
            self.model = SentenceTransformer("all-MiniLM-L6-v2")  # want: ASL202
        return self.model

    async def generate(self, name, inputs):
        lm = AutoModelForCausalLM.from_pretrained(name)  # want: ASL202
        return lm.generate(**inputs)  # want: ASL202

    async def transcribe(self, path):
        m = whisper.load_model("base")  # want: ASL202
        return m.transcribe(path)  # want: ASL202


# Quiet: offloaded to a thread, or in a plain function.
@app.post("/embed2")
async def embed_offloaded(texts: list[str]):
    return (await asyncio.to_thread(model.encode, texts)).tolist()


@app.post("/embed3")
def embed_sync(texts: list[str]):
    return model.encode(texts).tolist()


# Quiet: `encode` of an object that is not a model (the name alone says nothing).
async def encode_token(codec, text):
    return codec.encode(text)


# faster-whisper: the constructor loads the CTranslate2 model; transcribe
# detects the language and returns a generator the caller drains on the loop.
from faster_whisper import WhisperModel

stt = WhisperModel("base", device="cpu", compute_type="int8")


@app.post("/transcribe")
async def transcribe_upload(audio):
    segments, info = stt.transcribe(audio.file, beam_size=5)  # want: ASL202
    return "".join(s.text for s in segments)


async def load_stt(size):
    return WhisperModel(size)  # want: ASL202


# Quiet: transcribed in a worker thread, or in a plain function.
def _transcribe_all(path):
    segments, _ = stt.transcribe(path)
    return "".join(s.text for s in segments)


@app.post("/transcribe2")
async def transcribe_offloaded(path: str):
    return await asyncio.to_thread(_transcribe_all, path)


# Quiet: `transcribe` of something that is not a faster-whisper model.
async def transcribe_with(service, path):
    return await service.transcribe(path)
