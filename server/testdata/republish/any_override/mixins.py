from base import Core as Base
