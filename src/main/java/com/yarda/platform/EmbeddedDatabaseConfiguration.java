package com.yarda.platform;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Starts real PostgreSQL binaries in {@code {yarda.data-dir}/postgres} when no {@code spring.datasource.url} is
 * configured, so that {@code ./mvnw spring-boot:run} needs nothing but a JDK. The database listens on 127.0.0.1
 * only and asks for a password ({@link PostgresDataDirectory}), writes with fsync on, keeps its data across
 * restarts, is started again when it stops ({@link EmbeddedDatabase}) and is stopped when the application context
 * closes (after the connection pool, which depends on it). The service connects as a role that is no superuser.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDatasourceUrl.class)
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    /**
     * Starts PostgreSQL as soon as the bean definitions are known, on a thread of its own, so that it comes up while
     * the web server and the beans that need no database are being made, instead of after them: PostgreSQL's start
     * (0.6-2 s) leaves the service's start-up ({@code docs/performance.md}, "Footprint").
     */
    @Bean
    static EarlyStart embeddedDatabaseEarlyStart(Environment environment) {
        Path dataDir =
                Binder.get(environment).bind("yarda.data-dir", Path.class).orElseGet(() -> Path.of("./yarda-data"));
        return new EarlyStart(
                new PostgresDataDirectory(dataDir.resolve("postgres").toAbsolutePath(), new SecureRandom()));
    }

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(
            EarlyStart start, EmbeddedDatabaseProperties supervision, ApplicationContext context) throws IOException {
        long waiting = System.nanoTime();
        EmbeddedDatabase database = EmbeddedDatabase.supervise(
                start.data(),
                start.take(),
                supervision,
                // a process manager (systemd Restart=on-failure, Docker's restart policy) starts the service again
                // on a thread that is no daemon: closing the context ends every other thread that keeps the JVM
                // alive, which would then end with status 0 before System.exit(1) were reached. The connection pool
                // closes first: what stopping would still ask of the database (handing back claimed generations and
                // deliveries, whose leases end anyway) fails at once instead of after a connection timeout each.
                () -> Thread.ofPlatform()
                        .name("embedded-postgres-exit")
                        .daemon(false)
                        .start(() -> {
                            context.getBeanProvider(HikariDataSource.class).ifAvailable(HikariDataSource::close);
                            System.exit(SpringApplication.exit(context, () -> 1));
                        }));
        log.info(
                "Embedded PostgreSQL running on 127.0.0.1:{} with data in {} (started in {} ms, of which start-up"
                        + " waited {} ms); the service logs in as {}, passwords in {}",
                database.port(),
                start.data().path(),
                start.startMillis(),
                (System.nanoTime() - waiting) / 1_000_000,
                PostgresDataDirectory.APPLICATION_ROLE,
                start.data().path().resolve("*.password"));
        return database;
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedDatabase database) throws IOException {
        return DataSourceBuilder.create()
                .type(HikariDataSource.class)
                .url(database.jdbcUrl())
                .username(PostgresDataDirectory.APPLICATION_ROLE)
                .password(database.applicationPassword())
                .build();
    }

    /**
     * PostgreSQL being started on its own thread, from when the application context's bean definitions are known
     * until {@link #take() taken} by the {@link EmbeddedDatabase} bean, which supervises and stops it from then on.
     * A context that fails before that stops it here.
     */
    static final class EarlyStart implements BeanFactoryPostProcessor, DisposableBean {

        private final PostgresDataDirectory data;
        private final CompletableFuture<EmbeddedPostgres> started = new CompletableFuture<>();
        private volatile long startMillis;
        private boolean taken; // guarded by this

        EarlyStart(PostgresDataDirectory data) {
            this.data = data;
        }

        @Override
        public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
            Thread.ofPlatform().name("embedded-postgres-start").daemon().start(() -> {
                long begun = System.nanoTime();
                try {
                    Files.createDirectories(data.path());
                    started.complete(data.start(0));
                } catch (IOException | RuntimeException | Error e) {
                    started.completeExceptionally(e);
                } finally {
                    startMillis = (System.nanoTime() - begun) / 1_000_000;
                }
            });
        }

        PostgresDataDirectory data() {
            return data;
        }

        long startMillis() {
            return startMillis;
        }

        /** The running PostgreSQL, once it runs; from now on the caller stops it. */
        synchronized EmbeddedPostgres take() throws IOException {
            if (taken) {
                throw new IllegalStateException("The embedded PostgreSQL was taken already");
            }
            taken = true;
            try {
                return started.join();
            } catch (CompletionException e) {
                switch (e.getCause()) {
                    case IOException io -> throw io;
                    case RuntimeException runtime -> throw runtime;
                    case Error error -> throw error;
                    default -> throw e;
                }
            }
        }

        @Override
        public synchronized void destroy() throws IOException {
            if (!taken) {
                taken = true;
                try {
                    started.join().close();
                } catch (CompletionException e) {
                    log.debug(
                            "The embedded PostgreSQL did not start: {}",
                            e.getCause().toString());
                }
            }
        }
    }

    static class NoDatasourceUrl implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }
}
