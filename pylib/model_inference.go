package pylib

// Local machine-learning inference: loading a model and running it are
// CPU (or GPU) work of tens of milliseconds to seconds per call, done on
// the calling thread; the libraries have no asyncio API. An `async def`
// endpoint that embeds, classifies or transcribes on the loop holds every
// other request for that long — the bug real services keep fixing with
// `asyncio.to_thread`/`run_in_threadpool` (llama-stack #3332/#3335,
// "SentenceTransformer embedding operations block async event loop";
// groktocrawl #166, "run synchronous model.encode() in thread executor to
// unblock event loop"; sentence-transformers #3839/#3856, the maintainers'
// deployment guide: a synchronous, CPU-bound `model.encode()` inside an
// `async def` endpoint blocks the event loop). Receiver types come from
// the constructors and factories, never from the bare names `encode`,
// `predict` or `generate`, which many objects have.

const inferenceAlt = "run it with `await asyncio.to_thread(...)` (or FastAPI's `run_in_threadpool`): model inference is " +
	"CPU/GPU work with no asyncio API"

func init() {
	// sentence-transformers: the constructor loads (and on first use
	// downloads) the model; encode/predict run it.
	for _, typ := range []string{"sentence_transformers.SentenceTransformer",
		"sentence_transformers.SentenceTransformer.SentenceTransformer"} {
		returns(typ, "sentence_transformers.SentenceTransformer")
	}
	for _, typ := range []string{"sentence_transformers.CrossEncoder", "sentence_transformers.cross_encoder.CrossEncoder"} {
		returns(typ, "sentence_transformers.CrossEncoder")
	}
	blocking("ASL202", inferenceAlt, "sentence_transformers.SentenceTransformer",
		"sentence_transformers.SentenceTransformer.SentenceTransformer", "sentence_transformers.CrossEncoder",
		"sentence_transformers.cross_encoder.CrossEncoder")
	blocking("ASL202", inferenceAlt, prefixed("sentence_transformers.SentenceTransformer.", "encode", "encode_query",
		"encode_document", "encode_multi_process")...)
	blocking("ASL202", inferenceAlt, prefixed("sentence_transformers.CrossEncoder.", "predict", "rank")...)

	// Hugging Face transformers: `pipeline(...)` loads a model and returns
	// a Pipeline, which runs it when called; `from_pretrained` loads
	// weights; `generate` decodes token by token.
	const pipelineType, modelType = "transformers.Pipeline", "transformers.PreTrainedModel"
	returns("transformers.pipeline", pipelineType)
	blocking("ASL202", inferenceAlt, "transformers.pipeline", pipelineType+".__call__", pipelineType+".predict")
	for _, auto := range []string{"AutoModel", "AutoModelForCausalLM", "AutoModelForSeq2SeqLM",
		"AutoModelForSequenceClassification", "AutoModelForTokenClassification", "AutoModelForQuestionAnswering",
		"AutoModelForSpeechSeq2Seq"} {
		returns("transformers."+auto+".from_pretrained", modelType)
		blocking("ASL202", inferenceAlt, "transformers."+auto+".from_pretrained")
	}
	blocking("ASL202", inferenceAlt, modelType+".generate", modelType+".__call__")

	// openai-whisper: load_model loads the checkpoint; transcribe runs the
	// whole audio through the model.
	returns("whisper.load_model", "whisper.model.Whisper")
	blocking("ASL202", inferenceAlt, "whisper.load_model", "whisper.model.Whisper.transcribe", "whisper.transcribe")

	// faster-whisper (SYSTRAN/faster-whisper README): `WhisperModel(size)`
	// loads the CTranslate2 model ("the corresponding CTranslate2 model is
	// automatically downloaded from the Hugging Face Hub" when loaded by
	// size); `transcribe` returns the detected language in its info before
	// any segment is read, and its segments are a generator: "the
	// transcription only starts when you iterate over it", which callers do
	// right after, on the same thread. The record is on `transcribe`, the
	// call a fix moves to a thread together with the iteration.
	for _, typ := range []string{"faster_whisper.WhisperModel", "faster_whisper.transcribe.WhisperModel"} {
		returns(typ, "faster_whisper.WhisperModel")
		blocking("ASL202", inferenceAlt, typ)
	}
	blocking("ASL202", inferenceAlt, "faster_whisper.WhisperModel.transcribe")

	// ONNX Runtime (onnxruntime's Python API, the class defined in
	// onnxruntime/capi/onnxruntime_inference_collection.py and exported as
	// `onnxruntime.InferenceSession`): the constructor reads the model
	// (a path, or the model's bytes) and builds and optimizes the session
	// (the C API's CreateSession / CreateSessionFromArray); `run(output_names,
	// input_feed, run_options=None)` runs the graph on the calling thread and
	// returns the outputs as NumPy arrays, as do run_with_ort_values and
	// run_with_iobinding. `run_async` hands the run to the session's intra-op
	// thread pool and reports through a callback (the C API's RunAsync: "Run
	// the model asynchronously in a thread owned by intra op thread pool"),
	// so it is not listed. sovyx (realbugs62): Silero VAD inference for every
	// 32 ms microphone frame, moved to `asyncio.to_thread` because "ONNX
	// inference is CPU-bound and was blocking the event loop".
	for _, typ := range []string{"onnxruntime.InferenceSession",
		"onnxruntime.capi.onnxruntime_inference_collection.InferenceSession"} {
		returns(typ, "onnxruntime.InferenceSession")
		blocking("ASL202", inferenceAlt, typ)
	}
	blocking("ASL202", inferenceAlt, prefixed("onnxruntime.InferenceSession.", "run", "run_with_ort_values",
		"run_with_iobinding")...)
}

func init() {
	// spaCy (libcov22b; spaCy's docs, "spacy.load": "Load a pipeline using
	// the name of an installed package, a string path or a Path-like
	// object"; "Language.__call__": "Apply the pipeline to some text"):
	// load reads the pipeline's weights from disk and builds it, seconds;
	// calling the pipeline on a text tokenizes, tags, parses and
	// recognises entities on the calling thread. `nlp.pipe(texts)` is a
	// generator (its work runs as it is iterated) and is not listed.
	for _, f := range []string{"spacy.load", "spacy.blank"} {
		returns(f, "spacy.language.Language")
	}
	blocking("ASL202", inferenceAlt, "spacy.load", "spacy.language.Language.__call__")

	// PyTorch (torch/serialization.py, 1.13 in Debian's python3-torch):
	// `torch.load(f)` opens the file, reads the archive and unpickles
	// every tensor, seconds for a model's weights.
	blocking("ASL202", inferenceAlt, "torch.load", "torch.serialization.load")
}
