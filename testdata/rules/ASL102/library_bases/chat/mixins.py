class SyncCogs:
    # Earlier in the bases than the library class: this remove_cog wins.
    def remove_cog(self, name: str) -> None:
        pass
