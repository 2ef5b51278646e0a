package com.yarda.platform;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
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

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(
            YardaProperties properties,
            EmbeddedDatabaseProperties supervision,
            SecureRandom random,
            ApplicationContext context)
            throws IOException {
        Path directory = properties.dataDir().resolve("postgres").toAbsolutePath();
        Files.createDirectories(directory);
        long started = System.nanoTime();
        EmbeddedDatabase database = EmbeddedDatabase.start(
                new PostgresDataDirectory(directory, random),
                supervision,
                // a process manager (systemd Restart=on-failure, Docker's restart policy) starts the service again
                // on a thread that is no daemon: closing the context ends every other thread that keeps the JVM
                // alive, which would then end with status 0 before System.exit(1) were reached
                () -> Thread.ofPlatform()
                        .name("embedded-postgres-exit")
                        .daemon(false)
                        .start(() -> System.exit(SpringApplication.exit(context, () -> 1))));
        log.info(
                "Embedded PostgreSQL running on 127.0.0.1:{} with data in {} (started in {} ms); the service logs in"
                        + " as {}, passwords in {}",
                database.port(),
                directory,
                (System.nanoTime() - started) / 1_000_000,
                PostgresDataDirectory.APPLICATION_ROLE,
                directory.resolve("*.password"));
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

    static class NoDatasourceUrl implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }
}
