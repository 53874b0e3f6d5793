from fastapi import Depends

from .database import get_database, get_plain_list


async def list_comments(query, db=Depends(get_database)):
    collection = db["comments"]
    cursor = collection.find(query).sort("fetch_time", -1).skip(0).limit(20)
    out = []
    for doc in cursor:  # want: ASL111 "AsyncIOMotorCursor"
        out.append(doc)
    return out


async def list_comments_fixed(query, db=Depends(get_database)):
    cursor = db["comments"].find(query).limit(20)
    return [doc async for doc in cursor]


async def numbers(values=Depends(get_plain_list)):
    # The dependency gives a plain list: a plain for is right.
    for v in values:
        print(v)
