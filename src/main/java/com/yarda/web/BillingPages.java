package com.yarda.web;

import com.yarda.account.Accounts;
import com.yarda.billing.Checkout;
import com.yarda.billing.Purchase;
import com.yarda.billing.Purchases;
import com.yarda.billing.TokenPack;
import com.yarda.platform.CurrentUser;
import com.yarda.platform.ProblemException;
import com.yarda.platform.YardaProperties;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Buying tokens: the packs, the way to checkout, and the pages checkout returns to. */
@Controller
class BillingPages {

    private final Purchases purchases;
    private final Accounts accounts;
    private final Money money;
    private final YardaProperties yarda;

    BillingPages(Purchases purchases, Accounts accounts, Money money, YardaProperties yarda) {
        this.purchases = purchases;
        this.accounts = accounts;
        this.money = money;
        this.yarda = yarda;
    }

    @GetMapping("/buy-tokens")
    String packs(Model model) {
        List<TokenPack> packs = purchases.packs();
        model.addAttribute("packs", packs);
        model.addAttribute(
                "prices",
                packs.stream().map(p -> money(p.amountCents(), p.currency())).toList());
        model.addAttribute(
                "perDesign",
                packs.stream()
                        .map(p -> money(
                                BigDecimal.valueOf(p.amountCents())
                                        .divide(BigDecimal.valueOf(p.tokens()), 0, RoundingMode.HALF_UP)
                                        .intValue(),
                                p.currency()))
                        .toList());
        model.addAttribute("testMode", purchases.testMode());
        return "billing/buy-tokens";
    }

    /** Starts a checkout and sends the buyer there (Stripe, or the test checkout page). */
    @PostMapping("/buy-tokens")
    String buy(CurrentUser user, @RequestParam String packId, RedirectAttributes redirect) {
        try {
            Checkout checkout = purchases.start(user.id(), packId);
            String url = checkout.checkoutUrl();
            // our own test checkout page: stay on the host the buyer reached us at
            String base = yarda.link("");
            return "redirect:" + (url.startsWith(base + "/") ? url.substring(base.length()) : url);
        } catch (ProblemException problem) {
            redirect.addFlashAttribute(
                    "error",
                    switch (problem.code()) {
                        case "validation_failed" -> "That pack is not on sale. Choose one of these.";
                        case "email_not_verified" ->
                            "Verify your email address first: follow the link we sent you, then buy tokens.";
                        // says how many purchases an hour and when the next one can start
                        case "rate_limited" -> problem.getMessage();
                        default ->
                            "The payment service is not answering right now. Nothing was charged; try again"
                                    + " in a moment.";
                    });
            return "redirect:/buy-tokens";
        }
    }

    @GetMapping("/billing/success")
    String success(CurrentUser user, @RequestParam UUID purchase, Model model) {
        show(user, purchase, model);
        return "billing/result";
    }

    /** The live part of the success page while the payment provider has not confirmed yet. */
    @GetMapping("/billing/success/status")
    String successStatus(CurrentUser user, @RequestParam UUID purchase, Model model) {
        show(user, purchase, model);
        model.addAttribute("updateCredits", true);
        return "billing/result :: status";
    }

    @GetMapping("/billing/cancel")
    String cancel(Model model) {
        model.addAttribute("cancelled", true);
        return "billing/result";
    }

    /** The purchase, then the balances: read in this order, a paid purchase's tokens are always included. */
    private void show(CurrentUser user, UUID purchaseId, Model model) {
        Purchase purchase = purchases.get(user.id(), purchaseId);
        model.addAttribute("purchase", purchase);
        model.addAttribute("me", accounts.user(user.id()));
        model.addAttribute("cancelled", false);
    }

    private String money(int cents, String currency) {
        return money.format(cents, currency);
    }
}
