def load(config):
    return config
