package com.yarda.upload;

import com.yarda.account.AccountDeleting;
import com.yarda.account.Accounts;
import com.yarda.platform.NotFound;
import com.yarda.platform.Page;
import com.yarda.platform.Timestamps;
import com.yarda.platform.YardaProperties;
import com.yarda.storage.ImageBlob;
import com.yarda.storage.ImageDeletions;
import com.yarda.storage.ImageStore;
import com.yarda.storage.ImageUploads;
import com.yarda.storage.SanitizedImage;
import com.yarda.storage.StorageUnavailable;
import com.yarda.storage.StoredImage;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Accepts, keeps and serves users' photos. */
@Service
public class Uploads {

    private static final Logger log = LoggerFactory.getLogger(Uploads.class);
    // photos read at once by eachOf
    private static final int PAGE = 100;
    private static final Pattern OWN_URL = Pattern.compile(
            "/api/uploads/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})/image");

    private final Accounts accounts;
    private final ImageUploads images;
    private final ImageStore store;
    private final UploadRepository uploads;
    private final UploadQuota quota;
    private final ImageDeletions deletions;
    private final TransactionTemplate transaction;
    private final YardaProperties yarda;
    private final Clock clock;

    Uploads(
            Accounts accounts,
            ImageUploads images,
            ImageStore store,
            UploadRepository uploads,
            UploadQuota quota,
            ImageDeletions deletions,
            PlatformTransactionManager transactions,
            YardaProperties yarda,
            Clock clock) {
        this.accounts = accounts;
        this.images = images;
        this.store = store;
        this.uploads = uploads;
        this.quota = quota;
        this.deletions = deletions;
        this.transaction = new TransactionTemplate(transactions);
        this.yarda = yarda;
        this.clock = clock;
    }

    /**
     * Validates {@code bytes} as a JPEG, PNG or WebP photo (by content, not name) that can show a yard, re-encodes it
     * without any metadata and keeps it for {@code userId}. Checks, in this order: a verified email, room left in the
     * daily quotas, the photo itself (its format, size and {@link com.yarda.storage.PhotoQuality quality}), and then,
     * with its stored size, the quotas again (where concurrent uploads of the user are counted one after the other).
     * No database connection is held while the photo is decoded; a photo refused for any reason is neither kept nor
     * counted.
     *
     * @param field the request field that carried the photo ({@code file}, {@code photo}), which a refusal names
     * @param bytes the uploaded file; null when the request carried none
     * @throws com.yarda.account.EmailNotVerified (403) unless the user has verified their email
     * @throws UploadQuotaExceeded (429) when the photos or bytes of the last 24 hours reach {@code yarda.uploads.*}
     * @throws MissingPhoto (400) when {@code bytes} is null
     * @throws com.yarda.storage.UnsupportedImage (415) for anything that is not such an image
     * @throws com.yarda.storage.ImageTooLarge (413) above 10 MiB or 40 megapixels, or when the stored photo alone
     *     is larger than a day's bytes
     * @throws com.yarda.platform.ValidationFailed (422) naming {@code field} when the photo is too small, too dark,
     *     overexposed, almost uniform or blurred
     * @throws StorageUnavailable (503) when the image store cannot be written; nothing is recorded or counted
     * @throws com.yarda.storage.DecodingBusy (503) when too many images are being decoded to start this one within
     *     {@code yarda.storage.decode-wait}
     */
    public Upload store(UUID userId, String field, byte @Nullable [] bytes) {
        accounts.requireVerified(userId);
        quota.requireRoom(userId, clock.instant());
        if (bytes == null) {
            throw new MissingPhoto();
        }
        SanitizedImage image = images.sanitizePhoto(bytes, field);
        StoredImage stored;
        try {
            stored = store.store(image.bytes(), image.contentType());
        } catch (UncheckedIOException e) {
            // nothing is recorded yet: the request changes nothing, and says it is our storage, not the photo
            log.warn(
                    "A photo of user {} could not be stored: {} ({})",
                    userId,
                    e.getMessage(),
                    String.valueOf(e.getCause()));
            throw new StorageUnavailable();
        }
        UUID id = UUID.randomUUID();
        Upload upload = new Upload(
                id,
                url(id),
                image.contentType(),
                image.width(),
                image.height(),
                image.bytes().length,
                Timestamps.truncate(clock.instant()),
                List.of());
        try {
            transaction.executeWithoutResult(status -> {
                quota.record(userId, upload.sizeBytes(), upload.createdAt());
                uploads.insert(userId, upload, stored.key());
            });
        } catch (RuntimeException refusedOrFailed) {
            // nothing refers to the file: it goes, or it would fill the disk that the quota protects
            deletions.afterCommit(List.of(stored.key()));
            throw refusedOrFailed;
        }
        log.info(
                "User {} uploaded photo {} ({}x{}, {} bytes)",
                userId,
                id,
                upload.width(),
                upload.height(),
                upload.sizeBytes());
        return upload;
    }

    /** The upload {@code id} of {@code userId}; someone else's upload is not found either. */
    public Upload get(UUID userId, UUID id) {
        return uploads.findOwned(userId, id).map(UploadRepository.Row::upload).orElseThrow(Uploads::notFound);
    }

    /**
     * Keeps the upload {@code id} of {@code userId} from being removed until the caller's transaction ends, in which
     * a design starts using it; the cleanup of unused photos skips it meanwhile.
     *
     * @return whether the upload is still there to be used
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean holdForUse(UUID userId, UUID id) {
        return uploads.lockOwned(userId, id);
    }

    /** The stored image of an upload of {@code userId}. */
    public ImageBlob image(UUID userId, UUID id) {
        UploadRepository.Row row = uploads.findOwned(userId, id).orElseThrow(Uploads::notFound);
        return store.read(row.storageKey()).orElseThrow(Uploads::notFound);
    }

    /** {@code userId}'s photos, newest first, each with the designs made from it. */
    public Page<Upload> list(UUID userId, int limit, long offset) {
        return new Page<>(uploads.page(userId, limit, offset), uploads.count(userId), limit, offset);
    }

    /**
     * Gives every photo of {@code userId} to {@code action}, newest first, read a page at a time: no database
     * connection is held while {@code action} runs, and a photo added or removed meanwhile moves no other one.
     */
    public void eachOf(UUID userId, Consumer<Upload> action) {
        Upload last = null;
        List<Upload> page;
        do {
            page = uploads.after(userId, last, PAGE);
            page.forEach(action);
            last = page.isEmpty() ? null : page.getLast();
        } while (page.size() == PAGE);
    }

    /**
     * Deletes the photo {@code id} of {@code userId} with its image. The designs made from it stay, with their
     * images, and lose their "before"; the photo still counts in the day's upload quota.
     *
     * @throws NotFound when the user has no such photo
     * @throws PhotoInUse (409) while a design made from it is pending or processing
     */
    public void delete(UUID userId, UUID id) {
        transaction.executeWithoutResult(status -> {
            String key = uploads.lockForDeletion(userId, id).orElseThrow(Uploads::notFound);
            if (uploads.usedByDesign(id, true)) {
                throw new PhotoInUse();
            }
            uploads.delete(id);
            deletions.afterCommit(List.of(key));
        });
        log.info("User {} deleted photo {}", userId, id);
    }

    /**
     * Deletes the upload {@code id} of {@code userId} with its image, unless a design uses it.
     *
     * @return whether it was deleted
     */
    public boolean deleteIfUnused(UUID userId, UUID id) {
        boolean deleted = Boolean.TRUE.equals(transaction.execute(status -> {
            // locked first: a design that starts using it meanwhile has committed before the check below reads
            Optional<String> key = uploads.lockForDeletion(userId, id);
            if (key.isEmpty() || uploads.usedByDesign(id, false)) {
                return false;
            }
            uploads.delete(id);
            deletions.afterCommit(List.of(key.get()));
            return true;
        }));
        if (deleted) {
            log.info("User {} deleted photo {}", userId, id);
        }
        return deleted;
    }

    /** An account is being deleted with every row of it: its photos go too, once that is committed. */
    @EventListener
    void onAccountDeleting(AccountDeleting deleting) {
        deletions.afterCommit(uploads.storageKeys(deleting.userId()));
    }

    /**
     * The upload that {@code url} names, when it is one of {@code userId}'s own upload URLs (relative, or under the
     * public URL). Nothing else is ever fetched: the service does not follow URLs that users type.
     */
    public Optional<Upload> resolveOwnUrl(UUID userId, @Nullable String url) {
        if (url == null) {
            return Optional.empty();
        }
        String path = url.trim();
        String base = yarda.link("");
        if (path.startsWith(base)) {
            path = path.substring(base.length());
        }
        Matcher matcher = OWN_URL.matcher(path);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return uploads.findOwned(userId, UUID.fromString(matcher.group(1))).map(UploadRepository.Row::upload);
    }

    static String url(UUID id) {
        return "/api/uploads/" + id + "/image";
    }

    private static NotFound notFound() {
        return new NotFound("The upload");
    }
}
