package com.yarda.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's PostgreSQL data directory ({@code {yarda.data-dir}/postgres}) and how PostgreSQL is started on it:
 * durable, reachable only over 127.0.0.1 (no Unix socket), and only with a password. Two roles log in: the
 * superuser {@value #SUPERUSER}, which only this class uses (to start and to set up the other), and
 * {@value #APPLICATION_ROLE}, which the service connects as and which owns the database but is no superuser, so
 * that no SQL the service runs can read other roles' password hashes, files of the host or run programs on it.
 * Each role's password is generated once and kept, owner-only, in {@code <role>.password} in this directory.
 */
final class PostgresDataDirectory {

    private static final Logger log = LoggerFactory.getLogger(PostgresDataDirectory.class);

    static final String SUPERUSER = "postgres";
    static final String APPLICATION_ROLE = "yarda";
    static final String DATABASE = "postgres";

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60); // crash recovery replays the WAL first

    private static final String HBA = """
            # Written by Yarda before every start of its embedded PostgreSQL; changes made here are overwritten.
            # Logins over 127.0.0.1 with a password (SCRAM) only: no trust, and no Unix socket is opened.
            # The passwords are in postgres.password (superuser) and yarda.password (the service) next to this file.
            host    all    all    127.0.0.1/32    scram-sha-256
            """;

    /**
     * The service's role owns the database and everything in its schema (a data directory of an earlier version
     * has the superuser own the tables its migrations made). This is no Flyway migration: Flyway runs as the role
     * being set up, which may not create roles.
     */
    private static final String CREATE_APPLICATION_ROLE = """
            DO $$
            BEGIN
                IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'yarda') THEN
                    CREATE ROLE yarda LOGIN;
                END IF;
            END
            $$""";

    private static final String LIMIT_APPLICATION_ROLE =
            "ALTER ROLE yarda WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS";

    private static final String GIVE_DATABASE_TO_APPLICATION_ROLE = "ALTER DATABASE postgres OWNER TO yarda";

    // a sequence of a column moves with its table; PostgreSQL refuses to move it on its own
    private static final String GIVE_OBJECTS_TO_APPLICATION_ROLE = """
            DO $$
            DECLARE
                item record;
            BEGIN
                FOR item IN SELECT c.oid::regclass AS name FROM pg_class c
                             WHERE c.relnamespace = 'public'::regnamespace AND c.relowner = 'postgres'::regrole
                               AND c.relkind IN ('r', 'p', 'v', 'm')
                LOOP
                    EXECUTE format('ALTER TABLE %s OWNER TO yarda', item.name);
                END LOOP;
                FOR item IN SELECT c.oid::regclass AS name FROM pg_class c
                             WHERE c.relnamespace = 'public'::regnamespace AND c.relowner = 'postgres'::regrole
                               AND c.relkind = 'S'
                               AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                                               AND d.objid = c.oid AND d.deptype IN ('a', 'i'))
                LOOP
                    EXECUTE format('ALTER SEQUENCE %s OWNER TO yarda', item.name);
                END LOOP;
                FOR item IN SELECT p.oid::regprocedure AS name FROM pg_proc p
                             WHERE p.pronamespace = 'public'::regnamespace AND p.proowner = 'postgres'::regrole
                LOOP
                    EXECUTE format('ALTER ROUTINE %s OWNER TO yarda', item.name);
                END LOOP;
            END
            $$""";

    private final Path directory;
    private final SecureRandom random;

    PostgresDataDirectory(Path directory, SecureRandom random) {
        this.directory = directory.toAbsolutePath();
        this.random = random;
    }

    Path path() {
        return directory;
    }

    Path passwordFile(String role) {
        return directory.resolve(role + ".password");
    }

    static String jdbcUrl(int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    /**
     * Starts PostgreSQL on this directory, on {@code port} (0: a free one). An empty directory is initialised with
     * a generated superuser password; a data directory of an earlier version, which trusted every local
     * connection and has no password file, gets one first ({@link TrustUpgrade}). Either way the service's role is
     * then set up, and its password is in {@link #applicationPassword()}.
     */
    EmbeddedPostgres start(int port) throws IOException {
        stopOrphan();
        Path initdbPassword = null;
        String superuserPassword;
        if (!Files.exists(directory.resolve("postgresql.conf"))) {
            requireEmpty();
            superuserPassword = newPassword();
            initdbPassword = ownerOnlyTempFile(directory.getParent(), superuserPassword);
        } else {
            Optional<String> stored = read(passwordFile(SUPERUSER));
            if (stored.isPresent()) {
                superuserPassword = stored.get();
            } else {
                log.warn(
                        "The embedded PostgreSQL in {} has no password yet (a data directory of an earlier version, which"
                                + " let every local user in as superuser): setting passwords and password logins now",
                        directory);
                superuserPassword = newPassword();
                new TrustUpgrade(directory).setSuperuserPassword(superuserPassword);
                write(passwordFile(SUPERUSER), superuserPassword);
            }
        }
        EmbeddedPostgres postgres;
        try {
            EmbeddedPostgres.Builder builder = builder(superuserPassword, initdbPassword)
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setDataDirectoryCustomizer(dataDirectory -> beforeStart(superuserPassword));
            if (port > 0) {
                builder.setPort(port);
            }
            postgres = builder.start();
        } finally {
            if (initdbPassword != null) {
                Files.deleteIfExists(initdbPassword);
            }
        }
        try {
            setUpApplicationRole(postgres);
        } catch (IOException | RuntimeException e) {
            postgres.close();
            throw e;
        }
        return postgres;
    }

    /**
     * zonky's builder as every embedded PostgreSQL of the service is made. With {@code initdbPassword}, an empty
     * directory is initialised with password (SCRAM) logins only and the superuser password in that file: zonky
     * passes its "locale" settings to initdb as {@code --name=value}, after its own {@code -A trust}, which they
     * override.
     */
    static EmbeddedPostgres.Builder builder(String superuserPassword, @Nullable Path initdbPassword) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPGStartupWait(STARTUP_WAIT)
                // zonky's defaults favour throw-away test databases; this one holds users' money.
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("unix_socket_directories", "")
                .setServerConfig("password_encryption", "scram-sha-256")
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                // zonky's own readiness check logs in as the superuser with these
                .setConnectConfig("password", superuserPassword)
                .setConnectConfig("loginTimeout", "10");
        if (initdbPassword != null) {
            builder.setLocaleConfig("auth", "scram-sha-256").setLocaleConfig("pwfile", initdbPassword.toString());
        }
        return builder;
    }

    /** The password of {@value #APPLICATION_ROLE}; set by {@link #start}. */
    String applicationPassword() throws IOException {
        return read(passwordFile(APPLICATION_ROLE))
                .orElseThrow(() -> new IOException("No " + passwordFile(APPLICATION_ROLE) + ": not started yet"));
    }

    /** The PostgreSQL server running on this directory, as named in {@code postmaster.pid}. */
    Optional<ProcessHandle> postmaster() {
        Path pidFile = directory.resolve("postmaster.pid");
        try {
            return ProcessHandle.of(Long.parseLong(
                            Files.readAllLines(pidFile).getFirst().trim()))
                    .filter(ProcessHandle::isAlive);
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty(); // none, or PostgreSQL deals with a stale or damaged pid file itself
        }
    }

    /**
     * A service killed with {@code kill -9} leaves its PostgreSQL running, holding the data directory. Such an
     * orphan is found through {@code postmaster.pid} and shut down (fast: it has no clients left) so that this
     * start can use the data; PostgreSQL's own crash recovery covers the rest.
     */
    void stopOrphan() {
        postmaster()
                .filter(process -> process.info().command().orElse("").contains("postgres"))
                .ifPresent(orphan -> {
                    log.warn("Stopping PostgreSQL {} left running by an earlier start on {}", orphan.pid(), directory);
                    orphan.destroy(); // SIGTERM
                    try {
                        orphan.onExit().get(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (ExecutionException | TimeoutException e) {
                        orphan.destroyForcibly();
                    }
                });
    }

    /** Runs after initdb and before every start: the access rules, and a fresh superuser password kept. */
    private void beforeStart(String superuserPassword) {
        try {
            Files.writeString(directory.resolve("pg_hba.conf"), HBA, StandardCharsets.UTF_8);
            if (read(passwordFile(SUPERUSER)).isEmpty()) {
                write(passwordFile(SUPERUSER), superuserPassword);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the PostgreSQL data directory " + directory, e);
        }
    }

    /**
     * Creates {@value #APPLICATION_ROLE} when missing, gives it the password of its file (a new one when the file
     * is missing), no special rights, and the database with everything in it. Done at every start: it is quick, and
     * it finishes a start that stopped half-way.
     */
    private void setUpApplicationRole(EmbeddedPostgres postgres) throws IOException {
        Optional<String> stored = read(passwordFile(APPLICATION_ROLE));
        String password = stored.isPresent() ? stored.get() : newPassword();
        if (stored.isEmpty()) {
            write(passwordFile(APPLICATION_ROLE), password);
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(CREATE_APPLICATION_ROLE);
            statement.execute(LIMIT_APPLICATION_ROLE);
            // hashed (SCRAM) by the driver: the password itself never reaches the server or its logs
            connection
                    .unwrap(PGConnection.class)
                    .alterUserPassword(APPLICATION_ROLE, password.toCharArray(), "scram-sha-256");
            statement.execute(GIVE_DATABASE_TO_APPLICATION_ROLE);
            statement.execute(GIVE_OBJECTS_TO_APPLICATION_ROLE);
        } catch (SQLException e) {
            throw new IOException("Cannot set up the role " + APPLICATION_ROLE + " in " + directory, e);
        }
    }

    private void requireEmpty() throws IOException {
        if (Files.isDirectory(directory)) {
            try (Stream<Path> entries = Files.list(directory)) {
                if (entries.findAny().isPresent()) {
                    throw new IOException(directory + " holds files but no postgresql.conf: it is no PostgreSQL data"
                            + " directory, or a damaged one. Move it away (or restore it) and start again.");
                }
            }
        }
    }

    private String newPassword() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        // URL-safe base64: nothing that needs quoting in SQL, a shell or a connection string
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Optional<String> read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        String password = Files.readString(file, StandardCharsets.UTF_8).strip();
        return password.isEmpty() ? Optional.empty() : Optional.of(password);
    }

    /** Written whole or not at all (a torn file would lock the service out), readable by the owner only. */
    private static void write(Path file, String password) throws IOException {
        Path written = ownerOnlyTempFile(file.getParent(), password);
        Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static Path ownerOnlyTempFile(Path directory, String content) throws IOException {
        FileAttribute<Set<PosixFilePermission>> ownerOnly = PosixFilePermissions.asFileAttribute(OWNER_ONLY);
        Path file = Files.createTempFile(directory, ".password", ".tmp", ownerOnly);
        Files.writeString(file, content + "\n", StandardCharsets.UTF_8);
        return file;
    }
}
