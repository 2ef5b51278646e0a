package com.yarda.platform;

/**
 * A part of the service that {@code GET /health} reports beside the database, as {@code name: "up" | "down"}; the
 * service is healthy only when every part is up. A feature whose part it is implements it as a bean.
 */
public interface HealthCheck {

    /** The member of the health answer, such as {@code storage}. */
    String name();

    /**
     * Whether the part works now. Called on every health request, which load balancers send often: a check that costs
     * more than a lookup keeps its last result for a few seconds.
     */
    boolean up();
}
