package com.yarda.web;

import com.yarda.billing.Purchases;
import com.yarda.credits.Credits;
import com.yarda.credits.LedgerEntry;
import com.yarda.generation.Generations;
import com.yarda.platform.CurrentUser;
import com.yarda.platform.Page;
import com.yarda.upload.Uploads;
import java.util.Objects;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The account page: profile, credits, purchases, credit history, and the forms that change the password or the email,
 * log out everywhere and delete the account. Shown by {@link AccountPages}, and again with field errors by {@link
 * AccountSettingsPages} when one of its forms is refused.
 */
@Component
class AccountPage {

    static final String VIEW = "account/account";
    private static final int PAGE_SIZE = 20;

    /** The change-password form. */
    record PasswordForm(String currentPassword, String newPassword, String confirmPassword) {
        static PasswordForm empty() {
            return new PasswordForm("", "", "");
        }
    }

    /** The change-email form. */
    record EmailForm(String newEmail, String password) {
        static EmailForm empty() {
            return new EmailForm("", "");
        }
    }

    private final Credits credits;
    private final Purchases purchases;
    private final Generations generations;
    private final Uploads uploads;

    AccountPage(Credits credits, Purchases purchases, Generations generations, Uploads uploads) {
        this.credits = credits;
        this.purchases = purchases;
        this.generations = generations;
        this.uploads = uploads;
    }

    /** Fills {@code model} for the account page of {@code user} at credit history page {@code page}; its view. */
    String show(CurrentUser user, int page, Model model) {
        int current = Math.max(0, page);
        Page<LedgerEntry> transactions = credits.transactions(user.id(), PAGE_SIZE, (long) current * PAGE_SIZE);
        model.addAttribute("transactions", transactions);
        model.addAttribute("page", current);
        model.addAttribute("pages", Math.max(1, (transactions.total() + PAGE_SIZE - 1) / PAGE_SIZE));
        model.addAttribute("purchases", purchases.history(user.id(), 10, 0).items());
        model.addAttribute("photos", uploads.list(user.id(), AccountDataPages.PHOTOS_ON_ACCOUNT_PAGE, 0));
        model.addAttribute(
                "deletedDesigns",
                generations.deletedAmong(
                        user.id(),
                        transactions.items().stream()
                                .map(LedgerEntry::generationId)
                                .filter(Objects::nonNull)
                                .toList()));
        if (!model.containsAttribute("passwordForm")) {
            model.addAttribute("passwordForm", PasswordForm.empty());
        }
        if (!model.containsAttribute("emailForm")) {
            model.addAttribute("emailForm", EmailForm.empty());
        }
        return VIEW;
    }
}
