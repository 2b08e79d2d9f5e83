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
import dev.moderato.SiteAdmin;
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

	SiteAdmin sites;

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
		this.sites = new SiteAdmin(this.port);
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

	@Test
	void onAPageFoundByItsCanonicalUrlTheFirstCommentCreatesThePostAndAppearsOnceApproved() throws IOException {
		String site = firstUseSite("url");
		String canonical = blogOrigin() + "/s/" + site + "/first-light/";
		this.browser.get(canonical + "?utm_source=feed");
		ready();
		waitForText("h2", "No comments yet");
		assertThat(shadowOrNull("ol.thread > li")).as("an empty thread, not fetched").isNull();
		this.wait.until(d -> d.findElement(By.id("count")).getText().equals("0 comments"));
		type("textarea[name=text]", "The first comment on this page.");
		type("input[name=name]", "Uma");
		type("input[name=email]", "uma-" + UUID.randomUUID().toString().substring(0, 8) + "@mail.example");
		shadow("button[type=submit]").click();
		waitForText(".notice", "awaiting moderation");
		String id = this.wait.until(d -> shadowOrNull(".own .pending")).getAttribute("id").substring("comment-".length());
		var page = this.api.json(this.api.get("/api/v1/posts/by-url?url=" + canonical));
		assertThat(page.path("exists").asBoolean()).as("created on first use").isTrue();
		assertThat(page.path("title").asString()).isEqualTo("First light, a post found by its URL");
		screenshot("embed-url-awaiting");

		approveWhenHeld(id);
		this.wait.until(d -> shadowOrNull("ol.thread > li#comment-" + id + ":not(.pending)"));
		waitForText("h2", "1 comment");
		this.browser.navigate().refresh();
		this.wait.until(d -> shadowOrNull("ol.thread > li#comment-" + id)); // at once, not after by-url's 10 s cache
		this.browser.get(blogOrigin() + "/index?url=" + java.net.URLEncoder.encode(canonical, StandardCharsets.UTF_8));
		this.wait.until(d -> d.findElement(By.id("count")).getText().equals("1 comment"));
	}

	@Test
	void aPageNoSiteTakesCommentsForSaysSo() {
		this.browser.get(blogOrigin() + "/s/nobody-" + UUID.randomUUID().toString().substring(0, 8) + "/a-post/");
		waitForText("p.status", "Comments are not available for this page.");
		assertThat(shadow(".home").isDisplayed()).as("no form").isFalse();
	}

	@Test
	void aClosedPostShowsNoFormAndASubmissionRacingTheCloseIsToldAndKeepsItsText() throws IOException {
		String site = firstUseSite("closed");
		String canonical = blogOrigin() + "/s/" + site + "/late/";
		String post = "closed-" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(this.sites.call(org.springframework.http.HttpMethod.PUT, "/api/v1/posts/" + post, """
				{"title": "Late", "url": "%s", "authorName": "Ada", "authorEmail": "ada@blog.example", "siteId": "%s"}"""
			.formatted(canonical, site), Api.ADMIN, Api.ADMIN_PASSWORD).getStatusCode().value()).isEqualTo(201);
		this.browser.get(canonical);
		ready();
		type("textarea[name=text]", "Written while the post was still open.");
		type("input[name=name]", "Cy");
		type("input[name=email]", "cy@mail.example");
		assertThat(this.sites.asAdmin(org.springframework.http.HttpMethod.POST, "/api/v1/posts/" + post + "/close")
			.getStatusCode().value()).isEqualTo(200);
		shadow("button[type=submit]").click();
		waitForText(".notice.bad", "Comments are closed.");
		assertThat(js("return document.getElementById('moderato').shadowRoot.activeElement.className")).isEqualTo("notice bad");
		assertThat(shadow("textarea[name=text]").getAttribute("value")).isEqualTo("Written while the post was still open.");
		screenshot("embed-closed-race");

		this.browser.navigate().refresh();
		WebElement closed = this.wait.until(d -> {
			WebElement c = shadowOrNull(".m > p.status:last-child");
			return c != null && c.isDisplayed() ? c : null;
		});
		assertThat(closed.getText()).isEqualTo("Comments are closed.");
		assertThat(shadow(".home").isDisplayed()).as("the form is replaced").isFalse();
		screenshot("embed-closed");
	}

	@Test
	void withoutJavaScriptTheReadmeFormPostsAndTheCssNoticeShowsTheOutcome() throws IOException {
		String site = SiteAdmin.uniqueId("nojs");
		assertThat(this.sites.putSite(site, """
				{"name": "No script", "origins": ["%s"], "postUrlPrefixes": []}""".formatted(blogOrigin()))
			.getStatusCode().value()).isEqualTo(201);
		String post = "nojs-" + UUID.randomUUID().toString().substring(0, 8);
		String url = blogOrigin() + "/nojs/" + post + "/";
		assertThat(this.sites.call(org.springframework.http.HttpMethod.PUT, "/api/v1/posts/" + post, """
				{"title": "Plain", "url": "%s", "authorName": "Ada", "authorEmail": "ada@blog.example", "siteId": "%s"}"""
			.formatted(url, site), Api.ADMIN, Api.ADMIN_PASSWORD).getStatusCode().value()).isEqualTo(201);
		this.browser.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", true));
		try {
			this.browser.get(url);
			assertThat(this.browser.findElement(By.id("moderato-awaiting")).isDisplayed()).isFalse();
			this.browser.findElement(By.id("c-text")).sendKeys("Sent without any script.");
			this.browser.findElement(By.id("c-name")).sendKeys("Noa");
			this.browser.findElement(By.id("c-email")).sendKeys("noa@mail.example");
			this.browser.findElement(By.cssSelector("#moderato button")).click();
			this.wait.until(d -> d.getCurrentUrl().endsWith("#moderato-awaiting"));
			assertThat(this.browser.getCurrentUrl()).startsWith(url + "?moderato=awaiting&moderato-comment=");
			assertThat(this.browser.findElement(By.id("moderato-awaiting")).isDisplayed()).as(":target shows it").isTrue();
			assertThat(this.browser.findElement(By.id("moderato-error")).isDisplayed()).isFalse();
			String id = this.browser.getCurrentUrl().replaceAll(".*moderato-comment=([^#&]+).*", "$1");
			Awaitility.await().atMost(Duration.ofSeconds(20))
				.until(() -> this.api.json(this.api.get("/api/v1/comments/" + id)).path("status").asString().equals("held"));
			screenshot("nojs-awaiting");

			this.browser.findElement(By.id("c-text")).sendKeys("Again, with an address the server refuses.");
			this.browser.findElement(By.id("c-name")).sendKeys("Noa");
			this.browser.findElement(By.id("c-email")).sendKeys("n".repeat(250) + "@mail.example"); // the browser lets it through
			this.browser.findElement(By.cssSelector("#moderato button")).click();
			this.wait.until(d -> d.getCurrentUrl().endsWith("#moderato-error"));
			assertThat(this.browser.getCurrentUrl()).isEqualTo(url + "?moderato=error&moderato-errors=authorEmail#moderato-error");
			assertThat(this.browser.findElement(By.id("moderato-error")).isDisplayed()).isTrue();
			assertThat(this.browser.findElement(By.id("moderato-awaiting")).isDisplayed()).isFalse();
			screenshot("nojs-error");
		}
		finally {
			this.browser.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", false));
		}
		this.browser.get(url);
		ready();
		assertThat(this.browser.findElement(By.cssSelector("#moderato form")).isDisplayed())
			.as("with the script, its shadow root takes the plain form's place").isFalse();
	}

	@Test
	void aCommenterOverTheHourlyLimitIsToldWhenToTryAgainAndKeepsTheText() throws IOException {
		// the browser is another network: it calls the service on a non-loopback address (loopback is never limited)
		String address = java.net.NetworkInterface.networkInterfaces()
			.filter(n -> { try { return n.isUp() && !n.isLoopback(); } catch (java.net.SocketException e) { return false; } })
			.flatMap(java.net.NetworkInterface::inetAddresses)
			.filter(a -> a instanceof java.net.Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
			.map(java.net.InetAddress::getHostAddress).findFirst().orElse(null);
		Assumptions.assumeTrue(address != null, "Skipped: no non-loopback address to reach the service from the browser");
		String site = firstUseSite("limit");
		String canonical = blogOrigin() + "/s/" + site + "/busy/";
		String email = "busy-" + UUID.randomUUID().toString().substring(0, 8) + "@mail.example";
		String network = "198.18." + (int) (Math.random() * 250) + ".7";
		String post = this.api.json(this.api.get("/api/v1/posts/by-url?url=" + canonical))
			.path("id").asString();
		for (int i = 1; i <= 20; i++) {
			Map<String, String> fields = new java.util.LinkedHashMap<>(Map.of("authorName", "Busy", "authorEmail", email,
					"text", "Comment " + i, "postUrl", canonical));
			assertThat(this.sites.submitForm("/api/v1/posts/" + post + "/comments", fields,
					Map.of("Origin", blogOrigin(), "X-Forwarded-For", network)).getStatusCode().value()).isEqualTo(303);
		}
		this.browser.get(canonical + "?via=" + address);
		ready();
		type("textarea[name=text]", "The twenty-first in an hour.");
		type("input[name=name]", "Busy");
		type("input[name=email]", email);
		shadow("button[type=submit]").click();
		waitForText(".notice.bad", "try again in");
		assertThat(shadow(".notice.bad").getText()).as("the email's next comment is minutes away (an hour holds 20)").matches(
				"Too many comments right now, or the service is busy\\. Please try again in [2-3] minutes\\. Your text is kept\\.");
		assertThat(shadow("textarea[name=text]").getAttribute("value")).isEqualTo("The twenty-first in an hour.");
		screenshot("embed-429");
	}

	/** A site on the test blog's origin that creates posts on first use, its posts under {@code /s/<site id>/}. */
	private String firstUseSite(String prefix) {
		String site = SiteAdmin.uniqueId(prefix);
		assertThat(this.sites.putSite(site, """
				{"name": "Blog %1$s", "origins": ["%2$s"], "postUrlPrefixes": ["%2$s/s/%1$s/"], "authorName": "Ada",
				 "authorEmail": "ada@blog.example", "createPostsOnFirstUse": true}""".formatted(site, blogOrigin()))
			.getStatusCode().value()).isEqualTo(201);
		return site;
	}

	private String blogOrigin() {
		return "http://127.0.0.1:" + this.blog.getAddress().getPort();
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
		else if (path.startsWith("/s/")) {
			String query = exchange.getRequestURI().getQuery();
			body = urlModePage(path, query != null && query.startsWith("via=") ? query.substring("via=".length()) : "localhost");
		}
		else if (path.equals("/index")) {
			body = """
					<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Index</title></head><body>
					<a id="count" href="#" data-moderato-count-url="%2$s">Comments</a> <span data-moderato-count="elsewhere">?</span>
					<script src="%1$s/count.js" async></script></body></html>
					""".formatted(service(), exchange.getRequestURI().getQuery().substring("url=".length()));
		}
		else if (path.startsWith("/nojs/")) {
			body = noScriptPage(path.split("/")[2]);
			exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'none'; script-src " + service()
					+ "; style-src 'self'; img-src " + service() + "; connect-src " + service() + "; form-action 'self' "
					+ service());
		}
		else if (path.equals("/nojs.css")) {
			type = "text/css";
			body = readmeBlock("### Without JavaScript", "```css");
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

	private String service() {
		return "http://localhost:" + this.port;
	}

	/** The README's URL-mode snippet (and its count link) on a page whose canonical URL is its address. */
	private String urlModePage(String path, String serviceHost) throws IOException {
		String canonical = blogOrigin() + path;
		String service = "http://" + serviceHost + ":" + this.port;
		String embed = readmeBlock("Without `data-moderato-post`", "```html")
			.replace("https://blog.example/2026/05/hello-world/", canonical)
			.replace("https://comments.example", service);
		String head = embed.substring(0, embed.indexOf("<div"));
		return """
				<!doctype html><html lang="en"><head><meta charset="utf-8">
				<meta name="viewport" content="width=device-width, initial-scale=1"><title>First light, a post found by its URL</title>
				%1$s<script src="%2$s/count.js" async></script></head><body>
				<h1>First light</h1><p><a id="count" href="#comments" data-moderato-count-url="%3$s">Comments</a></p>
				%4$s</body></html>
				""".formatted(head, service, canonical, embed.substring(embed.indexOf("<div")));
	}

	/** The README's no-JavaScript snippet, as a post page would carry it. */
	private String noScriptPage(String post) throws IOException {
		String snippet = readmeBlock("### Without JavaScript", "```html").replace("https://comments.example", service())
			.replace("hello-world", post);
		return """
				<!doctype html><html lang="en"><head><meta charset="utf-8">
				<meta name="viewport" content="width=device-width, initial-scale=1"><title>A post without scripts</title>
				<link rel="stylesheet" href="/nojs.css"></head><body><h1>A post without scripts</h1>
				%s</body></html>
				""".formatted(snippet);
	}

	/** The first fenced block of the kind ({@code ```html}) after the heading or sentence in README.md. */
	private static String readmeBlock(String after, String fence) throws IOException {
		String readme = Files.readString(Path.of("README.md"));
		int from = readme.indexOf(fence + "\n", readme.indexOf(after)) + fence.length() + 1;
		return readme.substring(from, readme.indexOf("```", from));
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
