package dev.moderato.moderation.web;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.moderato.Api;
import dev.moderato.CommentFixtures;
import dev.moderato.IntegrationTest;
import dev.moderato.Moderators;
import dev.moderato.accounts.Accounts;
import dev.moderato.accounts.Role;
import dev.moderato.comments.Comment;
import dev.moderato.comments.CommentAuthor;
import dev.moderato.comments.CommentId;
import dev.moderato.comments.CommentStatus;
import dev.moderato.comments.Comments;
import dev.moderato.posts.PostId;
import dev.moderato.privacy.CommenterPrivacy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The moderation page's contract: who may see it, what it shows, and that its form posts (plain, or from the script
 * asking for JSON) decide comments, with CSRF protection, conflicts in words and post restrictions honoured.
 */
@IntegrationTest
class ModerationPageTests {

	/** What Chromium sends with a form post. */
	private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,"
			+ "image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7";

	@LocalServerPort
	int port;

	@Autowired
	WebApplicationContext context;

	@Autowired
	JsonMapper json;

	@Autowired
	Comments comments;

	@Autowired
	CommenterPrivacy privacy;

	@Autowired
	Accounts accounts;

	MockMvc mvc;

	Api api;

	CommentFixtures fixtures;

	String postId;

	@BeforeEach
	void setUp() {
		this.mvc = MockMvcBuilders.webAppContextSetup(this.context).apply(springSecurity()).build();
		this.api = new Api(this.port, this.json);
		this.fixtures = new CommentFixtures(this.comments, this.privacy);
		this.postId = "page-" + UUID.randomUUID().toString().substring(0, 8);
		this.api.registerPost(this.postId, "Page & Friends", "Pat", "pat@blog.example");
	}

	@Test
	void thePageNeedsASignedInModerator() throws Exception {
		this.mvc.perform(get("/moderation")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
		this.mvc.perform(get("/")).andExpect(status().isFound()).andExpect(redirectedUrl("/moderation"));
		this.mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"username\"")))
			.andExpect(content().string(containsString("name=\"_csrf\"")));
		this.mvc.perform(get("/moderation").with(user("reader").roles("USER"))).andExpect(status().isForbidden());
	}

	@Test
	void signingInWithTheFormOpensTheModerationPage() throws Exception {
		this.mvc.perform(formLogin("/login").user(Moderators.MODERATOR).password(Moderators.MODERATOR_PASSWORD))
			.andExpect(redirectedUrl("/moderation"));
		this.mvc.perform(formLogin("/login").user(Moderators.MODERATOR).password("wrong"))
			.andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void aModeratorSeesTheHeldQueueWithWhatItNeedsToDecide() throws Exception {
		Comment parent = this.fixtures.approvedComment(this.postId, "Bo", "bo@mail.example", "The first word");
		Comment published = this.fixtures.approvedReply(parent, "Ann", "ann@mail.example", "Already published");
		Comment script = this.fixtures.heldComment(this.postId, "Eve", "eve@mail.example", "<script>alert(1)</script> hi");

		this.mvc.perform(get("/moderation").param("post", this.postId).with(moderator()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Page &amp; Friends")))
			.andExpect(content().string(containsString("eve@mail.example")))
			.andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt; hi")))
			.andExpect(content().string(not(containsString("<script>alert(1)"))))
			.andExpect(content().string(containsString("value=\"" + script.id() + ":0\"")))
			.andExpect(content().string(containsString("fixture")))
			.andExpect(content().string(containsString("50%")))
			.andExpect(content().string(not(containsString(published.id().toString()))))
			.andExpect(content().string(containsString("data-count=\"held\">1<")))
			.andExpect(content().string(containsString("name=\"_csrf\" content=")));
	}

	@Test
	void aReplyShowsAnExcerptOfItsParent() throws Exception {
		Comment parent = this.fixtures.approvedComment(this.postId, "Bo", "bo@mail.example", "What the parent said");
		Comment reply = this.fixtures.approvedReply(parent, "Cy", "cy@mail.example", "A reply");

		this.mvc.perform(get("/moderation/comments/" + reply.id()).with(moderator()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("In reply to")))
			.andExpect(content().string(containsString("What the parent said")));
	}

	@Test
	void pagePostsNeedTheCsrfToken() throws Exception {
		Comment held = this.fixtures.heldComment(this.postId, "Dan", "dan@mail.example", "Forged?");

		this.mvc.perform(action("approve", held).with(moderator())).andExpect(status().isForbidden());

		assertThat(statusOf(held)).isEqualTo(CommentStatus.HELD);
	}

	@Test
	void aPlainFormPostApprovesAndRedirectsBackToTheQueue() throws Exception {
		Comment held = this.fixtures.heldComment(this.postId, "Fay", "fay@mail.example", "Approve me, no script");

		this.mvc.perform(action("approve", held).param("queue", "held").param("post", this.postId)
				.header("Accept", BROWSER_ACCEPT).with(moderator()).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/moderation?queue=held&post=" + this.postId))
			.andExpect(flash().attribute("notices", List.of("Approved 1 comment.")));

		assertThat(this.api.get("/api/v1/posts/" + this.postId + "/comments").getBody()).contains(held.id().toString());
	}

	@Test
	void theScriptGetsEachOutcomeAndTheNewCounts() throws Exception {
		Comment one = this.fixtures.heldComment(this.postId, "Gil", "gil@mail.example", "Buy now");
		Comment two = this.fixtures.heldComment(this.postId, "Hal", "hal@mail.example", "Buy more");

		this.mvc.perform(action("spam", one, two).accept(MediaType.APPLICATION_JSON).with(moderator()).with(csrf().asHeader()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.results[0].outcome").value("applied"))
			.andExpect(jsonPath("$.results[1].status").value("spam"))
			.andExpect(jsonPath("$.results[1].token").value(two.id() + ":1"))
			.andExpect(jsonPath("$.notices[0]").value("Marked as spam: 2 comments."))
			.andExpect(jsonPath("$.counts.held").isNumber())
			.andExpect(jsonPath("$.counts.all").isNumber());

		assertThat(statusOf(one)).isEqualTo(CommentStatus.SPAM);
		assertThat(statusOf(two)).isEqualTo(CommentStatus.SPAM);
	}

	@Test
	void aDecisionOnACommentSomeoneElseDecidedFirstIsAFriendlyConflict() throws Exception {
		Comment held = this.fixtures.heldComment(this.postId, "Ida", "ida@mail.example", "Two moderators");
		Moderators.as(this.port, this.json, Api.ADMIN, Api.ADMIN_PASSWORD).act(held.id().toString(), "approve");

		this.mvc.perform(action("reject", held).accept(MediaType.APPLICATION_JSON).with(moderator()).with(csrf().asHeader()))
			.andExpect(jsonPath("$.results[0].outcome").value("conflict"))
			.andExpect(jsonPath("$.results[0].status").value("approved"))
			.andExpect(jsonPath("$.notices[0]").value("Someone else decided first: the comment by Ida is now approved."));

		assertThat(statusOf(held)).isEqualTo(CommentStatus.APPROVED);
	}

	@Test
	void aModeratorRestrictedToOnePostCannotActOnAnother() throws Exception {
		String otherPost = this.postId + "-other";
		this.api.registerPost(otherPost, "Not yours", "Pat", "pat@blog.example");
		String name = "only-" + this.postId;
		this.accounts.create(name, "only-password-123", Set.of(Role.MODERATOR), Set.of(new PostId(this.postId)));
		Comment elsewhere = this.fixtures.heldComment(otherPost, "Jan", "jan@mail.example", "On another post");

		this.mvc.perform(get("/moderation").param("post", otherPost).with(user(name).roles("MODERATOR")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(elsewhere.id().toString()))));
		this.mvc.perform(action("approve", elsewhere).accept(MediaType.TEXT_HTML).with(user(name).roles("MODERATOR"))
				.with(csrf()))
			.andExpect(redirectedUrlPattern("/moderation?queue=held*"))
			.andExpect(flash().attribute("notices", List.of("You may not moderate comments on post '" + otherPost + "'.")));

		assertThat(statusOf(elsewhere)).isEqualTo(CommentStatus.HELD);
	}

	@Test
	void aCommentHeldOnlyAsAFirstCommentNamesThatRuleAndNotTheTextModelsLowScore() throws Exception {
		Comment held = judged("Kim", "kim@mail.example", CommentStatus.HELD, 0.10, "classifier 0.10",
				"first comment from this commenter");

		this.mvc.perform(get("/moderation/comments/" + held.id()).param("queue", "held").with(moderator()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("held it")))
			.andExpect(content().string(
					containsString("<li>first comment from this commenter: a first comment waits for a moderator</li>")))
			.andExpect(content().string(not(containsString("classifier 0.10"))));
	}

	@Test
	void anApprovedCommentDoesNotListItsZeroScoreAsAReason() throws Exception {
		Comment approved = judged("Lee", "lee@mail.example", CommentStatus.APPROVED, 0.0, "classifier 0.00",
				"no spam signals");

		this.mvc.perform(get("/moderation/comments/" + approved.id()).with(moderator()))
			.andExpect(content().string(containsString("approved it")))
			.andExpect(content().string(containsString("<li>no spam signals</li>")))
			.andExpect(content().string(not(containsString("classifier 0.00"))));
	}

	@Test
	void theCommentersHistoryLeavesTheCommentItselfOut() throws Exception {
		Comment first = this.fixtures.heldComment(this.postId, "Mo", "mo@mail.example", "My first comment");

		this.mvc.perform(get("/moderation/comments/" + first.id()).with(moderator()))
			.andExpect(content().string(containsString("No other comments by this commenter.")))
			.andExpect(content().string(not(containsString("1 held"))));

		this.fixtures.approvedComment(this.postId, "Mo", "mo@mail.example", "An earlier one, published");
		this.mvc.perform(get("/moderation/comments/" + first.id()).with(moderator()))
			.andExpect(content().string(containsString("Other comments by this commenter:")))
			.andExpect(content().string(containsString("1 approved")))
			.andExpect(content().string(containsString("0 held")));
	}

	@Test
	void aCommentAModeratorMarkedSpamSaysWhoDecidedAndWhenAndShowsTheFiltersViewAsWhatCameBefore() throws Exception {
		Comment held = judged("Ned", "ned@mail.example", CommentStatus.HELD, 0.24, "classifier 0.24",
				"first comment from this commenter");
		Moderators.as(this.port, this.json, Api.ADMIN, Api.ADMIN_PASSWORD).act(held.id().toString(), "spam");

		String card = this.mvc.perform(get("/moderation").param("queue", "spam").param("post", this.postId).with(moderator()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		card = card.substring(card.indexOf("id=\"c-" + held.id() + "\""));
		card = card.substring(0, card.indexOf("</article>"));

		assertThat(card).contains("<strong>Marked spam by admin</strong>", "<time datetime=\"20", "UTC</time>",
				"Before that, the spam filter", "<strong>held it</strong>", "<strong>24%</strong>",
				"first comment from this commenter: a first comment waits for a moderator")
			.as("no score bar saying 'fine' next to a person's spam decision")
			.doesNotContain("<meter");
	}

	/** A comment the spam filter judged with these reasons. */
	private Comment judged(String name, String email, CommentStatus verdict, double score, String... reasons) {
		Instant now = Instant.now();
		Comment comment = Comment.submitted(CommentId.next(now), new PostId(this.postId), null,
				new CommentAuthor(name, null, this.privacy.encrypt(email), this.privacy.hash(email)), "203.0.113.0/24",
				null, "Words by " + name, false, now);
		comment.judge(verdict, score, List.of(reasons), "spam filter", now);
		this.comments.addOnce(comment);
		return comment;
	}

	private static MockHttpServletRequestBuilder action(String action, Comment... comments) {
		MockHttpServletRequestBuilder request = post("/moderation/actions").param("action", action);
		for (Comment comment : comments) {
			request.param("items", comment.id() + ":" + comment.version());
		}
		return request;
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor moderator() {
		return user(Moderators.MODERATOR).roles("MODERATOR");
	}

	private CommentStatus statusOf(Comment comment) {
		return this.comments.find(comment.id()).orElseThrow().status();
	}

}
