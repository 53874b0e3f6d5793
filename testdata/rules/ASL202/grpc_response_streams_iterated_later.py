# A server-streaming RPC through a stub on a synchronous gRPC channel
# waits in each step of the iteration over its response, wherever that
# iteration is: a `for` over a name bound to the call (grpc's route_guide
# client: `features = stub.ListFeatures(rect)`, then `for feature in
# features:`) or `list(...)` around the call. Moving only the call to a
# worker thread leaves those waits on the loop, so these findings offer no
# to_thread fix; a unary call whose response is used as a value keeps it.
import grpc
import route_guide_pb2_grpc


async def list_features(rect):
    channel = grpc.insecure_channel("routes:50051")
    stub = route_guide_pb2_grpc.RouteGuideStub(channel)
    features = stub.ListFeatures(rect)  # want: ASL202
    names = []
    for feature in features:
        names.append(feature.name)
    return names


async def all_features(rect):
    channel = grpc.insecure_channel("routes:50051")
    stub = route_guide_pb2_grpc.RouteGuideStub(channel)
    return list(stub.ListFeatures(rect))  # want: ASL202


async def get_feature(point):
    channel = grpc.insecure_channel("routes:50051")
    stub = route_guide_pb2_grpc.RouteGuideStub(channel)
    feature = stub.GetFeature(point)  # want: ASL202
    return feature.name
