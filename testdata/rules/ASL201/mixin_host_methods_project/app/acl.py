import urllib.request


class AccessController:
    def validate(self, model):
        with urllib.request.urlopen("https://erp.example/acl/" + model) as response:
            return response.read()
