package dev.moderato.embed;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.moderato.Api;
import dev.moderato.CommentFixtures;
import dev.moderato.IntegrationTest;
import dev.moderato.Moderators;
import dev.moderato.comments.Comment;
import dev.moderato.comments.Comments;
import dev.moderato.privacy.CommenterPrivacy;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embed in a real browser (Debian's headless Chromium, one session for the class): on the dev run's {@code /demo}
 * page, and on a blog of another origin ({@code 127.0.0.1}, the service on {@code localhost}) whose page has a strict
 * Content-Security-Policy with Trusted Types and a hostile stylesheet. Skipped where no Chromium is installed.
 * Screenshots go to {@code target/screenshots/}.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbedBrowserTests {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private static final String HOST_CSS = """
			* { color: rgb(200, 0, 0) !important; }
			input, textarea, button { display: none !important; }
			""";

	private static final String HOST_JS = """
			window.violations = [];
			document.addEventListener('securitypolicyviolation', e => window.violations.push(e.violatedDirective + ' ' + e.blockedURI));
			""";

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	Comments comments;

	@Autowired
	CommenterPrivacy privacy;

	ChromeDriver browser;

	WebDriverWait wait;

	Api api;

	Moderators moderator;

	CommentFixtures fixtures;

	HttpServer blog;

	Path profile;

	@BeforeAll
	void openBrowser() throws IOException {
		Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
				"Skipped: the browser test needs " + CHROMIUM + " and " + CHROMEDRIVER
						+ " (Debian: apt-get install chromium chromium-driver; .ci/run installs them)");
		this.api = new Api(this.port, this.json);
		this.moderator = Moderators.as(this.port, this.json, Moderators.MODERATOR, Moderators.MODERATOR_PASSWORD);
		this.fixtures = new CommentFixtures(this.comments, this.privacy);
		this.blog = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.blog.createContext("/", this::serveBlog);
		this.blog.start();
		this.profile = Files.createTempDirectory("embed-chromium");
		ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
			.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
					"--window-size=1280,900", "--lang=en-GB", "--user-data-dir=" + this.profile);
		ChromeDriverService driver = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		this.browser = new ChromeDriver(driver, options);
		this.wait = new WebDriverWait(this.browser, Duration.ofSeconds(20));
	}

	@AfterAll
	void closeBrowser() throws IOException {
		if (this.browser != null) {
			this.browser.quit();
		}
		if (this.blog != null) {
			this.blog.stop(0);
		}
		if (this.profile != null) {
			try (var files = Files.walk(this.profile)) {
				files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
	}

	@Test
	void onTheDemoPageAReaderCommentsSeesItAwaitModerationThenInTheThreadAndRepliesToIt() throws IOException {
		this.browser.manage().window().setSize(new Dimension(1280, 900));
		this.browser.get(local("/demo"));
		String email = "reader-" + UUID.randomUUID().toString().substring(0, 8) + "@mail.example";
		WebElement form = ready();
		type("textarea[name=text]", "Ozu's pillow shots finally made sense to me on this viewing.");
		type("input[name=name]", "Robin");
		type("input[name=email]", email);
		shadow("input[name=save]").click();
		form.findElement(By.cssSelector("button[type=submit]")).click();

		waitForText(".notice", "awaiting moderation");
		assertThat(js("return document.getElementById('moderato').shadowRoot.activeElement.className")).as("focus moves to the notice")
			.isEqualTo("notice");
		WebElement pending = this.wait.until(d -> shadowOrNull(".own .pending"));
		assertThat(pending.getText()).contains("Robin", "Awaiting moderation", "pillow shots");
		String id = pending.getAttribute("id").substring("comment-".length());
		assertThat((String) js("return localStorage.getItem('moderato:pending')")).as("kept by id, never with the email")
			.contains(id).doesNotContain(email);
		assertThat((String) js("return localStorage.getItem('moderato:author')")).as("saved, as asked").contains(email);
		screenshot("embed-demo-awaiting");

		approveWhenHeld(id);
		WebElement published = this.wait.until(d -> shadowOrNull("ol.thread > li#comment-" + id + ":not(.pending)"));
		assertThat(shadowOrNull(".own .pending")).as("no longer shown as awaiting").isNull();
		assertThat(published.findElement(By.cssSelector("img.av")).getAttribute("src")).contains("/api/v1/avatars/");
		assertThat(published.findElement(By.cssSelector("a.when")).getAttribute("href")).endsWith("#comment-" + id);

		published.findElement(By.cssSelector("button.link")).click();
		this.wait.until(d -> shadowOrNull("li#comment-" + id + " form"));
		assertThat(js("return document.getElementById('moderato').shadowRoot.activeElement.name")).isEqualTo("text");
		assertThat(shadow(".replying").getText()).contains("Replying to Robin");
		type("textarea[name=text]", "Replying to myself: the train scenes too.");
		shadow("button[type=submit]").click();
		WebElement reply = this.wait.until(d -> shadowOrNull("li#comment-" + id + " > ol.replies > li.pending"));
		String replyId = reply.getAttribute("id").substring("comment-".length());
		assertThat(shadowOrNull(".home form")).as("the form went back under the thread").isNotNull();
		approveWhenHeld(replyId);
		this.wait.until(d -> shadowOrNull("li#comment-" + id + " > ol.replies > li#comment-" + replyId + ":not(.pending)"));
		js("document.getElementById('moderato').scrollIntoView()");
		screenshot("embed-demo-thread");
		shadow("input[name=save]").click();
		assertThat(js("return localStorage.getItem('moderato:author')")).as("unticked, forgotten").isNull();

		this.browser.get(local("/demo#comment-" + replyId));
		this.wait.until(d -> shadowOrNull("li#comment-" + replyId + ".target"));
		assertThat(js("return document.getElementById('moderato').shadowRoot.activeElement.parentNode.id"))
			.as("the mail's #comment-<id> link leads to the comment").isEqualTo("comment-" + replyId);
	}

	@Test
	void aBadEmailIsShownAtItsFieldAndTheTextIsKept() {
		String post = newPost();
		this.browser.get(blogPage(post, 30));
		ready();
		type("textarea[name=text]", "A careful paragraph I do not want to type twice.");
		type("input[name=name]", "Ann");
		type("input[name=email]", "ann");
		shadow("button[type=submit]").click();
		WebElement email = shadow("input[name=email]");
		this.wait.until(d -> "true".equals(email.getAttribute("aria-invalid")));
		WebElement error = shadow("#" + email.getAttribute("aria-describedby"));
		assertThat(error.getText()).isEqualTo("Please enter a valid email address.");
		assertThat(js("return document.getElementById('moderato').shadowRoot.activeElement.name")).isEqualTo("email");

		email.clear();
		email.sendKeys("ann@example..org"); // passes the browser's check, not the server's
		shadow("button[type=submit]").click();
		this.wait.until(d -> error.getText().startsWith("Must"));
		assertThat(error.getText()).isEqualTo("Must be a valid email address.");
		assertThat(email.getAttribute("aria-invalid")).isEqualTo("true");
		assertThat(email.getAttribute("aria-describedby")).isEqualTo(error.getAttribute("id"));
		assertThat(shadow("textarea[name=text]").getAttribute("value")).isEqualTo("A careful paragraph I do not want to type twice.");
		assertThat(shadow("input[name=name]").getAttribute("aria-invalid")).isNull();
	}

	@Test
	void onABlogWithAStrictPolicyAndHostileStylesTheWidgetWorksAndAnApprovedXssPayloadAppearsInert() throws IOException {
		String post = newPost();
		this.fixtures.approvedComment(post, "Kim", "kim@mail.example", "First!");
		this.browser.get(blogPage(post, 5));
		this.wait.until(d -> shadowOrNull("ol.thread > li"));

		String payload = "<script>window.pwned = 1</script><img src=x onerror=\"window.pwned = 2\"> "
				+ "<a href=\"javascript:window.pwned = 3\">click</a> https://example.org/ok";
		Comment xss = this.fixtures.approvedComment(post, "<b onmouseover=\"window.pwned = 4\">Mallory</b>", "mallory@mail.example",
				payload);
		WebElement shown = this.wait.until(d -> shadowOrNull("li#comment-" + xss.id()));
		assertThat(shown.getText()).as("the markup is shown as text").contains("<script>window.pwned = 1</script>",
				"<b onmouseover=");
		new Actions(this.browser).moveToElement(shown.findElement(By.cssSelector(".who"))).perform();
		assertThat(js("return String(window.pwned)")).isEqualTo("undefined");
		assertThat(js("return document.getElementById('moderato').shadowRoot.querySelectorAll('script, img:not(.av), [onerror], [onmouseover], a[href^=javascript]').length"))
			.isEqualTo(0L);
		assertThat(shown.findElement(By.cssSelector(".body a")).getAttribute("rel")).isEqualTo("nofollow ugc noopener");
		assertThat(js("return document.getElementById('moderato').shadowRoot.querySelector('[role=status].sr').textContent"))
			.as("others' new comments are announced").isEqualTo("New comments were published.");

		assertThat(js("return window.violations.join(', ')")).as("nothing the page's policy blocked").isEqualTo("");
		WebElement submit = shadow("button[type=submit]");
		assertThat(submit.isDisplayed()).as("the host's styles do not reach into the widget").isTrue();
		assertThat(submit.getCssValue("color")).isNotEqualTo("rgba(200, 0, 0, 1)");
		assertThat(js("return getComputedStyle(document.getElementById('probe')).fontSize"))
			.as("and the widget's styles do not reach out").isEqualTo("24px");
		assertThat(this.browser.findElement(By.id("count")).getText()).isEqualTo("1 comment");
		assertThat(this.browser.findElements(By.cssSelector(".none")).stream().map(e -> e.getAttribute("textContent")).distinct().toList())
			.as("counts fetched in batches of 50").containsExactly("0 comments");
		screenshot("embed-strict-csp-blog");
	}

	@Test
	void aReaderCommentsWithTheKeyboardAlone() {
		String post = newPost();
		this.browser.get(blogPage(post, 30));
		ready();
		js("document.getElementById('before').focus()");
		tab();
		assertThat(focused()).isEqualTo("text");
		keys("Typed without a mouse.");
		tab();
		assertThat(focused()).isEqualTo("name");
		keys("Kai");
		tab();
		keys("kai@mail.example");
		tab();
		assertThat(focused()).isEqualTo("url");
		tab();
		assertThat(focused()).isEqualTo("notify");
		keys(" ");
		tab();
		assertThat(focused()).isEqualTo("save");
		tab();
		assertThat(js("return document.getElementById('moderato').shadowRoot.activeElement.type")).isEqualTo("submit");
		keys(Keys.ENTER);
		waitForText(".notice", "awaiting moderation");
		assertThat(js("return document.getElementById('moderato').shadowRoot.activeElement.className")).isEqualTo("notice");
		assertThat(shadow("input[name=notify]").isSelected()).isTrue();

		String id = shadow(".own .pending").getAttribute("id").substring("comment-".length());
		Awaitility.await().atMost(Duration.ofSeconds(20))
			.until(() -> this.api.json(this.api.get("/api/v1/comments/" + id)).path("status").asString().equals("held"));
		assertThat(this.moderator.act(id, "reject").getStatusCode().is2xxSuccessful()).isTrue();
		waitForText(".notice", "Your comment was not published.");
		assertThat(shadowOrNull(".pending")).as("a refused comment disappears").isNull();
	}

	@Test
	void onAPhoneTheThreadFitsTheScreenAndDeepRepliesStopIndenting() throws IOException {
		String post = newPost();
		Comment parent = this.fixtures.approvedComment(post, "Wolfeschlegelsteinhausenbergerdorff", "wolf@mail.example",
				"Pneumonoultramicroscopicsilicovolcanoconiosis-and-https://example.org/a/very/long/path/that/never/breaks");
		for (int depth = 1; depth <= 5; depth++) {
			parent = this.fixtures.approvedReply(parent, "Level " + depth, "level" + depth + "@mail.example", "Reply at depth " + depth);
		}
		String deepest = parent.id().toString();
		this.browser.manage().window().setSize(new Dimension(390, 844));
		try {
			this.browser.get(blogPage(post, 30));
			this.wait.until(d -> shadowOrNull("li#comment-" + deepest));
			long viewport = (Long) js("return document.documentElement.clientWidth");
			assertThat((Long) js("return document.documentElement.scrollWidth")).as("nothing runs off the screen")
				.isLessThanOrEqualTo(viewport);
			assertThat(shadow("button[type=submit]").getSize().getHeight()).as("a tap target").isGreaterThanOrEqualTo(44);
			assertThat(shadow("textarea[name=text]").getRect().getWidth()).isGreaterThan(300);
			long level4 = (Long) js("return Math.round(document.getElementById('moderato').shadowRoot.querySelector('"
					+ "ol.thread > li > ol > li > ol > li > ol > li > ol > li > article').getBoundingClientRect().left)");
			long level5 = (Long) js("return Math.round(document.getElementById('moderato').shadowRoot.querySelector('li#comment-"
					+ deepest + " > article').getBoundingClientRect().left)");
			assertThat(level5).as("indentation stops after four levels").isEqualTo(level4);
			screenshot("embed-phone");
			this.browser.executeCdpCommand("Emulation.setEmulatedMedia",
					Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
			this.wait.until(d -> shadowOrNull(".m.dark"));
			screenshot("embed-phone-dark");
		}
		finally {
			this.browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
			this.browser.manage().window().setSize(new Dimension(1280, 900));
		}
	}

	private void approveWhenHeld(String id) {
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
			String status = this.api.json(this.api.get("/api/v1/comments/" + id)).path("status").asString();
			return status.equals("held") || status.equals("approved");
		});
		if (this.api.json(this.api.get("/api/v1/comments/" + id)).path("status").asString().equals("held")) {
			assertThat(this.moderator.act(id, "approve").getStatusCode().is2xxSuccessful()).isTrue();
		}
	}

	private String newPost() {
		String post = "embed-" + UUID.randomUUID().toString().substring(0, 8);
		this.api.registerPost(post, "Embedded in a blog", "Bea", "bea@blog.example");
		return post;
	}

	private String blogPage(String post, int refresh) {
		return "http://127.0.0.1:" + this.blog.getAddress().getPort() + "/post?id=" + post + "&refresh=" + refresh;
	}

	private void serveBlog(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		String type = "text/html; charset=utf-8";
		String body;
		if (path.equals("/host.css")) {
			type = "text/css";
			body = HOST_CSS;
		}
		else if (path.equals("/host.js")) {
			type = "text/javascript";
			body = HOST_JS;
		}
		else {
			Map<String, String> query = java.util.Arrays.stream(exchange.getRequestURI().getQuery().split("&"))
				.map(p -> p.split("=", 2)).collect(Collectors.toMap(p -> p[0], p -> p[1]));
			String service = "http://localhost:" + this.port;
			String none = IntStream.range(0, 55).mapToObj(i -> "<span class=\"none\" data-moderato-count=\"none-" + i + "\">?</span>")
				.collect(Collectors.joining(" "));
			body = """
					<!doctype html><html lang="en"><head><meta charset="utf-8">
					<meta name="viewport" content="width=device-width, initial-scale=1"><title>A blog elsewhere</title>
					<link rel="stylesheet" href="/host.css"><script src="/host.js"></script>
					<script src="%1$s/count.js" async></script></head><body>
					<h1>A post on another origin</h1><h2 id="probe">Host heading</h2>
					<p><a id="before" href="#top">Before the comments</a> <span id="count" data-moderato-count="%2$s">?</span></p>
					<div id="moderato" data-moderato-post="%2$s" data-moderato-refresh="%3$s"></div>
					<script src="%1$s/embed.js" async></script><p hidden>%4$s</p></body></html>
					""".formatted(service, query.get("id"), query.get("refresh"), none);
			exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'none'; script-src 'self' " + service
					+ "; style-src 'self'; img-src " + service + "; connect-src " + service
					+ "; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; require-trusted-types-for 'script'; trusted-types moderato");
		}
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", type);
		exchange.sendResponseHeaders(200, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	/** The form, once the post is known. */
	private WebElement ready() {
		return shadow(".home:not([hidden]) form");
	}

	private SearchContext root() {
		return this.wait.until(d -> d.findElement(By.id("moderato"))).getShadowRoot();
	}

	private WebElement shadow(String css) {
		return this.wait.until(d -> shadowOrNull(css));
	}

	private WebElement shadowOrNull(String css) {
		List<WebElement> found = root().findElements(By.cssSelector(css));
		return found.isEmpty() ? null : found.get(0);
	}

	private void type(String css, String text) {
		WebElement field = shadow(css);
		field.clear();
		field.sendKeys(text);
	}

	private void waitForText(String css, String text) {
		this.wait.until(d -> {
			WebElement el = shadowOrNull(css);
			return el != null && el.getText().contains(text);
		});
	}

	private void tab() {
		keys(Keys.TAB);
	}

	private void keys(CharSequence keys) {
		new Actions(this.browser).sendKeys(keys).perform();
	}

	private Object focused() {
		return js("return document.getElementById('moderato').shadowRoot.activeElement.name");
	}

	private Object js(String script) {
		return ((JavascriptExecutor) this.browser).executeScript(script);
	}

	private String local(String path) {
		return "http://localhost:" + this.port + path;
	}

	private void screenshot(String name) throws IOException {
		Files.createDirectories(SCREENSHOTS);
		Path shot = this.browser.getScreenshotAs(OutputType.FILE).toPath();
		Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
	}

}
