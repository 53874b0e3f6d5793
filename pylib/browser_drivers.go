package pylib

// Selenium WebDriver (selenium 4, selenium/webdriver/): a synchronous
// client of the browser's driver process. Constructing a driver
// (`webdriver.Chrome(options=...)`, `Firefox`, `Edge`, `Remote`...) starts
// the driver executable (common/service.py `Service.start`:
// `subprocess.Popen` of chromedriver/geckodriver, then polling until it
// accepts connections) and opens a browser session over HTTP
// (remote/webdriver.py `__init__` -> `start_session` -> `execute`); every
// command method is `self.execute(Command..., ...)`, a blocking urllib3
// request to that process (remote/remote_connection.py `_request`), and
// `get(url)` returns only once the page has loaded (the default page-load
// strategy). A scraper coroutine that drives Selenium holds the loop for the
// browser's start and every page load. `WebDriver.__enter__` returns self,
// so `with webdriver.Chrome() as driver:` binds the driver. Receiver types
// come from the constructors, never from the bare names `get`, `close` or
// `quit`, which many objects have.

const seleniumAlt = "run the Selenium work in `await asyncio.to_thread(...)` (each WebDriver call is a blocking HTTP " +
	"request to the driver process), or use an async browser API (`playwright.async_api`)"

// SeleniumWebDriver is the type every Selenium driver constructor returns
// (their classes derive from remote/webdriver.py's WebDriver).
const SeleniumWebDriver = "selenium.webdriver.remote.webdriver.WebDriver"

func init() {
	var ctors []string
	for _, browser := range []struct{ export, module string }{
		{"Chrome", "chrome"}, {"Firefox", "firefox"}, {"Edge", "edge"}, {"ChromiumEdge", "edge"},
		{"Safari", "safari"}, {"Ie", "ie"}, {"Remote", "remote"}, {"WebKitGTK", "webkitgtk"},
		{"WPEWebKit", "wpewebkit"},
	} {
		ctors = append(ctors, "selenium.webdriver."+browser.export,
			"selenium.webdriver."+browser.module+".webdriver.WebDriver")
	}
	for _, c := range ctors {
		returns(c, SeleniumWebDriver)
	}
	serviceRequests("ASL202", seleniumAlt, ctors...)
	serviceRequests("ASL202", seleniumAlt, prefixed(SeleniumWebDriver+".", "get", "find_element", "find_elements",
		"execute_script", "execute_async_script", "close", "quit", "refresh", "back", "forward", "get_cookies",
		"get_cookie", "add_cookie", "delete_cookie", "delete_all_cookies", "implicitly_wait",
		"set_page_load_timeout", "set_window_size", "get_window_size", "maximize_window", "print_page",
		"save_screenshot", "get_screenshot_as_file", "get_screenshot_as_png", "get_screenshot_as_base64")...)
}
