"""Constants (ours: the names __init__.py imports)."""
DEFAULT_NAME = "SolaX"
DEFAULT_SCAN_INTERVAL = 15
DOMAIN = "solax_modbus"
DEFAULT_TCP_TYPE = "tcp"
CONF_TCP_TYPE = "tcp_type"
CONF_MODBUS_ADDR = "read_modbus_addr"
CONF_INTERFACE = "interface"
CONF_SERIAL_PORT = "read_serial_port"
CONF_BAUDRATE = "baudrate"
CONF_PLUGIN = "plugin"
DEFAULT_INTERFACE = "tcp"
DEFAULT_SERIAL_PORT = "/dev/ttyUSB0"
DEFAULT_MODBUS_ADDR = 1
DEFAULT_PORT = 502
DEFAULT_BAUDRATE = "19200"
DEFAULT_PLUGIN = "solax"
