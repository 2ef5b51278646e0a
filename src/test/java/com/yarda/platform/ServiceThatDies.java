package com.yarda.platform;

import java.nio.file.Path;
import java.security.SecureRandom;

/**
 * Run in a child JVM by {@link EmbeddedDatabaseTests}: starts the embedded PostgreSQL on a data directory the way
 * the service does, says so, and waits to be killed with SIGKILL, leaving the database running.
 */
public final class ServiceThatDies {

    private ServiceThatDies() {}

    public static void main(String[] args) throws Exception {
        new PostgresDataDirectory(Path.of(args[0]), new SecureRandom()).start(0);
        System.out.println("postgres started");
        System.out.flush();
        Thread.sleep(120_000); // the test kills this process long before
    }
}
