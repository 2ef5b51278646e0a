package com.yarda.billing;

/**
 * A pack of tokens on sale, as {@code GET /api/credits/packs} shows it.
 *
 * @param id what {@code POST /api/purchases} takes as {@code pack_id}
 * @param name a label for buttons and receipts, such as "10 tokens"
 * @param amountCents the price in the smallest unit of {@code currency}
 * @param currency ISO 4217, lower case, such as {@code usd}
 */
public record TokenPack(String id, String name, int tokens, int amountCents, String currency) {}
