package com.yarda.account;

import java.util.UUID;

/**
 * An account is being deleted, in the transaction that deletes its rows (every table refers to the user ON DELETE
 * CASCADE). Listeners run in that transaction: they remove what the database does not hold (images, after the
 * commit), or refuse the deletion by throwing, which rolls it back.
 */
public record AccountDeleting(UUID userId) {}
