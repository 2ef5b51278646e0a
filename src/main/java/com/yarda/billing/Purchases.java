package com.yarda.billing;

import com.yarda.account.Accounts;
import com.yarda.billing.BillingProblems.CheckoutUnavailable;
import com.yarda.billing.BillingProperties.Pack;
import com.yarda.billing.CheckoutSessions.OpenedCheckout;
import com.yarda.platform.NotFound;
import com.yarda.platform.Page;
import com.yarda.platform.Timestamps;
import com.yarda.platform.ValidationFailed;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Buying token packs: the packs on sale, starting a purchase (a pending row, then the payment page), and each
 * user's purchases. A purchase is paid, and its tokens granted, when Stripe reports it (or the test checkout is
 * completed); see {@code StripeWebhooks}.
 */
@Service
public class Purchases {

    private static final Logger log = LoggerFactory.getLogger(Purchases.class);

    private final PurchaseRepository purchases;
    private final CheckoutSessions checkout;
    private final BillingProperties properties;
    private final Accounts accounts;
    private final PurchaseLimit limit;
    private final TransactionTemplate transaction;
    private final Clock clock;

    Purchases(
            PurchaseRepository purchases,
            CheckoutSessions checkout,
            BillingProperties properties,
            Accounts accounts,
            PurchaseLimit limit,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.purchases = purchases;
        this.checkout = checkout;
        this.properties = properties;
        this.accounts = accounts;
        this.limit = limit;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** The token packs on sale, in the configured order. */
    public List<TokenPack> packs() {
        return properties.packs().stream().map(this::view).toList();
    }

    /** Whether purchases complete on the built-in test checkout page, without payment (no Stripe key is set). */
    public boolean testMode() {
        return checkout instanceof TestCheckoutSessions;
    }

    /**
     * Starts buying {@code packId} for {@code userId}: records a pending purchase, then opens its payment page
     * (outside any transaction, since Stripe may be slow). Nothing is granted until the payment is reported.
     *
     * @throws com.yarda.account.EmailNotVerified (403) unless the user has verified their email
     * @throws ValidationFailed when no pack has this id
     * @throws com.yarda.platform.RateLimited (429) when the user started {@code yarda.billing.purchases-per-hour}
     *     purchases within the last hour; nothing is recorded or opened
     * @throws CheckoutUnavailable when Stripe could not open the payment page; the purchase ends failed
     */
    public Checkout start(UUID userId, String packId) {
        accounts.requireVerified(userId);
        Pack pack = pack(packId).orElseThrow(() -> new ValidationFailed("pack_id", "must be one of " + packIds()));
        String email = accounts.email(userId).orElseThrow(() -> new NotFound("The user"));
        PurchaseRow purchase = new PurchaseRow(
                UUID.randomUUID(),
                userId,
                pack.id(),
                pack.tokens(),
                pack.amountCents(),
                properties.currency(),
                PurchaseStatus.PENDING,
                checkout.provider(),
                null,
                null,
                null,
                now(),
                null);
        transaction.executeWithoutResult(status -> {
            limit.requireRoom(userId, purchase.createdAt());
            purchases.insert(purchase);
        });
        OpenedCheckout opened;
        try {
            opened = checkout.open(purchase, "Yarda: " + name(pack), email);
        } catch (CheckoutUnavailable e) {
            purchases.finish(purchase.id(), PurchaseStatus.FAILED, null, now());
            throw e;
        }
        purchases.recordCheckout(purchase.id(), opened.url(), opened.stripeSessionId(), opened.checkoutTokenHash());
        log.info("User {} started purchase {} of {} ({})", userId, purchase.id(), pack.id(), checkout.provider());
        return new Checkout(purchase.id(), opened.url(), PurchaseStatus.PENDING);
    }

    /** A purchase of {@code userId}; someone else's is not found either. */
    public Purchase get(UUID userId, UUID purchaseId) {
        return purchases
                .findOwned(userId, purchaseId)
                .map(PurchaseRow::toPurchase)
                .orElseThrow(() -> new NotFound("The purchase"));
    }

    /** {@code userId}'s purchases, newest first. */
    public Page<Purchase> history(UUID userId, int limit, long offset) {
        List<Purchase> items = purchases.history(userId, limit, offset).stream()
                .map(PurchaseRow::toPurchase)
                .toList();
        return new Page<>(items, purchases.count(userId), limit, offset);
    }

    private Optional<Pack> pack(String id) {
        return properties.packs().stream().filter(p -> p.id().equals(id)).findFirst();
    }

    private String packIds() {
        return properties.packs().stream().map(Pack::id).collect(Collectors.joining(", "));
    }

    private TokenPack view(Pack pack) {
        return new TokenPack(pack.id(), name(pack), pack.tokens(), pack.amountCents(), properties.currency());
    }

    private static String name(Pack pack) {
        return pack.tokens() == 1 ? "1 token" : pack.tokens() + " tokens";
    }

    private Instant now() {
        return Timestamps.truncate(clock.instant());
    }
}
