from tortoise import Model, fields
from tortoise import models


class Version(models.Model):
    version = fields.CharField(max_length=30)


class Group(Model):
    id = fields.IntField(pk=True)
    admin = fields.BooleanField()


class BaseModel(models.Model):
    # The project's own classmethods of the same names are the project's.
    @classmethod
    def get(cls, **kwargs):
        return cls.filter(**kwargs)

    @classmethod
    async def update(cls, q, **kwargs):
        query = cls.get(**q)
        if await query.exists():
            await query.update(**kwargs)
            return True
        return False

    class Meta:
        abstract = True


class Sub(BaseModel):
    uid = fields.IntField()
