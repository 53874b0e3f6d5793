# Reduced shape of https://github.com/terricain/aioboto3/pull/336
# (aioboto3: obj['Body'].read() without await, written to a file); not the project's code.
import aioboto3


async def download(bucket, key, path):
    session = aioboto3.Session()
    async with session.client("s3") as s3:
        obj = await s3.get_object(Bucket=bucket, Key=key)
        data = await obj["Body"].read()
        with open(path, "wb") as f:
            f.write(data)
