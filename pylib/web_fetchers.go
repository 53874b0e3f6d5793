package pylib

// Synchronous libraries that fetch from the web or a remote repository on
// the calling thread, called from coroutines of bots and scrapers:
// geopy's geocoders, trafilatura's and newspaper's downloads,
// deep-translator's translators and GitPython's clone, pull, push and
// fetch (libcov22b), googlexcel-nopassword's sheet downloads
// (realbugs73). Sources: the Debian packages python3-geopy 2.3.0 and
// python3-git 3.1.30 (unpacked, never installed); the projects' docs for
// the others, and googlexcel-nopassword's module source (named at each
// record).

const (
	geopyAlt = "build the geocoder with geopy's asyncio adapter (`Nominatim(..., adapter_factory=AioHTTPAdapter)`, " +
		"then `await geolocator.geocode(...)`) or run it with `await asyncio.to_thread(...)`"
	fetchPageAlt = "download the page with an async HTTP client (aiohttp, httpx.AsyncClient) and extract from the " +
		"downloaded HTML, or run it with `await asyncio.to_thread(...)`"
	translateAlt = "run the translation in a worker thread: `await asyncio.to_thread(translator.translate, text)`"
	gitAlt       = "run the git operation in a worker thread (`await asyncio.to_thread(...)`) or as an asyncio " +
		"subprocess (`asyncio.create_subprocess_exec(\"git\", ...)`)"
	sheetsAlt = "download the sheets in a worker thread (`await asyncio.to_thread(ggx.data_fromAllSheets, url)`): " +
		"each sheet is one HTTPS download"
)

func init() {
	// geopy (geopy/geocoders/base.py, 2.x): every geocoder sends its
	// request through the adapter the constructor was given, by default
	// a synchronous one (requests or urllib: "default_adapter_factory");
	// geocode, reverse and (GoogleV3, GeoNames) reverse_timezone wait for
	// the service. With `adapter_factory=AioHTTPAdapter` the same methods
	// return coroutines, awaited (an awaited call is not reported).
	const geocoder = "geopy.geocoders.base.Geocoder"
	for _, c := range []string{"AlgoliaPlaces", "ArcGIS", "AzureMaps", "Baidu", "BaiduV3", "BANFrance", "Bing", "DataBC",
		"GeocodeEarth", "Geocodio", "Geolake", "GeoNames", "GoogleV3", "Here", "HereV7", "IGNFrance", "MapBox",
		"MapQuest", "MapTiler", "Nominatim", "OpenCage", "OpenMapQuest", "Pelias", "Photon", "PickPoint",
		"LiveAddress", "TomTom", "What3Words", "What3WordsV3", "Yandex"} {
		for _, typ := range []string{"geopy.geocoders." + c, "geopy." + c} {
			returns(typ, typ)
			LibraryBases[typ] = []string{geocoder}
		}
	}
	serviceRequests("ASL202", geopyAlt, prefixed(geocoder+".", "geocode", "reverse", "reverse_timezone")...)

	// trafilatura (trafilatura/downloads.py): fetch_url and fetch_response
	// download the page with urllib3 on the calling thread; extract works
	// on the HTML it is given (not listed).
	serviceRequests("ASL202", fetchPageAlt, "trafilatura.fetch_url", "trafilatura.downloads.fetch_url",
		"trafilatura.fetch_response", "trafilatura.downloads.fetch_response")

	// newspaper (newspaper3k and newspaper4k, newspaper/article.py,
	// source.py): Article.download fetches the article's URL with requests;
	// newspaper.build downloads a news site's front page and feeds and
	// lists its articles; newspaper4k's newspaper.article downloads and
	// parses one. Article.parse works on the downloaded HTML (not listed).
	for _, typ := range []string{"newspaper.Article", "newspaper.article.Article"} {
		returns(typ, "newspaper.Article")
	}
	for _, typ := range []string{"newspaper.Source", "newspaper.source.Source"} {
		returns(typ, "newspaper.Source")
	}
	serviceRequests("ASL202", fetchPageAlt, "newspaper.Article.download", "newspaper.build", "newspaper.article",
		"newspaper.Source.build", "newspaper.Source.download")

	// deep-translator (deep_translator/google.py and the other
	// translators): translate sends the text to the service with requests
	// (`requests.get(self._base_url, params=...)`) and waits;
	// translate_batch does it per text, translate_file reads the file and
	// translates its text.
	for _, c := range []string{"GoogleTranslator", "MyMemoryTranslator", "DeeplTranslator", "LingueeTranslator",
		"PonsTranslator", "MicrosoftTranslator", "YandexTranslator", "LibreTranslator", "PapagoTranslator",
		"QcriTranslator", "ChatGptTranslator", "BaiduTranslator", "TencentTranslator"} {
		typ := "deep_translator." + c
		returns(typ, typ)
		serviceRequests("ASL202", translateAlt, prefixed(typ+".", "translate", "translate_batch", "translate_file",
			"translate_words")...)
	}

	// GitPython (git/repo/base.py, git/remote.py): Repo.clone_from and
	// Repo.clone run `git clone` and wait for it; Repo.remote(name) gives
	// the Remote, whose fetch, pull and push run git against the remote
	// repository and wait (network). Opening a Repo reads only local files.
	for _, typ := range []string{"git.Repo", "git.repo.Repo", "git.repo.base.Repo"} {
		returns(typ, "git.Repo")
	}
	returns("git.Repo.remote", "git.Remote")
	returns("git.Remote", "git.Remote")
	returns("git.remote.Remote", "git.Remote")
	serviceRequests("ASL202", gitAlt, "git.Repo.clone_from", "git.Repo.clone")
	serviceRequests("ASL202", gitAlt, prefixed("git.Remote.", "fetch", "pull", "push")...)
	// `repo.remotes.origin.pull()`: Repo.remotes is an IterableList of the
	// Remotes, each an attribute named after its remote.
	wildcardRoots = append(wildcardRoots, "git.Repo.remotes")
	serviceRequests("ASL202", gitAlt, prefixed("git.Repo.remotes.*.", "fetch", "pull", "push")...)

	// googlexcel-nopassword (PyPI 1.11, 2022, imported as
	// Googlexcel_noPassword; "Fetch all sheets of data from Google
	// Spreadsheet Excel without auth/ password"): fetch_sheetnameslist does
	// `requests.get(url).text` and reads the sheet tabs from the page,
	// data_OneSheet reads one sheet with `pd.read_csv` of the sheet's
	// docs.google.com `gviz/tq?tqx=out:csv` URL, and data_fromAllSheets
	// does both, one HTTPS download per sheet, on the calling thread. Bots
	// read their league and tournament spreadsheets with it
	// (bench/realbugs73: an esports bot's scheduled task refetched every
	// tournament's workbook on the loop, "heartbeat blocked for more than
	// 10 seconds").
	serviceRequests("ASL202", sheetsAlt, prefixed("Googlexcel_noPassword.", "fetch_sheetnameslist", "data_OneSheet",
		"data_fromAllSheets")...)
}
