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
import dev.moderato.privacy.CommenterPrivacy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
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
 * sign in, open the held queue, approve a comment with the keyboard, and find it in the public thread. Skipped where
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

		this.browser.manage().window().setSize(new Dimension(390, 844));
		this.browser.navigate().refresh();
		this.wait.until(ExpectedConditions.attributeContains(By.cssSelector(".card"), "class", "current"));
		screenshot("moderation-page-phone");
		new Actions(this.browser).sendKeys("x").perform();
		this.wait.until(ExpectedConditions.attributeContains(By.id("bulk"), "class", "active"));
		screenshot("moderation-page-phone-selected");
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
