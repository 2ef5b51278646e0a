package com.yarda.share;

import java.time.Instant;

/**
 * A design's share link, as API.md shows it.
 *
 * @param token the secret in the link: 256 bits, base64url (43 characters)
 * @param url {@code {public-url}/s/{token}}, the page a contractor opens without an account
 * @param createdAt when the link was made
 */
public record ShareLink(String token, String url, Instant createdAt) {}
