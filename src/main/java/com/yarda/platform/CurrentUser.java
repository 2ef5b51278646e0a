package com.yarda.platform;

import java.util.UUID;

/**
 * The authenticated caller of a request. Declare it as a controller method parameter; a request without a valid
 * bearer token never reaches the method (401 {@code unauthenticated}).
 */
public record CurrentUser(UUID id) {}
