# The S3 client comes from a helper of another module: the response's
# "Body" item is still aiobotocore's StreamingBody, whose read() is a
# coroutine (preludeorg/vertebrae#34, bench/realbugs60: "Was not awaiting
# the result of body['Body'].read()").
from storage.aws import AWS, make_client


async def read(bucket: str, key: str) -> bytes:
    async with AWS.client("s3") as client:
        body = await client.get_object(Bucket=bucket, Key=key)
        return body["Body"].read()  # want: ASL102 "it is returned un-awaited from async function `read`"


async def read_text(bucket: str, key: str) -> str:
    client = make_client("s3")
    response = await client.get_object(Bucket=bucket, Key=key)
    data = response["Body"].read()  # want: ASL102 "its method `decode\(\)` is called on the coroutine object"
    return data.decode()


# Quiet: awaited, and items the library records nothing for.
async def read_awaited(bucket: str, key: str) -> bytes:
    async with AWS.client("s3") as client:
        body = await client.get_object(Bucket=bucket, Key=key)
        print(body["ContentLength"], body["Metadata"].get("x"))
        return await body["Body"].read()
