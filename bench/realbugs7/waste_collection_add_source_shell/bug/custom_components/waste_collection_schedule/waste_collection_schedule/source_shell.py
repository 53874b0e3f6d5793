import datetime
import importlib
import logging
import traceback

_LOGGER = logging.getLogger(__name__)


class Customize:
    """Customize one waste collection type."""

    def __init__(
        self,
        waste_type: str,
        alias: str | None = None,
        show: bool = True,
        icon: str | None = None,
        picture: str | None = None,
        use_dedicated_calendar: bool = False,
        dedicated_calendar_title: str | None = None,
    ):
        self._waste_type = waste_type
        self._alias = alias
        self._show = show
        self._icon = icon
        self._picture = picture
        self._use_dedicated_calendar = use_dedicated_calendar
        self._dedicated_calendar_title = dedicated_calendar_title


class SourceShell:
    def __init__(
        self,
        source,
        customize,
        title: str,
        description: str,
        url: str | None,
        calendar_title: str | None,
        unique_id: str,
    ):
        self._source = source
        self._customize = customize
        self._title = title
        self._description = description
        self._url = url
        self._calendar_title = calendar_title
        self._unique_id = unique_id
        self._refreshtime = None
        self._entries = []

    def fetch(self):
        """Fetch data from source."""
        try:
            # fetch returns a list of Collection's
            entries = self._source.fetch()
        except Exception:
            _LOGGER.error(
                f"fetch failed for source {self._title}:\n{traceback.format_exc()}"
            )
            return
        self._refreshtime = datetime.datetime.now()
        self._entries = list(entries)

    @staticmethod
    def create(
        source_name: str,
        customize,
        source_args,
        calendar_title: str | None = None,
    ):
        # load source module
        try:
            source_module = importlib.import_module(
                f"waste_collection_schedule.source.{source_name}"
            )
        except ImportError:
            _LOGGER.error(f"source not found: {source_name}")
            return None

        # create source
        source = source_module.Source(**source_args)  # type: ignore

        # create source shell
        g = SourceShell(
            source=source,
            customize=customize,
            title=source_module.TITLE,  # type: ignore[attr-defined]
            description=source_module.DESCRIPTION,  # type: ignore[attr-defined]
            url=source_module.URL,  # type: ignore[attr-defined]
            calendar_title=calendar_title,
            unique_id=calc_unique_source_id(source_name, source_args),
        )

        return g


def calc_unique_source_id(source_name, source_args):
    return source_name + str(sorted(source_args.items()))
