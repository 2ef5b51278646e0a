package com.yarda.billing;

import com.yarda.platform.YardaProperties;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Where the buyer comes back to after paying or giving up: pages of the web app under the public URL. */
@Component
class ReturnUrls {

    private final YardaProperties yarda;

    ReturnUrls(YardaProperties yarda) {
        this.yarda = yarda;
    }

    /** For Stripe, which sends the buyer back from its own site: absolute, under the public URL. */
    String success(UUID purchaseId) {
        return yarda.link(successPath(purchaseId));
    }

    String cancel(UUID purchaseId) {
        return yarda.link(cancelPath(purchaseId));
    }

    /** For our own test checkout page: relative, so the buyer stays on the host they reached us at. */
    String successPath(UUID purchaseId) {
        return "/billing/success?purchase=" + purchaseId;
    }

    String cancelPath(UUID purchaseId) {
        return "/billing/cancel?purchase=" + purchaseId;
    }

    String testCheckout(UUID purchaseId, String token) {
        return yarda.link("/billing/test-checkout/" + purchaseId + "?token=" + token);
    }
}
