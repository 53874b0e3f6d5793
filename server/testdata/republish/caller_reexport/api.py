from handler import Handler
