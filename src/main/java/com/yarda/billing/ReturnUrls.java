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

    String success(UUID purchaseId) {
        return yarda.link("/billing/success?purchase=" + purchaseId);
    }

    String cancel(UUID purchaseId) {
        return yarda.link("/billing/cancel?purchase=" + purchaseId);
    }

    String testCheckout(UUID purchaseId, String token) {
        return yarda.link("/billing/test-checkout/" + purchaseId + "?token=" + token);
    }
}
