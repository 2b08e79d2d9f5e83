package dev.moderato.moderation.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.UUID;

import dev.moderato.Api;
import dev.moderato.CommentFixtures;
import dev.moderato.IntegrationTest;
import dev.moderato.Moderators;
import dev.moderato.comments.Comment;
import dev.moderato.comments.Comments;
import dev.moderato.moderation.ActionLinks;
import dev.moderato.moderation.ModerationAction;
import dev.moderato.privacy.CommenterPrivacy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The moderation page in a real browser (Debian's headless Chromium driven through {@code /usr/bin/chromedriver}):
 * sign in, open the held queue, approve a comment with the keyboard, find it in the public thread, see who decided
 * it; on a phone, who is signed in and that the tabs scroll; and a mail link's confirm page on a phone. Skipped where
 * no Chromium is installed ({@code apt-get install chromium chromium-driver}; {@code .ci/run} installs them).
 * Screenshots go to {@code target/screenshots/}.
 */
@IntegrationTest
class ModerationPageBrowserTests {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	Comments comments;

	@Autowired
	CommenterPrivacy privacy;

	@Autowired
	ActionLinks links;

	@TempDir
	Path profile;

	WebDriver browser;

	WebDriverWait wait;

	Api api;

	String postId;

	@BeforeAll
	static void needsChromium() {
		Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
				"Skipped: the browser test needs " + CHROMIUM + " and " + CHROMEDRIVER
						+ " (Debian: apt-get install chromium chromium-driver; .ci/run installs them)");
	}

	@BeforeEach
	void openBrowser() {
		ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
			.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
					"--window-size=1280,900", "--user-data-dir=" + this.profile);
		ChromeDriverService driver = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		this.browser = new ChromeDriver(driver, options);
		this.wait = new WebDriverWait(this.browser, Duration.ofSeconds(10));
		this.api = new Api(this.port, this.json);
		this.postId = "browser-" + UUID.randomUUID().toString().substring(0, 8);
		this.api.registerPost(this.postId, "Seen in a browser", "Bea", "bea@blog.example");
	}

	@AfterEach
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void aModeratorSignsInAndApprovesAHeldCommentWhichThenAppearsInThePublicThread() throws IOException {
		CommentFixtures fixtures = new CommentFixtures(this.comments, this.privacy);
		Comment held = fixtures.heldComment(this.postId, "Robin", "robin@mail.example", "First time here, lovely post!");
		fixtures.heldComment(this.postId, "Sam", "sam@mail.example", "Check out <b>my</b> site http://spam.example");

		signIn(Moderators.MODERATOR, Moderators.MODERATOR_PASSWORD);
		this.browser.get(url("/moderation?queue=held&post=" + this.postId));
		By card = By.id("c-" + held.id());
		this.wait.until(ExpectedConditions.attributeContains(card, "class", "current"));
		screenshot("moderation-page-desktop");

		new Actions(this.browser).sendKeys("a").perform();

		this.wait.until(ExpectedConditions.invisibilityOfElementLocated(card));
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notices"), "Approved 1 comment."));
		assertThat(this.browser.findElement(By.cssSelector("[data-count=held]")).getText()).isEqualTo("1");
		assertThat(this.api.get("/api/v1/posts/" + this.postId + "/comments").getBody()).contains(held.id().toString(),
				"First time here, lovely post!");

		this.browser.get(url("/moderation?queue=approved&post=" + this.postId));
		WebElement approved = this.wait.until(ExpectedConditions.visibilityOfElementLocated(card));
		assertThat(approved.findElement(By.cssSelector(".decided")).getText()).startsWith("Approved by moderator · ")
			.endsWith(" UTC");
		assertThat(approved.findElement(By.cssSelector(".verdict")).getText()).startsWith("Before that, the spam filter held it");
		screenshot("moderation-page-decided");

		this.browser.manage().window().setSize(new Dimension(390, 844));
		this.browser.get(url("/moderation?queue=held&post=" + this.postId));
		this.wait.until(ExpectedConditions.attributeContains(By.cssSelector(".card"), "class", "current"));
		WebElement who = this.browser.findElement(By.cssSelector(".topbar .who span[title]"));
		assertThat(who.isDisplayed()).as("the phone's header says who is signed in").isTrue();
		assertThat(who.getText()).isEqualTo(Moderators.MODERATOR);
		screenshot("moderation-page-phone");
		assertTabsHintTheyScroll();
		new Actions(this.browser).sendKeys("x").perform();
		this.wait.until(ExpectedConditions.attributeContains(By.id("bulk"), "class", "active"));
		screenshot("moderation-page-phone-selected");
	}

	@Test
	void onAPhoneTheMailLinksConfirmPageKeepsItsMarginsAndWrapsALongWord() throws IOException {
		Comment held = new CommentFixtures(this.comments, this.privacy).heldComment(this.postId,
				"Wolfeschlegelsteinhausenbergerdorff", "wolf@mail.example",
				"Pneumonoultramicroscopicsilicovolcanoconiosis-see-https://example.org/a/very/long/path/that/never/breaks");
		String created = this.links.create(held.id(), ModerationAction.APPROVE);
		String link = url(created.substring(created.indexOf("/moderation/links/")));
		this.browser.manage().window().setSize(new Dimension(390, 844));

		this.browser.get(link);
		WebElement card = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("main")));
		screenshot("link-confirm-phone");

		assertThat(this.browser.getTitle()).isEqualTo("Approve this comment? · Moderato");
		long viewport = number("return document.documentElement.clientWidth");
		assertThat(card.getRect().getX()).as("a margin on the left").isGreaterThanOrEqualTo(8);
		assertThat(card.getRect().getX() + card.getRect().getWidth()).as("and on the right").isLessThanOrEqualTo((int) viewport - 8);
		assertThat(number("return document.documentElement.scrollWidth")).as("nothing runs off the screen").isLessThanOrEqualTo(viewport);
		assertThat(number("return document.querySelector('blockquote').scrollWidth - document.querySelector('blockquote').clientWidth"))
			.as("the long word wraps inside the card").isLessThanOrEqualTo(0);

		card.findElement(By.cssSelector("button[type=submit]")).click();
		this.wait.until(ExpectedConditions.titleIs("Done · Moderato"));
		screenshot("link-done-phone");
		this.browser.get(link);
		this.wait.until(ExpectedConditions.titleIs("Link already used · Moderato"));
	}

	/** On a narrow screen not all tabs fit: an arrow shows on the side that has more, and goes once scrolled there. */
	private void assertTabsHintTheyScroll() {
		WebElement wrap = this.browser.findElement(By.id("tabs-wrap"));
		assertThat(number("const t = document.querySelector('.tabs'); return t.scrollWidth - t.clientWidth"))
			.as("the tabs overflow a phone's width").isPositive();
		assertThat(wrap.getAttribute("class")).contains("more-after").doesNotContain("more-before");
		// the arrow fades in (a 0.15 s transition): wait for it to be fully shown rather than read it mid-fade
		this.wait.until((browser) -> "1".equals(script("return getComputedStyle(document.getElementById('tabs-wrap'), '::after').opacity")));
		script("const t = document.querySelector('.tabs'); t.scrollLeft = t.scrollWidth;");
		this.wait.until(ExpectedConditions.attributeContains(wrap, "class", "more-before"));
		assertThat(wrap.getAttribute("class")).doesNotContain("more-after");
		script("document.querySelector('.tabs').scrollLeft = 0;");
		this.wait.until(ExpectedConditions.attributeContains(wrap, "class", "more-after"));
	}

	private Object script(String js) {
		return ((JavascriptExecutor) this.browser).executeScript(js);
	}

	private long number(String js) {
		return ((Number) script(js)).longValue();
	}

	private void signIn(String username, String password) {
		this.browser.get(url("/moderation"));
		this.wait.until(ExpectedConditions.urlContains("/login"));
		this.browser.findElement(By.id("username")).sendKeys(username);
		this.browser.findElement(By.id("password")).sendKeys(password);
		this.browser.findElement(By.cssSelector("button[type=submit]")).click();
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("nav.tabs")));
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private void screenshot(String name) throws IOException {
		Files.createDirectories(SCREENSHOTS);
		Path shot = ((ChromeDriver) this.browser).getScreenshotAs(OutputType.FILE).toPath();
		Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
	}

}
