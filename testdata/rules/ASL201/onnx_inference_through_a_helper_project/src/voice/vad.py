# A sync helper class that runs an ONNX model (the shape of sovyx's
# SileroVAD, realbugs62): the session is built in __init__ from a
# function-local import, and process_frame runs it.


class SileroVAD:
    def __init__(self, model_path):
        import onnxruntime as ort

        self._session = ort.InferenceSession(str(model_path), providers=["CPUExecutionProvider"])

    def process_frame(self, frame):
        output, self._state = self._session.run(None, {"input": frame})[:2]
        return float(output[0][0]) > 0.5

    def threshold(self):
        return 0.5
