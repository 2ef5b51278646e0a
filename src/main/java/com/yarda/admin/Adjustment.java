package com.yarda.admin;

import com.yarda.credits.Balance;

/** A credit adjustment made by an admin: the user's balances after it, and its audit record. */
public record Adjustment(Balance balance, AuditEntry audit) {}
