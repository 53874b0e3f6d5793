from aiormq.base import Channel


class FormFeedChannel(Channel):
    # A form feed between async and def.
    asyncdef unbind(self):
        return None
