class TLObject:
    pass


class InputFile(TLObject):
    pass


class Document(TLObject):
    pass
