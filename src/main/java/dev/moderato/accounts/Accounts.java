package dev.moderato.accounts;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.moderato.posts.PostId;
import dev.moderato.posts.Posts;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Manages accounts (admins only, through the API) and tells what a caller may moderate.
 */
@Service
public class Accounts {

	private static final Logger log = LoggerFactory.getLogger(Accounts.class);

	private final AccountRepository repository;

	private final PasswordEncoder passwords;

	private final Posts posts;

	private final AccountSettings settings;

	private final Clock clock;

	Accounts(AccountRepository repository, PasswordEncoder passwords, Posts posts, AccountSettings settings, Clock clock) {
		this.repository = repository;
		this.passwords = passwords;
		this.posts = posts;
		this.settings = settings;
		this.clock = clock;
	}

	/** Creates the first admin from configuration, once. */
	@EventListener(ApplicationReadyEvent.class)
	@Transactional
	public void createFirstAdmin() {
		String password = this.settings.adminPassword();
		if (password == null || password.isBlank()) {
			if (this.repository.findAll().isEmpty()) {
				log.warn("No accounts exist and MODERATO_ACCOUNTS_ADMINPASSWORD is not set: nobody can moderate yet");
			}
			return;
		}
		if (this.repository.find(this.settings.adminUsername()).isEmpty()) {
			create(this.settings.adminUsername(), password, Set.of(Role.ADMIN, Role.MODERATOR), Set.of());
			log.atInfo().addKeyValue("account", this.settings.adminUsername()).log("First admin account created");
		}
	}

	/**
	 * @throws AccountProblem if the name is taken or a post is unknown
	 */
	@Transactional
	public Account create(String username, String password, Set<Role> roles, Set<PostId> restrictedTo) {
		if (this.repository.find(username).isPresent()) {
			throw new AccountProblem("An account named '" + username + "' exists already.");
		}
		checkPosts(restrictedTo);
		Account account = new Account(UUID.randomUUID(), username, roles, true, restrictedTo);
		this.repository.insert(account, this.passwords.encode(password), this.clock.instant());
		return account;
	}

	/**
	 * Changes roles, post restrictions, enabled flag and (if given) the password.
	 *
	 * @throws AccountConflict if it would leave no enabled admin
	 */
	@Transactional
	public Account update(String username, Set<Role> roles, Set<PostId> restrictedTo, boolean enabled,
			@Nullable String password) {
		Account existing = find(username).orElseThrow(() -> new AccountProblem("No account named '" + username + "'."));
		checkPosts(restrictedTo);
		if (!(enabled && roles.contains(Role.ADMIN))) {
			keepAnAdmin(username, "disabled or lose the ADMIN role");
		}
		Account updated = new Account(existing.id(), username, roles, enabled, restrictedTo);
		this.repository.update(updated);
		if (password != null) {
			this.repository.updatePassword(existing.id(), this.passwords.encode(password));
		}
		return updated;
	}

	/** @throws AccountConflict if it is the last enabled admin */
	@Transactional
	public boolean delete(String username) {
		keepAnAdmin(username, "deleted");
		return this.repository.delete(username);
	}

	private void keepAnAdmin(String username, String change) {
		List<String> admins = this.repository.lockEnabledAdmins();
		if (admins.equals(List.of(username))) {
			throw new AccountConflict("'" + username + "' is the last enabled admin and cannot be " + change
					+ ": make another account an admin first.");
		}
	}

	@Transactional(readOnly = true)
	public Optional<Account> find(String username) {
		return this.repository.find(username);
	}

	@Transactional(readOnly = true)
	public List<Account> all() {
		return this.repository.findAll();
	}

	/**
	 * What the authenticated caller may moderate: an admin everything, a moderator all or its allowed posts. A caller
	 * signed in with an account whose row is gone or disabled may moderate nothing; a caller from the identity
	 * provider (a JWT, which has no account row) what its roles allow.
	 */
	@Transactional(readOnly = true)
	public ModeratorScope scopeOf(Authentication caller) {
		Optional<Account> account = this.repository.find(caller.getName()).filter(Account::enabled);
		if (account.isEmpty()) {
			boolean external = caller instanceof AbstractOAuth2TokenAuthenticationToken<?>;
			return external ? new ModeratorScope(caller.getName(), hasRole(caller, Role.ADMIN), null)
					: new ModeratorScope(caller.getName(), false, Set.of());
		}
		boolean admin = hasRole(caller, Role.ADMIN) && account.get().isAdmin();
		Set<PostId> allowed = admin || account.get().posts().isEmpty() ? null : account.get().posts();
		return new ModeratorScope(caller.getName(), admin, allowed);
	}

	static boolean hasRole(Authentication caller, Role role) {
		for (GrantedAuthority authority : caller.getAuthorities()) {
			if (("ROLE_" + role.name()).equals(authority.getAuthority())) {
				return true;
			}
		}
		return false;
	}

	private void checkPosts(Set<PostId> restrictedTo) {
		for (PostId post : restrictedTo) {
			if (!this.posts.exists(post)) {
				throw new AccountProblem("No post with id '" + post + "' is registered.");
			}
		}
	}

}
