package com.yarda.designer;

/**
 * A finished design image.
 *
 * @param image the encoded image bytes
 * @param contentType {@code image/png}, {@code image/jpeg} or {@code image/webp}
 * @param prompt the prompt the design was made from, kept with the generation
 */
public record Design(byte[] image, String contentType, String prompt) {}
