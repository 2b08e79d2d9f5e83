package dev.moderato.accounts.web;

import java.security.Principal;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.moderato.accounts.Account;
import dev.moderato.accounts.AccountConflict;
import dev.moderato.accounts.AccountProblem;
import dev.moderato.accounts.Accounts;
import dev.moderato.accounts.ApiTokens;
import dev.moderato.accounts.Role;
import dev.moderato.posts.PostId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admins manage accounts; every account manages its own API tokens.
 */
@RestController
class AccountController {

	private final Accounts accounts;

	private final ApiTokens tokens;

	AccountController(Accounts accounts, ApiTokens tokens) {
		this.accounts = accounts;
		this.tokens = tokens;
	}

	@GetMapping("/api/v1/accounts")
	List<AccountView> all() {
		return this.accounts.all().stream().map(AccountView::of).toList();
	}

	@PostMapping(path = "/api/v1/accounts", consumes = "application/json")
	ResponseEntity<AccountView> create(@Valid @RequestBody NewAccount form) {
		Account created = this.accounts.create(form.username(), form.password(), form.roles(), posts(form.posts()));
		return ResponseEntity.status(HttpStatus.CREATED).body(AccountView.of(created));
	}

	@PutMapping(path = "/api/v1/accounts/{username}", consumes = "application/json")
	AccountView update(@PathVariable String username, @Valid @RequestBody AccountChange form) {
		return AccountView.of(this.accounts.update(username, form.roles(), posts(form.posts()),
				form.enabled() == null || form.enabled(), form.password()));
	}

	@DeleteMapping("/api/v1/accounts/{username}")
	ResponseEntity<Void> delete(@PathVariable String username) {
		return this.accounts.delete(username) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
	}

	@GetMapping("/api/v1/accounts/me/tokens")
	List<ApiTokens.TokenInfo> myTokens(Principal caller) {
		return this.tokens.of(caller.getName());
	}

	@PostMapping(path = "/api/v1/accounts/me/tokens", consumes = "application/json")
	ResponseEntity<ApiTokens.IssuedToken> issue(Principal caller, @Valid @RequestBody NewToken form) {
		return ResponseEntity.status(HttpStatus.CREATED).body(this.tokens.issue(caller.getName(), form.name()));
	}

	@DeleteMapping("/api/v1/accounts/me/tokens/{id}")
	ResponseEntity<Void> revoke(Principal caller, @PathVariable UUID id) {
		return this.tokens.revoke(caller.getName(), id) ? ResponseEntity.noContent().build()
				: ResponseEntity.notFound().build();
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> problem(AccountProblem ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, ex.getMessage());
		problem.setTitle("Cannot change the account");
		return ResponseEntity.unprocessableContent().body(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> conflict(AccountConflict ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setTitle("Cannot change the account");
		return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
	}

	private static Set<PostId> posts(@Nullable List<String> ids) {
		if (ids == null) {
			return Set.of();
		}
		for (String id : ids) {
			if (!PostId.isValid(id)) {
				throw new AccountProblem("'" + id + "' is not a post id.");
			}
		}
		return ids.stream().map(PostId::new).collect(Collectors.toUnmodifiableSet());
	}

	record NewAccount(@NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._@-]+") String username,
			@NotBlank @Size(min = 12, max = 200) String password, @NotEmpty Set<Role> roles, @Nullable List<String> posts) {

		@Override
		public String toString() {
			return "NewAccount[" + this.username + "]";
		}

	}

	record AccountChange(@NotEmpty Set<Role> roles, @Nullable List<String> posts, @Nullable Boolean enabled,
			@Nullable @Size(min = 12, max = 200) String password) {

		@Override
		public String toString() {
			return "AccountChange[" + this.roles + "]";
		}

	}

	record NewToken(@NotBlank @Size(max = 100) String name) {
	}

	record AccountView(String username, Set<Role> roles, boolean enabled, List<String> posts) {

		static AccountView of(Account account) {
			return new AccountView(account.username(), account.roles(), account.enabled(),
					account.posts().stream().map(PostId::value).sorted().toList());
		}

	}

}
