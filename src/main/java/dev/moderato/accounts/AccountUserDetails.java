package dev.moderato.accounts;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Lets Spring Security log accounts in with their (BCrypt-hashed) passwords.
 */
@Component
class AccountUserDetails implements UserDetailsService {

	private final AccountRepository repository;

	AccountUserDetails(AccountRepository repository) {
		this.repository = repository;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		Account account = this.repository.find(username).filter(Account::enabled)
			.orElseThrow(() -> new UsernameNotFoundException("No such account"));
		String hash = this.repository.passwordHash(username).orElseThrow(() -> new UsernameNotFoundException("No such account"));
		return User.withUsername(account.username())
			.password(hash)
			.roles(account.roles().stream().map(Role::name).toArray(String[]::new))
			.build();
	}

}
