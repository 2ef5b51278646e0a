package com.yarda.admin;

import com.yarda.account.Suspensions.Suspension;
import com.yarda.account.User;
import com.yarda.billing.Purchase;
import com.yarda.credits.LedgerEntry;
import com.yarda.generation.Generation;
import com.yarda.platform.Page;
import org.jspecify.annotations.Nullable;

/**
 * Everything an operator looks at for one user: the account with its balances, and the newest entries of the
 * ledger, purchases, generations and the admin changes made to them.
 *
 * @param suspension when and why the account was suspended; null while it is active
 */
public record UserDetail(
        User user,
        @Nullable Suspension suspension,
        Page<LedgerEntry> ledger,
        Page<Purchase> purchases,
        Page<Generation> generations,
        Page<AuditEntry> audit) {}
