package pylib

// More synchronous clients that async applications call from coroutines by
// mistake, found by the library coverage audit (docs/pylib-coverage.md):
// browser automation (Selenium), WebSocket clients built on threads
// (websocket-client, websockets.sync), requests.Session subclasses
// (requests-oauthlib, cloudscraper), curl_cffi, Discord's SyncWebhook,
// Confluent's Kafka client, kafka-python's send futures, paho-mqtt's
// blocking loops and helpers, and the Firebase Admin SDK. Each call listed
// is a network round trip or a wait on one (ASL202); as in sdk_clients.go,
// constructors that do not connect and local builders are not listed.
// Every record is matched on a receiver typed as the library's class, never
// by the method's name alone (`get`, `send`, `recv` and `poll` mean other
// things on other objects).

const (
	seleniumAlt  = "use an async browser driver (`playwright.async_api`) or run the Selenium session in a thread: `await asyncio.to_thread(...)`"
	wsClientAlt  = "use an asyncio WebSocket client (`websockets.connect`, aiohttp's `ws_connect`) and await it, or `await asyncio.to_thread(...)`"
	curlCffiAlt  = "use `curl_cffi.requests.AsyncSession` and await it, or `await asyncio.to_thread(...)`"
	webhookAlt   = "use `discord.Webhook` with an aiohttp session (`await webhook.send(...)`), or `await asyncio.to_thread(...)`"
	confluentAlt = "use an asyncio Kafka client (aiokafka) or run it in a thread: `await asyncio.to_thread(...)`; `poll(0)` and `flush(0)` return at once"
	mqttLoopAlt  = "start paho's network thread with `loop_start()` (or use aiomqtt) instead of running its loop on the event loop's thread"
	firebaseAlt  = "run it with `await asyncio.to_thread(...)` (the Firebase Admin SDK's calls are synchronous HTTPS requests)"
)

// SeleniumWebDriver is the base class of Selenium's drivers
// (selenium/webdriver/remote/webdriver.py).
const SeleniumWebDriver = "selenium.webdriver.remote.webdriver.WebDriver"

var (
	// WebDriver commands (selenium/webdriver/remote/webdriver.py): each one
	// is an HTTP request to the driver process (`self.execute(Command.GET,
	// {"url": url})`), which waits for the browser (get() returns when the
	// page has loaded).
	seleniumDriverCommands = []string{"get", "find_element", "find_elements", "execute_script", "execute_async_script",
		"quit", "close", "refresh", "back", "forward", "save_screenshot", "get_screenshot_as_png",
		"get_screenshot_as_base64", "get_screenshot_as_file", "get_cookies", "get_cookie", "add_cookie", "delete_cookie",
		"delete_all_cookies", "set_window_size", "get_window_size", "maximize_window", "minimize_window",
		"fullscreen_window", "implicitly_wait", "set_page_load_timeout", "set_script_timeout", "print_page"}
	// WebElement commands (selenium/webdriver/remote/webelement.py), each
	// `self._execute(Command...)` on the driver.
	seleniumElementCommands = []string{"click", "send_keys", "clear", "submit", "get_attribute", "get_property",
		"get_dom_attribute", "is_displayed", "is_enabled", "is_selected", "screenshot", "find_element", "find_elements",
		"value_of_css_property"}
	// Selenium's drivers as `selenium.webdriver` exports them
	// (selenium/webdriver/__init__.py: `from .chrome.webdriver import
	// WebDriver as Chrome`...), their modules' own names, and
	// undetected-chromedriver's Chrome (a subclass of Selenium's Chrome).
	seleniumDrivers = []string{"selenium.webdriver.Chrome", "selenium.webdriver.Firefox", "selenium.webdriver.Edge",
		"selenium.webdriver.ChromiumEdge", "selenium.webdriver.Safari", "selenium.webdriver.Ie",
		"selenium.webdriver.Remote", "selenium.webdriver.WebKitGTK", "selenium.webdriver.WPEWebKit",
		"selenium.webdriver.chrome.webdriver.WebDriver", "selenium.webdriver.firefox.webdriver.WebDriver",
		"selenium.webdriver.edge.webdriver.WebDriver", "selenium.webdriver.safari.webdriver.WebDriver",
		"selenium.webdriver.chromium.webdriver.ChromiumDriver", "undetected_chromedriver.Chrome"}
	curlCffiVerbs = []string{"request", "get", "post", "put", "patch", "delete", "head", "options"}
)

func init() {
	// Selenium. A driver's constructor starts the driver process and opens
	// a browser session (WebDriver.__init__ calls start_session, a
	// NEW_SESSION request): seconds. WebDriverWait.until polls its
	// condition with time.sleep(self._poll) until it holds or the timeout
	// passes (selenium/webdriver/support/wait.py); ActionChains.perform
	// sends the queued actions (selenium/webdriver/common/action_chains.py).
	const element = "selenium.webdriver.remote.webelement.WebElement"
	for _, d := range seleniumDrivers {
		LibraryBases[d] = []string{SeleniumWebDriver}
		returns(d, d)
		serviceRequests("ASL202", seleniumAlt, d)
	}
	serviceRequests("ASL202", seleniumAlt, prefixed(SeleniumWebDriver+".", seleniumDriverCommands...)...)
	serviceRequests("ASL202", seleniumAlt, prefixed(element+".", seleniumElementCommands...)...)
	returns(SeleniumWebDriver+".find_element", element)
	returns(element+".find_element", element)
	for _, w := range []string{"selenium.webdriver.support.ui.WebDriverWait", "selenium.webdriver.support.wait.WebDriverWait"} {
		serviceRequests("ASL202", seleniumAlt, w+".until", w+".until_not")
	}
	for _, a := range []string{"selenium.webdriver.ActionChains", "selenium.webdriver.common.action_chains.ActionChains"} {
		serviceRequests("ASL202", seleniumAlt, a+".perform")
	}

	// websocket-client: create_connection "Connect[s] to url and return[s]
	// the WebSocket object" (websocket/_core.py), so the call does the TCP,
	// TLS and HTTP upgrade handshakes; the WebSocket's send/recv are
	// socket writes and reads that wait for the peer, and
	// WebSocketApp.run_forever runs the receive loop until the connection
	// closes (websocket/_app.py).
	for _, mod := range []string{"websocket", "websocket._core"} {
		returns(mod+".create_connection", "websocket.WebSocket")
		serviceRequests("ASL202", wsClientAlt, mod+".create_connection")
	}
	for _, typ := range []string{"websocket.WebSocket", "websocket._core.WebSocket"} {
		serviceRequests("ASL202", wsClientAlt, prefixed(typ+".", "connect", "send", "send_binary", "send_frame", "recv",
			"recv_data", "recv_frame", "ping", "pong", "close")...)
	}
	for _, typ := range []string{"websocket.WebSocketApp", "websocket._app.WebSocketApp"} {
		serviceRequests("ASL202", wsClientAlt, typ+".run_forever")
	}
	// websockets' threading implementation: websockets.sync.client.connect
	// opens the connection and "returns a ClientConnection instance"; recv
	// "block[s] until a message is received" unless given a timeout, and 0
	// only checks for one already received (websockets docs, "Client
	// (threading)" and "Both sides (threading)"). The asyncio connect and
	// connection (async_libs.go) are coroutines.
	const syncConn = "websockets.sync.client.ClientConnection"
	returns("websockets.sync.client.connect", syncConn)
	serviceRequests("ASL202", wsClientAlt, "websockets.sync.client.connect")
	for _, typ := range []string{syncConn, "websockets.sync.connection.Connection", "websockets.sync.server.ServerConnection"} {
		serviceRequests("ASL202", wsClientAlt, typ+".recv", typ+".send", typ+".close")
		entry(typ + ".recv").Unblock = UnblockedByZeroTimeout
	}
	serviceRequests("ASL202", wsClientAlt, "websockets.sync.server.Server.serve_forever")

	// requests.Session subclasses: requests-oauthlib's `class
	// OAuth2Session(requests.Session)` (requests_oauthlib/oauth2_session.py;
	// OAuth1Session alike), whose fetch_token and refresh_token POST to the
	// token endpoint, and cloudscraper's `class CloudScraper(Session)`
	// (cloudscraper/__init__.py), made by create_scraper. Their requests
	// are the Session's (blocking.go).
	for _, s := range []string{"requests_oauthlib.OAuth2Session", "requests_oauthlib.oauth2_session.OAuth2Session",
		"requests_oauthlib.OAuth1Session", "requests_oauthlib.oauth1_session.OAuth1Session", "cloudscraper.CloudScraper"} {
		LibraryBases[s] = []string{"requests.Session"}
		returns(s, s)
	}
	for _, s := range []string{"requests_oauthlib.OAuth2Session", "requests_oauthlib.oauth2_session.OAuth2Session"} {
		serviceRequests("ASL202", sdkAlt, s+".fetch_token", s+".refresh_token")
	}
	for _, s := range []string{"requests_oauthlib.OAuth1Session", "requests_oauthlib.oauth1_session.OAuth1Session"} {
		serviceRequests("ASL202", sdkAlt, s+".fetch_request_token", s+".fetch_access_token")
	}
	returns("cloudscraper.create_scraper", "cloudscraper.CloudScraper")
	returns("cloudscraper.CloudScraper.create_scraper", "cloudscraper.CloudScraper")

	// curl_cffi: the module's functions and Session's methods perform the
	// transfer on the calling thread; AsyncSession's are coroutines on the
	// running loop (curl_cffi/requests/session.py: "An async request
	// session").
	for _, typ := range []string{"curl_cffi.requests.Session", "curl_cffi.requests.session.Session"} {
		returns(typ, typ)
		serviceRequests("ASL202", curlCffiAlt, prefixed(typ+".", curlCffiVerbs...)...)
	}
	serviceRequests("ASL202", curlCffiAlt, prefixed("curl_cffi.requests.", curlCffiVerbs...)...)
	for _, typ := range []string{"curl_cffi.requests.AsyncSession", "curl_cffi.requests.session.AsyncSession"} {
		returns(typ, typ)
		coroutineMethods(typ, append([]string{"close"}, curlCffiVerbs...)...)
	}

	// discord.py's SyncWebhook "uses requests" (discord/webhook/sync.py:
	// `class SyncWebhook(BaseWebhook)`, its send, fetch, edit, delete and
	// message methods each a request through a requests.Session);
	// from_url and partial only build it. discord.Webhook is its asyncio
	// twin (coroutines, on an aiohttp session).
	const syncWebhook = "discord.SyncWebhook"
	for _, typ := range []string{syncWebhook, "discord.webhook.SyncWebhook", "discord.webhook.sync.SyncWebhook"} {
		returns(typ, typ)
		returns(typ+".from_url", typ)
		returns(typ+".partial", typ)
		serviceRequests("ASL202", webhookAlt, prefixed(typ+".", "send", "fetch", "edit", "delete", "fetch_message",
			"edit_message", "delete_message")...)
	}

	// Confluent's Kafka client (confluent_kafka, over librdkafka):
	// Producer.flush waits "for all messages in the Producer queue to be
	// delivered", Producer.poll and Consumer.poll wait up to their timeout
	// (none by default) for events or a message, consume for a batch;
	// list_topics, committed, get_watermark_offsets and offsets_for_times
	// ask the brokers and wait for the answer (confluent-kafka's API
	// reference). produce() only enqueues. A zero timeout returns at once.
	for _, p := range []string{"confluent_kafka.Producer", "confluent_kafka.SerializingProducer"} {
		returns(p, p)
		serviceRequests("ASL202", confluentAlt, p+".flush", p+".poll", p+".list_topics")
		entry(p + ".flush").Unblock = UnblockedByZeroTimeout
		entry(p + ".poll").Unblock = UnblockedByZeroTimeout
	}
	for _, c := range []string{"confluent_kafka.Consumer", "confluent_kafka.DeserializingConsumer"} {
		returns(c, c)
		serviceRequests("ASL202", confluentAlt, prefixed(c+".", "poll", "consume", "list_topics", "committed",
			"get_watermark_offsets", "offsets_for_times")...)
		entry(c + ".poll").Unblock = UnblockedByZeroTimeout
		entry(c + ".consume").Unblock = UnblockedByZeroTimeout
	}

	// kafka-python: KafkaProducer.send returns a FutureRecordMetadata whose
	// get() waits on the produce future's latch (a threading.Event) until
	// the broker acknowledges the record or the timeout passes
	// (kafka/producer/future.py).
	for _, p := range []string{"kafka.KafkaProducer", "kafka.producer.KafkaProducer"} {
		returns(p+".send", "kafka.producer.future.FutureRecordMetadata")
	}
	serviceRequests("ASL202", kafkaAlt, "kafka.producer.future.FutureRecordMetadata.get")
	entry("kafka.producer.future.FutureRecordMetadata.get").Unblock = UnblockedByZeroTimeout

	// paho-mqtt: loop_forever "blocks and processes network events" until
	// disconnect(); loop() waits up to its timeout (1 s by default) in
	// select() (paho-mqtt's README, "Network loop"); the helper modules'
	// publish.single/multiple and subscribe.simple connect, run the loop
	// and disconnect (src/paho/mqtt/publish.py, subscribe.py).
	serviceRequests("ASL202", mqttLoopAlt, "paho.mqtt.client.Client.loop_forever", "paho.mqtt.client.Client.loop")
	entry("paho.mqtt.client.Client.loop").Unblock = UnblockedByZeroTimeout
	serviceRequests("ASL202", mqttAlt, "paho.mqtt.publish.single", "paho.mqtt.publish.multiple",
		"paho.mqtt.subscribe.simple")

	// Firebase Admin SDK: messaging.send "Sends the given message via
	// Firebase Cloud Messaging" through a requests session
	// (firebase_admin/messaging.py), as do its batch forms and the topic
	// subscriptions; the user-management functions of firebase_admin.auth
	// are Identity Toolkit requests (firebase_admin/_user_mgt.py); a
	// Realtime Database Reference's get/set/update/push/delete are REST
	// requests (firebase_admin/db.py). The `_async` batch forms of
	// messaging (firebase-admin 6.5) are coroutines. verify_id_token is not
	// listed: it fetches Google's public keys only when its cache expires.
	serviceRequests("ASL202", firebaseAlt, prefixed("firebase_admin.messaging.", "send", "send_all", "send_each",
		"send_multicast", "send_each_for_multicast", "subscribe_to_topic", "unsubscribe_from_topic")...)
	coroutines("firebase_admin.messaging.send_each_async", "firebase_admin.messaging.send_each_for_multicast_async")
	serviceRequests("ASL202", firebaseAlt, prefixed("firebase_admin.auth.", "get_user", "get_user_by_email",
		"get_user_by_phone_number", "get_users", "create_user", "update_user", "delete_user", "delete_users",
		"list_users", "set_custom_user_claims", "revoke_refresh_tokens", "generate_password_reset_link",
		"generate_email_verification_link", "create_session_cookie")...)
	const fbRef = "firebase_admin.db.Reference"
	returns("firebase_admin.db.reference", fbRef)
	returns(fbRef+".child", fbRef)
	serviceRequests("ASL202", firebaseAlt, prefixed(fbRef+".", "get", "set", "update", "push", "delete", "transaction")...)
}

// Third batch of the coverage audit: SendGrid.
func init() {
	// Twilio SendGrid's SendGridAPIClient (sendgrid/sendgrid.py, `class
	// SendGridAPIClient(BaseInterface)`): send() POSTs the mail through
	// python_http_client (urllib) on the calling thread.
	for _, typ := range []string{"sendgrid.SendGridAPIClient", "sendgrid.sendgrid.SendGridAPIClient"} {
		returns(typ, typ)
		serviceRequests("ASL202", toThreadAlt+" (sendgrid's client is synchronous)", typ+".send")
	}
}

// Fourth batch of the coverage audit: PyGithub, Stripe's StripeClient,
// Celery's results and Google Cloud's generated (GAPIC) clients.
func init() {
	// PyGithub (github/MainClass.py): `Github.get_repo(full_name_or_id,
	// lazy=False)` "calls GET /repos/:owner/:repo" through its requester
	// (requests) unless lazy; get_user(login) and get_organization alike;
	// a Repository's create_*/get_* of one object and its file updates
	// are requests too (the get_* that return a PaginatedList fetch while
	// iterated and are not listed).
	const gh, repo = "github.Github", "github.Repository.Repository"
	const ghAlt = "run it with `await asyncio.to_thread(...)` (PyGithub is synchronous; githubkit has an async API)"
	for _, typ := range []string{gh, "github.MainClass.Github"} {
		returns(typ, typ)
		returns(typ+".get_repo", repo)
		serviceRequests("ASL202", ghAlt, typ+".get_repo", typ+".get_organization", typ+".get_rate_limit")
		// get_repo(full_name_or_id, lazy=False): lazy, no request.
		a := entry(typ + ".get_repo")
		a.Unblock, a.BlockingKeyword, a.FileArg = UnblockedLazy, "lazy", 1
	}
	serviceRequests("ASL202", ghAlt, prefixed(repo+".", "create_issue", "get_issue", "get_pull", "create_pull",
		"get_contents", "create_file", "update_file", "delete_file", "get_branch", "get_commit", "get_readme",
		"create_git_ref", "get_git_ref", "merge", "create_hook", "edit", "get_workflow", "get_release",
		"create_git_release")...)

	// Stripe's StripeClient (stripe-python 8+): `client.customers.create(
	// params={...})` is a request; each service method has an `_async`
	// twin (`await client.customers.create_async(...)`), as the module-level
	// resources do (sdk_clients.go). Also under `client.v1.` (stripe 12).
	const stripeClient = "stripe.StripeClient"
	returns(stripeClient, stripeClient)
	for _, svc := range []string{"customers", "payment_intents", "setup_intents", "subscriptions", "subscription_items",
		"invoices", "invoice_items", "charges", "refunds", "prices", "products", "payment_methods", "accounts",
		"transfers", "payouts", "coupons", "promotion_codes", "events", "balance_transactions", "checkout.sessions",
		"billing_portal.sessions", "webhook_endpoints"} {
		for _, prefix := range []string{stripeClient + ".", stripeClient + ".v1."} {
			for _, m := range []string{"create", "retrieve", "update", "list", "delete", "cancel", "confirm", "capture",
				"search"} {
				serviceRequests("ASL202", stripeAlt, prefix+svc+"."+m)
				coroutines(prefix + svc + "." + m + "_async")
			}
		}
	}

	// Celery: AsyncResult.get "Wait[s] until task is ready, and return[s]
	// its result" (celery/result.py; wait is its alias), polling the result
	// backend; `app.send_task(...)` and `app.AsyncResult(id)` give one.
	const result = "celery.result.AsyncResult"
	for _, app := range []string{"celery.Celery", "celery.app.base.Celery"} {
		returns(app+".send_task", result)
		returns(app+".AsyncResult", result)
	}
	LibraryBases["celery.AsyncResult"] = []string{result}
	serviceRequests("ASL202", toThreadAlt+" (Celery's result backends are polled synchronously)", result+".get", result+".wait")
	entry(result + ".get").Unblock = UnblockedByZeroTimeout

	// Sending a task is a synchronous publish to the broker too:
	// celery/app/base.py `send_task` ("Send task by name") builds the
	// message and calls `amqp.send_task_message`, which publishes it with
	// kombu's Producer.publish over the app's pooled broker connection,
	// connecting (broker_connection_timeout, 4 s by default) and retrying
	// under the publish retry policy while the broker is unreachable;
	// celery/app/task.py's `delay` is `apply_async(args, kwargs)` and
	// `apply_async` ends in `app.send_task(...)` (unless task_always_eager
	// runs the task in place). MobileTeleSystems/syncmaster#116 ("Do not
	// block event loop when using Celery": "The call to the synchronous
	// celery.send_task() method in the asynchronous endpoint is wrapped in
	// asyncio.to_thread to avoid event loop blocking, in particular when
	// RabbitMQ is unavailable") moved it off the loop.
	const celeryTask = "celery.app.task.Task"
	const publishAlt = toThreadAlt + " (Celery publishes the task message to the broker synchronously, and waits and retries while the broker is unreachable)"
	for _, app := range []string{"celery.Celery", "celery.app.base.Celery"} {
		serviceRequests("ASL202", publishAlt, app+".send_task")
	}
	serviceRequests("ASL202", publishAlt, celeryTask+".delay", celeryTask+".apply_async")
}
