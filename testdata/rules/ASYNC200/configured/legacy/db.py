def query(sql, *args):
    return sql


def cheap(x):
    return x
