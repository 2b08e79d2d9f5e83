package dev.moderato.accounts;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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
 * @param failedLoginsPerAccount failed sign-ins one account may have within {@code failedLoginWindow} before every
 * sign-in to it gets 429 for a while
 * @param failedLoginsPerNetwork failed sign-ins one network (/24 or /48) may make within {@code failedLoginWindow}
 * before every sign-in from it gets 429 for a while
 * @param failedLoginWindow how long a failed sign-in counts (the buckets refill evenly over it)
 * @param signInCacheTtl how long a verified password (Basic or form) is remembered, by a hash of the credentials,
 * so BCrypt does not run on every request; any change to the account ends it at once
 */
@Validated
@ConfigurationProperties("moderato.accounts")
public record AccountSettings(@DefaultValue("admin") @NotBlank String adminUsername, @Nullable String adminPassword,
		@DefaultValue("false") boolean jwtEnabled, @DefaultValue("roles") String jwtRolesClaim,
		@DefaultValue("10") @Min(1) int failedLoginsPerAccount, @DefaultValue("30") @Min(1) int failedLoginsPerNetwork,
		@DefaultValue("15m") @NotNull Duration failedLoginWindow, @DefaultValue("60s") @NotNull Duration signInCacheTtl) {

	@Override
	public String toString() {
		return "AccountSettings[adminUsername=" + this.adminUsername + ", jwtEnabled=" + this.jwtEnabled + "]";
	}

}
