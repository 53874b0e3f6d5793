from mixins_impl import AsyncLoad as Mixin
