from aiobotocore.session import AioSession


class AWS:
    @classmethod
    def client(cls, service: str):
        session = AioSession()
        return session.create_client(service_name=service)


def make_client(service: str):
    return AioSession().create_client(service_name=service)
