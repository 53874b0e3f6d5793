"""
Maniaplanet Core Models. This models are used in several apps and should be considered as very stable.
"""
from peewee import *
from pyplanet.core.db import TimedModel
from pyplanet.utils.functional import empty


class Player(TimedModel):
	LEVEL_PLAYER = 0
	LEVEL_OPERATOR = 1
	LEVEL_ADMIN = 2
	LEVEL_MASTER = 3

	login = CharField(
		max_length=100,
		null=False,
		index=True,
		unique=True
	)

	nickname = CharField(max_length=150)

	CACHE = dict()

	def __str__(self):
		return self.login

	def __init__(self, *args, **kwargs):
		self.__flow = PlayerFlow()
		self.__attributes = PlayerAttributes()
		super().__init__(*args, **kwargs)

	@property
	def flow(self):
		return self.__flow

	@property
	def attributes(self):
		return self.__attributes

	async def save(self, *args, **kwargs):
		res = await super().save(*args, **kwargs)
		if self.login not in self.CACHE or (self.login in self.CACHE and id(self) != id(self.CACHE[self.login])):
			if self.login in self.CACHE and id(self) != id(self.CACHE[self.login]):
				self.__flow = self.CACHE[self.login].flow
				self.__attributes = self.CACHE[self.login].attributes
			self.CACHE[self.login] = self
		return res

	@classmethod
	async def get_by_login(cls, login, default=empty):
		"""
		Get player by login.

		:param login: Login.
		:param default: Optional default if not exist.
		:return: Player instance
		:rtype: pyplanet.apps.core.maniaplanet.models.player.Player
		"""
		if login in cls.CACHE:
			return cls.CACHE[login]
		try:
			cls.CACHE[login] = player = await cls.get(login=login)
		except DoesNotExist:
			if default is not empty:
				return default
			raise
		return player


class PlayerFlow:
	def __init__(self):
		self.in_run = False
		self.player_id = None
		self.team_id = None
		self.other = dict()

	def start_run(self):
		self.in_run = True

	def reset_run(self):
		if self.in_run:
			self.in_run = False


class PlayerAttributes:
	"""
	Hold custom attributes by keys used in several apps.
	"""
	def __init__(self):
		self.__attributes = dict()

	def set(self, key, value):
		self.__attributes[key] = value

	def get(self, key, default=None):
		if key in self.__attributes:
			return self.__attributes[key]
		return default
