package com.yarda.export;

import com.yarda.account.Accounts;
import com.yarda.billing.Purchase;
import com.yarda.billing.Purchases;
import com.yarda.credits.Credits;
import com.yarda.credits.LedgerEntry;
import com.yarda.generation.Comparisons;
import com.yarda.generation.Generation;
import com.yarda.generation.GenerationStatus;
import com.yarda.generation.Generations;
import com.yarda.generation.InputType;
import com.yarda.platform.NotFound;
import com.yarda.platform.Page;
import com.yarda.site.Site;
import com.yarda.storage.ImageBlob;
import com.yarda.upload.Upload;
import com.yarda.upload.Uploads;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A user's data in one ZIP file: the account, credit ledger, purchases, designs, comparisons and photos as the API
 * shows them (the same records, written by the same JSON mapper), and every image of them. It is streamed as it is
 * read: the lists a page at a time, the images one at a time, and no database connection or transaction is held while
 * anything is written to the client.
 */
@Service
public class AccountExports {

    private static final Logger log = LoggerFactory.getLogger(AccountExports.class);
    // items read from the database at once
    private static final int PAGE = 100;
    private static final String README = """
            Your Yarda data, as of %s (UTC).

            account.json      your account as GET /api/auth/me shows it, with email_verified_at
            ledger.json       every movement of your credits, newest first (GET /api/credits/transactions)
            purchases.json    every purchase of tokens, newest first (GET /api/purchases)
            designs.json      every design you have not deleted, newest first, as GET /api/generations/{id} shows
                              it: its site, plants, materials, and for a refinement the design it refines
                              (parent_id) and your feedback
            comparisons.json  every comparison of styles, newest first (GET /api/comparisons/{id})
            uploads.json      every photo you uploaded, newest first, with the designs made from it (used_by)

            images/designs/<design id>.<ext>           the design
            images/designs/<design id>-before.<ext>    the picture of the site an address design was drawn from
            images/designs/<design id>-overhead.<ext>  the overhead picture of the site, unless it is the before
            images/uploads/<photo id>.<ext>            your photos; a photo design's "before" is its photo, named in
                                                       its input_photo_url
            """;

    private final Accounts accounts;
    private final Credits credits;
    private final Purchases purchases;
    private final Generations generations;
    private final Comparisons comparisons;
    private final Uploads uploads;
    private final ExportLimit limit;
    private final TransactionTemplate transaction;
    private final JsonMapper json;
    private final Clock clock;

    AccountExports(
            Accounts accounts,
            Credits credits,
            Purchases purchases,
            Generations generations,
            Comparisons comparisons,
            Uploads uploads,
            ExportLimit limit,
            PlatformTransactionManager transactions,
            JsonMapper json,
            Clock clock) {
        this.accounts = accounts;
        this.credits = credits;
        this.purchases = purchases;
        this.generations = generations;
        this.comparisons = comparisons;
        this.uploads = uploads;
        this.limit = limit;
        this.transaction = new TransactionTemplate(transactions);
        this.json = json;
        this.clock = clock;
    }

    /**
     * Starts an export of {@code userId}'s data: counts it against {@code yarda.exports.max-per-hour}.
     *
     * @return the name to download it under, {@code yarda-export-<date>.zip}
     * @throws com.yarda.platform.RateLimited (429) when the user started as many exports within the last hour
     */
    public String start(UUID userId) {
        Instant now = clock.instant();
        transaction.executeWithoutResult(status -> limit.record(userId, now));
        log.info("User {} started an export of their data", userId);
        return "yarda-export-" + LocalDate.ofInstant(now, ZoneOffset.UTC) + ".zip";
    }

    /**
     * Writes the export of {@code userId} to {@code out}, and closes it. An interrupted download is logged and ends the
     * export; any other failure (the database or the image store unreachable) is thrown before the ZIP file is
     * finished, so that its reader sees it incomplete.
     */
    public void write(UUID userId, OutputStream out) {
        long started = System.nanoTime();
        Instant now = clock.instant();
        List<DesignImages> designs = new ArrayList<>();
        List<UUID> photos = new ArrayList<>();
        int images = 0;
        try {
            ExportArchive archive = new ExportArchive(new BufferedOutputStream(out, 1 << 16), json, now);
            archive.text("README.txt", README.formatted(now));
            archive.json("account.json", account(userId));
            archive.<LedgerEntry>jsonArray(
                    "ledger.json",
                    each -> pages(offset -> credits.transactions(userId, PAGE, offset), LedgerEntry::id, each));
            archive.<Purchase>jsonArray(
                    "purchases.json",
                    each -> pages(offset -> purchases.history(userId, PAGE, offset), Purchase::id, each));
            archive.<Generation>jsonArray(
                    "designs.json",
                    each -> generations.eachOf(userId, design -> {
                        each.accept(design);
                        designs.add(DesignImages.of(design));
                    }));
            archive.json("comparisons.json", comparisons.allOf(userId));
            archive.<Upload>jsonArray(
                    "uploads.json",
                    each -> uploads.eachOf(userId, photo -> {
                        each.accept(photo);
                        photos.add(photo.id());
                    }));
            for (DesignImages design : designs) {
                images += write(archive, userId, design);
            }
            for (UUID photo : photos) {
                images += image(archive, "images/uploads/" + photo, () -> uploads.image(userId, photo));
            }
            archive.close();
        } catch (IOException interrupted) {
            log.info(
                    "The export of user {} ended after {} images: the download was interrupted ({})",
                    userId,
                    images,
                    interrupted.toString());
            return;
        }
        log.info(
                "Exported the data of user {}: {} designs, {} photos, {} images in {} ms",
                userId,
                designs.size(),
                photos.size(),
                images,
                (System.nanoTime() - started) / 1_000_000);
    }

    /** The user as {@code GET /api/auth/me} shows them, with when they verified their email. */
    private ObjectNode account(UUID userId) {
        ObjectNode account = json.valueToTree(accounts.user(userId));
        Instant verifiedAt = accounts.emailVerifiedAt(userId).orElse(null);
        if (verifiedAt == null) {
            account.putNull("email_verified_at");
        } else {
            account.set("email_verified_at", json.valueToTree(verifiedAt));
        }
        return account;
    }

    /**
     * The images of a design that the API serves, as far as its listing told: all that is kept of it until they are
     * written.
     *
     * @param before the picture of the site an address design was drawn from (a photo design's is its photo, written
     *     with the photos)
     * @param overhead the overhead picture of the site, unless that is the before already
     */
    private record DesignImages(UUID id, boolean completed, boolean before, boolean overhead) {

        static DesignImages of(Generation design) {
            Site site = design.site();
            List<String> imagery = site == null ? List.of() : site.imagery();
            boolean before = design.inputType() == InputType.ADDRESS && !imagery.isEmpty();
            return new DesignImages(
                    design.id(),
                    design.status() == GenerationStatus.COMPLETED,
                    before,
                    imagery.contains("satellite") && (!before || imagery.contains("street")));
        }
    }

    private int write(ExportArchive archive, UUID userId, DesignImages design) throws IOException {
        UUID id = design.id();
        String stem = "images/designs/" + id;
        int written = 0;
        if (design.completed()) {
            written += image(archive, stem, () -> generations.image(userId, id));
        }
        if (design.before()) {
            written += image(archive, stem + "-before", () -> generations.before(userId, id));
        }
        if (design.overhead()) {
            written += image(archive, stem + "-overhead", () -> generations.overhead(userId, id));
        }
        return written;
    }

    /** Writes the image {@code read} gives, unless it went since it was listed (a design or photo deleted meanwhile). */
    private static int image(ExportArchive archive, String stem, Supplier<ImageBlob> read) throws IOException {
        ImageBlob blob;
        try {
            blob = read.get();
        } catch (NotFound deletedMeanwhile) {
            return 0;
        }
        archive.image(stem, blob);
        return 1;
    }

    /**
     * Gives {@code each} every item of a newest-first list read by offset, each once. These lists only grow (ledger
     * entries and purchases stay as long as the account): an entry added meanwhile moves the next page by one, which
     * repeats an item but never skips one.
     */
    private static <T> void pages(LongFunction<Page<T>> page, Function<T, UUID> id, Consumer<T> each) {
        Set<UUID> seen = new HashSet<>();
        long offset = 0;
        List<T> items;
        do {
            items = page.apply(offset).items();
            for (T item : items) {
                if (seen.add(id.apply(item))) {
                    each.accept(item);
                }
            }
            offset += items.size();
        } while (items.size() == PAGE);
    }
}
