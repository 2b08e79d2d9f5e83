package dev.moderato;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A fresh, empty database of its own on the test PostgreSQL server ({@link EmbeddedServices#postgres()}), for a test
 * whose application contexts must not share tables with the shared one: their outbox, their locks, their comments. The
 * application migrates it when it starts; {@link #migrate()} does so for tests without an application.
 */
public record OwnDatabase(String jdbcUrl, String username, String password) {

	public static OwnDatabase create(String prefix) {
		EmbeddedServices.Database server = EmbeddedServices.postgres();
		String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
				Statement statement = connection.createStatement()) {
			statement.execute("create database " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot create database " + name, ex);
		}
		return new OwnDatabase(server.jdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1"), server.username(),
				server.password());
	}

	public OwnDatabase migrate() {
		Flyway.configure().dataSource(this.jdbcUrl, this.username, this.password).locations("classpath:db/migration")
			.load().migrate();
		return this;
	}

	public DataSource dataSource() {
		return new DriverManagerDataSource(this.jdbcUrl, this.username, this.password);
	}

	public Connection connect() throws SQLException {
		return DriverManager.getConnection(this.jdbcUrl, this.username, this.password);
	}

	/** Properties that point an application at this database. */
	public String[] properties() {
		return new String[] { "spring.datasource.url=" + this.jdbcUrl, "spring.datasource.username=" + this.username,
				"spring.datasource.password=" + this.password };
	}

}
