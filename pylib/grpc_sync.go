package pylib

import "strings"

// grpcio's synchronous API. A channel made by grpc.insecure_channel,
// grpc.secure_channel or grpc.intercept_channel is a grpc.Channel whose
// multi-callables run the RPC on the calling thread: a unary call returns
// the response when it has arrived, a server-streaming call returns an
// iterator whose next() waits for each message (grpcio's API reference,
// "Client-Side Context" and "Multi-Callable Interfaces"; grpc/_channel.py:
// `_UnaryUnaryMultiCallable.__call__` blocks in `_blocking`). Only their
// `.future(...)` form returns at once. The stubs protoc generates wrap such
// a channel: `XStub(channel)` sets one multi-callable per RPC
// (`self.Method = channel.unary_unary(...)`) in a module named
// `*_pb2_grpc`, and gRPC's asyncio API has its own channels
// (grpc.aio.insecure_channel...) whose multi-callables return awaitables;
// the same generated stub class wraps either.

// GRPCSyncChannels are the constructors of a synchronous channel.
var GRPCSyncChannels = map[string]bool{
	"grpc.insecure_channel":  true,
	"grpc.secure_channel":    true,
	"grpc.intercept_channel": true,
}

// GRPCStubModuleSuffix ends the name of the modules protoc's gRPC plugin
// generates (`helloworld_pb2_grpc`), which hold the `XStub` classes.
const GRPCStubModuleSuffix = "_pb2_grpc"

// GRPCSyncStubAlt is the advice for an RPC made through a generated stub
// on a synchronous channel in a coroutine.
const GRPCSyncStubAlt = "it is a gRPC call over a synchronous channel (grpc.insecure_channel/secure_channel): " +
	"open the channel with grpc.aio (`grpc.aio.insecure_channel(...)`, whose stub calls are awaited) " +
	"or make the call (and read its response stream) in `await asyncio.to_thread(...)`"

// GRPCGeneratedStub reports a class name that protoc's gRPC plugin
// generates: `XStub` in a `*_pb2_grpc` module (`helloworld_pb2_grpc.GreeterStub`).
func GRPCGeneratedStub(name string) bool {
	i := strings.LastIndexByte(name, '.')
	if i < 0 || !strings.HasSuffix(name[i+1:], "Stub") {
		return false
	}
	mod := name[:i]
	if j := strings.LastIndexByte(mod, '.'); j >= 0 {
		mod = mod[j+1:]
	}
	return strings.HasSuffix(mod, GRPCStubModuleSuffix)
}

// GRPCSyncCall is the record of an RPC made by calling a synchronous
// channel's multi-callable (what a generated stub's attributes are): the
// rules read a stub's call as one when the stub wraps a channel of
// GRPCSyncChannels.
const GRPCSyncCall = "grpc.UnaryUnaryMultiCallable.__call__"

func init() {
	for _, kind := range []string{"UnaryUnary", "UnaryStream", "StreamUnary", "StreamStream"} {
		serviceRequests("ASL202", GRPCSyncStubAlt, "grpc."+kind+"MultiCallable.__call__")
	}
}
