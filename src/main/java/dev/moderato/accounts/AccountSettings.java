package dev.moderato.accounts;

import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Accounts settings. The first admin comes from the environment ({@code MODERATO_ACCOUNTS_ADMINPASSWORD}); it is
 * created at start-up if no account of that name exists, and never overwritten.
 *
 * @param adminUsername the first admin's name
 * @param adminPassword the first admin's password; without it no admin is created
 * @param jwtEnabled accept OAuth2/OIDC bearer JWTs too (configure {@code spring.security.oauth2.resourceserver.jwt.*})
 * @param jwtRolesClaim the JWT claim listing roles ({@code ADMIN}, {@code MODERATOR})
 */
@Validated
@ConfigurationProperties("moderato.accounts")
public record AccountSettings(@DefaultValue("admin") @NotBlank String adminUsername, @Nullable String adminPassword,
		@DefaultValue("false") boolean jwtEnabled, @DefaultValue("roles") String jwtRolesClaim) {

	@Override
	public String toString() {
		return "AccountSettings[adminUsername=" + this.adminUsername + ", jwtEnabled=" + this.jwtEnabled + "]";
	}

}
