# A synchronous bus with a publish method.
class LocalBus:
    def publish(self, subject, data):
        return (subject, data)
