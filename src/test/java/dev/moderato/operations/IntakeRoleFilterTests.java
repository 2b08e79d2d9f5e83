package dev.moderato.operations;

import java.time.Duration;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Which requests an instance without the intake role refuses, and how listeners map to roles.
 */
class IntakeRoleFilterTests {

	@Test
	void aConsumerOnlyInstanceRefusesSubmissionsWith503AndRetryAfter() throws Exception {
		MockHttpServletResponse response = filter(EnumSet.of(Role.MODERATION), "POST", "/api/v1/posts/demo/comments");

		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getHeader("Retry-After")).isEqualTo("5");
		assertThat(response.getContentType()).isEqualTo("application/problem+json");
	}

	@Test
	void aConsumerOnlyInstanceStillServesReadsAndAdminCalls() throws Exception {
		assertThat(filter(EnumSet.of(Role.NOTIFICATION), "GET", "/api/v1/posts/demo/comments").getStatus()).isEqualTo(200);
		assertThat(filter(EnumSet.of(Role.NOTIFICATION), "PUT", "/api/v1/posts/demo").getStatus()).isEqualTo(200);
	}

	@Test
	void anIntakeInstanceLetsSubmissionsThrough() throws Exception {
		assertThat(filter(EnumSet.of(Role.INTAKE), "POST", "/api/v1/posts/demo/comments").getStatus()).isEqualTo(200);
	}

	@Test
	void aListenerBelongsToTheRoleItsIdStartsWith() {
		assertThat(Role.ofListener("moderation-submissions")).isEqualTo(Role.MODERATION);
		assertThat(Role.ofListener("notification-verdicts")).isEqualTo(Role.NOTIFICATION);
		assertThatIllegalStateException().isThrownBy(() -> Role.ofListener("reporting-stats"));
	}

	private static MockHttpServletResponse filter(EnumSet<Role> roles, String method, String uri) throws Exception {
		IntakeRoleFilter filter = new IntakeRoleFilter(new OperationsSettings(roles, Duration.ofSeconds(15), Duration.ofSeconds(3)));
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter.doFilter(new MockHttpServletRequest(method, uri), response, new MockFilterChain());
		return response;
	}

}
