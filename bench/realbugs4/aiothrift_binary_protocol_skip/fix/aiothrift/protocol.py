import struct

from io import BytesIO
from struct import pack, unpack
from thriftpy2.protocol.exc import TProtocolException
from thriftpy2.thrift import TType

VERSION_MASK = -65536
VERSION_1 = -2147418112
TYPE_MASK = 0x000000FF


def pack_i8(byte):
    return struct.pack("!b", byte)


def pack_i32(i32):
    return struct.pack("!i", i32)


def pack_string(string):
    return struct.pack("!i%ds" % len(string), len(string), string)


def unpack_i8(buffer):
    return struct.unpack("!b", buffer)[0]


def unpack_i16(buffer):
    return struct.unpack("!h", buffer)[0]


def unpack_i32(buffer):
    return struct.unpack("!i", buffer)[0]


def write_message_begin(writer, name, ttype, seqid, strict=True):
    if strict:
        writer.write(pack_i32(VERSION_1 | ttype))
        writer.write(pack_string(name.encode("utf-8")))
    else:
        writer.write(pack_string(name.encode("utf-8")))
        writer.write(pack_i8(ttype))

    writer.write(pack_i32(seqid))


async def read_message_begin(reader, strict=True):
    data = await reader.readexactly(4)
    sz = unpack_i32(data)
    if sz < 0:
        version = sz & VERSION_MASK
        if version != VERSION_1:
            raise TProtocolException(
                type=TProtocolException.BAD_VERSION,
                message="Bad version in read_message_begin: %d" % (sz),
            )

        data = await reader.readexactly(4)
        name_sz = unpack_i32(data)
        data = await reader.readexactly(name_sz)
        name = data.decode("utf-8")
        type_ = sz & TYPE_MASK
    else:
        if strict:
            raise TProtocolException(
                type=TProtocolException.BAD_VERSION,
                message="No protocol version header",
            )

        data = await reader.readexactly(sz)
        name = data.decode("utf-8")
        data = await reader.readexactly(1)
        type_ = unpack_i8(data)

    data = await reader.readexactly(4)
    seqid = unpack_i32(data)

    return name, type_, seqid


async def read_field_begin(reader):
    data = await reader.readexactly(1)
    f_type = unpack_i8(data)
    if f_type == TType.STOP:
        return f_type, 0

    data = await reader.readexactly(2)
    return f_type, unpack_i16(data)


async def read_list_begin(reader):
    data = await reader.readexactly(1)
    e_type = unpack_i8(data)
    data = await reader.readexactly(4)
    sz = unpack_i32(data)
    return e_type, sz


async def read_struct(reader, obj, decode_response=True):
    while True:
        f_type, fid = await read_field_begin(reader)
        if f_type == TType.STOP:
            break

        if fid not in obj.thrift_spec:
            await skip(reader, f_type)
            continue

        sf_type, f_name = obj.thrift_spec[fid][:2]
        if f_type != sf_type:
            await skip(reader, f_type)
            continue

        data = await reader.readexactly(4)
        setattr(obj, f_name, data)


async def skip(reader, ftype):
    if ftype == TType.BOOL or ftype == TType.BYTE:
        await reader.readexactly(1)

    elif ftype == TType.I16:
        await reader.readexactly(2)

    elif ftype == TType.I32:
        await reader.readexactly(4)

    elif ftype == TType.I64:
        await reader.readexactly(8)

    elif ftype == TType.DOUBLE:
        await reader.readexactly(8)

    elif ftype == TType.SET or ftype == TType.LIST:
        v_type, sz = await read_list_begin(reader)
        for i in range(sz):
            await skip(reader, v_type)

    elif ftype == TType.STRUCT:
        while True:
            f_type, fid = await read_field_begin(reader)
            if f_type == TType.STOP:
                break
            await skip(reader, f_type)


class TProtocol:
    """
    Base class for thrift protocols, subclass should implement some of the protocol methods,
    currently we only have :class:`TBinaryProtocol` implemented for you.
    """

    def __init__(
            self, trans, strict_read=True, strict_write=True, decode_response=True
    ):
        self.trans = trans
        self.strict_read = strict_read
        self.strict_write = strict_write
        self.decode_response = decode_response

    async def skip(self, ttype):
        pass

    async def read_message_begin(self):
        pass

    async def read_message_end(self):
        pass

    def write_message_begin(self, name, ttype, seqid):
        pass

    def write_message_end(self):
        pass

    async def read_struct(self, obj):
        pass


class TBinaryProtocol(TProtocol):
    """Binary implementation of the Thrift protocol driver."""

    async def skip(self, ttype):
        await skip(self.trans, ttype)

    async def read_message_begin(self):
        api, ttype, seqid = await read_message_begin(
            self.trans, strict=self.strict_read
        )
        return api, ttype, seqid

    def write_message_begin(self, name, ttype, seqid):
        write_message_begin(self.trans, name, ttype, seqid, strict=self.strict_write)

    async def read_struct(self, obj):
        data = await read_struct(self.trans, obj, self.decode_response)
        return data
