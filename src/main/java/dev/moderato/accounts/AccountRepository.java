package dev.moderato.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.moderato.posts.PostId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Accounts, their post restrictions and API tokens in PostgreSQL.
 */
@Repository
class AccountRepository {

	private final JdbcClient jdbc;

	AccountRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Account> find(String username) {
		return this.jdbc.sql("select id, username, roles, enabled from account where username = ?")
			.param(username)
			.query(this::map)
			.optional();
	}

	Optional<String> passwordHash(String username) {
		return this.jdbc.sql("select password_hash from account where username = ? and enabled")
			.param(username)
			.query(String.class)
			.optional();
	}

	/** What a sign-in is checked against, in one query: the account, its password hash and its posts. */
	Optional<Credentials> credentials(String username) {
		return this.jdbc.sql("""
				select a.id, a.username, a.roles, a.enabled, a.password_hash,
				       coalesce(string_agg(p.post_id, ',' order by p.post_id), '') as posts
				from account a left join account_post p on p.account_id = a.id
				where a.username = ? group by a.id
				""")
			.param(username)
			.query((rs, n) -> new Credentials(rs.getObject("id", UUID.class), rs.getString("username"),
					parseRoles(rs.getString("roles")), rs.getBoolean("enabled"), rs.getString("password_hash"),
					rs.getString("posts")))
			.optional();
	}

	/**
	 * Locks the enabled admins' rows for the rest of the transaction, so two admins changing each other at once
	 * cannot both leave the other as the last one.
	 *
	 * @return the usernames of the enabled admins
	 */
	List<String> lockEnabledAdmins() {
		return this.jdbc.sql("""
				select username from account where enabled and (',' || roles || ',') like '%,ADMIN,%'
				order by id for update
				""")
			.query(String.class)
			.list();
	}

	List<Account> findAll() {
		return this.jdbc.sql("select id, username, roles, enabled from account order by username").query(this::map).list();
	}

	void insert(Account account, String passwordHash, Instant now) {
		this.jdbc.sql("""
				insert into account (id, username, password_hash, roles, enabled, created_at)
				values (:id, :username, :hash, :roles, :enabled, :now)
				""")
			.param("id", account.id())
			.param("username", account.username())
			.param("hash", passwordHash)
			.param("roles", roles(account.roles()))
			.param("enabled", account.enabled())
			.param("now", Timestamp.from(now))
			.update();
		replacePosts(account.id(), account.posts());
	}

	void update(Account account) {
		this.jdbc.sql("update account set roles = :roles, enabled = :enabled where id = :id")
			.param("roles", roles(account.roles()))
			.param("enabled", account.enabled())
			.param("id", account.id())
			.update();
		replacePosts(account.id(), account.posts());
	}

	void updatePassword(UUID id, String passwordHash) {
		this.jdbc.sql("update account set password_hash = ? where id = ?").param(passwordHash).param(id).update();
	}

	boolean delete(String username) {
		return this.jdbc.sql("delete from account where username = ?").param(username).update() == 1;
	}

	private void replacePosts(UUID account, Set<PostId> posts) {
		this.jdbc.sql("delete from account_post where account_id = ?").param(account).update();
		for (PostId post : posts) {
			this.jdbc.sql("insert into account_post (account_id, post_id) values (?, ?)").param(account).param(post.value()).update();
		}
	}

	private Account map(ResultSet rs, int row) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		Set<PostId> posts = Set.copyOf(this.jdbc.sql("select post_id from account_post where account_id = ?")
			.param(id)
			.query((r, n) -> new PostId(r.getString(1)))
			.list());
		return new Account(id, rs.getString("username"), parseRoles(rs.getString("roles")), rs.getBoolean("enabled"), posts);
	}

	private static Set<Role> parseRoles(String roles) {
		return Arrays.stream(roles.split(","))
			.filter(r -> !r.isBlank())
			.map(Role::valueOf)
			.collect(Collectors.toUnmodifiableSet());
	}

	private static String roles(Set<Role> roles) {
		return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
	}

}
