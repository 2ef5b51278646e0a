package com.yarda.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Gives the superuser of a data directory of an earlier version a password before PostgreSQL ever listens on it.
 * Those directories trusted every connection from this host, so the superuser has no password, and setting one
 * over a connection would first open the server to every local user for that moment. Instead PostgreSQL runs in
 * single-user mode on the stopped directory ({@code postgres --single}: no connections at all), with the binaries
 * zonky unpacked. Where those are is asked of a throw-away server that is itself password-protected from its
 * initdb on ({@code SELECT setting FROM pg_config WHERE name = 'BINDIR'}); this happens once per data directory.
 */
final class TrustUpgrade {

    private final Path directory;

    TrustUpgrade(Path directory) {
        this.directory = directory;
    }

    void setSuperuserPassword(String password) throws IOException {
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U")); // as zonky runs PostgreSQL as root, which it refuses otherwise
        }
        command.addAll(List.of(
                binaries().resolve("postgres").toString(),
                "--single",
                "-D",
                directory.toString(),
                "-c",
                "exit_on_error=on",
                "-c",
                "password_encryption=scram-sha-256",
                PostgresDataDirectory.SUPERUSER));
        Process single = new ProcessBuilder(command).redirectErrorStream(true).start();
        // on its standard input, not its command line: no other user can read it from the process list
        try (OutputStream input = single.getOutputStream()) {
            input.write(("ALTER ROLE " + PostgresDataDirectory.SUPERUSER + " PASSWORD '" + password + "';\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(single.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!single.waitFor(120, TimeUnit.SECONDS) || single.exitValue() != 0) {
                single.destroyForcibly();
                throw new IOException("PostgreSQL in single-user mode could not set the superuser password of "
                        + directory + ": " + output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            single.destroyForcibly();
            throw new IOException("Interrupted while setting the superuser password of " + directory, e);
        }
    }

    private static Path binaries() throws IOException {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Path initdbPassword =
                PostgresDataDirectory.ownerOnlyTempFile(Path.of(System.getProperty("java.io.tmpdir")), password);
        try (EmbeddedPostgres probe =
                        PostgresDataDirectory.builder(password, initdbPassword).start(); // a temporary directory
                Connection connection = probe.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement();
                ResultSet bindir = statement.executeQuery("SELECT setting FROM pg_config WHERE name = 'BINDIR'")) {
            if (!bindir.next()) {
                throw new IOException("PostgreSQL did not name its binaries directory");
            }
            return Path.of(bindir.getString(1));
        } catch (SQLException e) {
            throw new IOException("Cannot find the PostgreSQL binaries", e);
        } finally {
            Files.deleteIfExists(initdbPassword);
        }
    }
}
