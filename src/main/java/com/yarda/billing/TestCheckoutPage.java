package com.yarda.billing;

import jakarta.servlet.http.HttpServletResponse;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The built-in checkout of test mode ({@code {public-url}/billing/test-checkout/{purchase}?token=…}), clearly marked
 * as taking no payment. The secret token of the link is the buyer's credential, so the page needs no login; the
 * form posts it back. Outside test mode (a Stripe key is set) every address here is 404.
 */
@Controller
@RequestMapping("/billing/test-checkout/{purchaseId}")
class TestCheckoutPage {

    private static final String VIEW = "billing/test-checkout";

    private final CheckoutSessions checkout;
    private final ReturnUrls returnUrls;

    TestCheckoutPage(CheckoutSessions checkout, ReturnUrls returnUrls) {
        this.checkout = checkout;
        this.returnUrls = returnUrls;
    }

    @GetMapping
    ModelAndView show(
            @PathVariable String purchaseId,
            @RequestParam(defaultValue = "") String token,
            HttpServletResponse response) {
        // the token is in this page's address: keep it out of caches and of Referer headers
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        Optional<PurchaseRow> purchase =
                parse(purchaseId).flatMap(id -> testCheckout().flatMap(test -> test.find(id, token)));
        if (purchase.isEmpty()) {
            return new ModelAndView(VIEW, Map.of("found", false), HttpStatus.NOT_FOUND);
        }
        PurchaseRow p = purchase.get();
        return new ModelAndView(
                VIEW,
                Map.of(
                        "found", true,
                        "purchaseId", p.id(),
                        "token", token,
                        "tokens", p.tokens(),
                        "price", price(p.amountCents(), p.currency()),
                        "status", p.status().value(),
                        "successUrl", returnUrls.successPath(p.id()),
                        "cancelUrl", returnUrls.cancelPath(p.id())),
                HttpStatus.OK);
    }

    /** Completes the purchase (once) and sends the buyer to the success page, as Stripe would. */
    @PostMapping
    Object complete(@PathVariable String purchaseId, @RequestParam(defaultValue = "") String token) {
        Optional<UUID> id = parse(purchaseId);
        Optional<TestCheckoutSessions> test = testCheckout();
        if (id.isEmpty() || test.isEmpty() || !test.get().complete(id.get(), token)) {
            return new ModelAndView(VIEW, Map.of("found", false), HttpStatus.NOT_FOUND);
        }
        RedirectView success = new RedirectView(returnUrls.successPath(id.get()), true);
        success.setStatusCode(HttpStatus.SEE_OTHER);
        return success;
    }

    private Optional<TestCheckoutSessions> testCheckout() {
        return checkout instanceof TestCheckoutSessions test ? Optional.of(test) : Optional.empty();
    }

    private static Optional<UUID> parse(@Nullable String id) {
        try {
            return id == null ? Optional.empty() : Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static String price(int amountCents, String currency) {
        Currency unit = Currency.getInstance(currency.toUpperCase(Locale.ROOT));
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.US);
        format.setCurrency(unit);
        return format.format(amountCents / Math.pow(10, unit.getDefaultFractionDigits()));
    }
}
