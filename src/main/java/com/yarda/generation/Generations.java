package com.yarda.generation;

import com.yarda.account.AccountDeleting;
import com.yarda.account.Accounts;
import com.yarda.generation.GenerationProblems.GenerationInProgress;
import com.yarda.generation.GenerationRow.Draft;
import com.yarda.generation.GenerationRules.ValidGeneration;
import com.yarda.platform.NotFound;
import com.yarda.platform.Page;
import com.yarda.platform.Timestamps;
import com.yarda.platform.ValidationFailed;
import com.yarda.storage.ImageBlob;
import com.yarda.storage.ImageDeletions;
import com.yarda.storage.ImageStore;
import com.yarda.upload.Upload;
import com.yarda.upload.Uploads;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accepting generations and reading them back.
 *
 * <p>Accepting is one transaction ({@link Acceptance}, which lists the locks it takes and their order): the
 * rate-limit attempt, the credit, the generation row and the idempotency record are written together or not at all.
 */
@Service
public class Generations {

    private static final Logger log = LoggerFactory.getLogger(Generations.class);
    // generations read at once by eachOf
    private static final int PAGE = 100;

    private final Accounts accounts;
    private final Uploads uploads;
    private final Acceptance acceptance;
    private final RequestPhotos photos;
    private final RateLimiter rateLimiter;
    private final IdempotencyKeys idempotencyKeys;
    private final GenerationRepository repository;
    private final DesignParts parts;
    private final ImageStore images;
    private final ImageDeletions deletions;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Generations(
            Accounts accounts,
            Uploads uploads,
            Acceptance acceptance,
            RequestPhotos photos,
            RateLimiter rateLimiter,
            IdempotencyKeys idempotencyKeys,
            GenerationRepository repository,
            DesignParts parts,
            ImageStore images,
            ImageDeletions deletions,
            PlatformTransactionManager transactions,
            Clock clock,
            ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.uploads = uploads;
        this.acceptance = acceptance;
        this.photos = photos;
        this.rateLimiter = rateLimiter;
        this.idempotencyKeys = idempotencyKeys;
        this.repository = repository;
        this.parts = parts;
        this.images = images;
        this.deletions = deletions;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.events = events;
    }

    /**
     * The answer to an accepted request, or the replay of the first answer to an idempotent retry.
     *
     * @param generationId the generation written (the first of a comparison)
     * @param responseBody the answer, as first sent
     * @param rateLimit where the user stands after this request; null for a replay
     */
    public record Accepted(
            UUID generationId,
            String responseBody,
            boolean replayed,
            @Nullable RateLimitStatus rateLimit) {

        static Accepted of(Acceptance.Written written) {
            return new Accepted(written.generationId(), written.body(), written.replayed(), written.rateLimit());
        }
    }

    /**
     * Accepts a request for a design. Checks, in this order: verified email (403), the request's fields (400, 413,
     * 415, 422; nothing is recorded for an invalid request), then in one transaction the rate limit (429) and the
     * credit (402). A retry with the same {@code idempotencyKey} and body gets the first answer and is not charged
     * again. A refused request leaves nothing behind, not even the photo it carried.
     */
    public Accepted accept(UUID userId, NewGeneration request, @Nullable String idempotencyKey) {
        accounts.requireVerified(userId);
        ValidGeneration valid = GenerationRules.check(
                request, url -> uploads.resolveOwnUrl(userId, url).map(Upload::id));
        byte[] fingerprint = request.fingerprint();
        if (idempotencyKey != null) {
            Optional<Acceptance.Written> replay = acceptance.replay(userId, idempotencyKey, fingerprint);
            if (replay.isPresent()) {
                return Accepted.of(replay.get());
            }
        }
        Accepted accepted = photos.accept(
                userId,
                request.photo(),
                valid.uploadId(),
                photo -> Accepted.of(acceptance.write(
                        userId,
                        single(Draft.first(
                                valid.inputType(), valid.address(), photo, valid.style(), valid.customPrompt())),
                        fingerprint,
                        idempotencyKey)),
                answer -> !answer.replayed());
        if (!accepted.replayed()) {
            log.info("Accepted generation {} of user {}", accepted.generationId(), userId);
        }
        return accepted;
    }

    /** An order of one generation, answered with the generation as the API shows it. */
    private Acceptance.Order single(Draft draft) {
        return new Acceptance.Order() {
            @Override
            public List<Draft> drafts() {
                return List.of(draft);
            }

            @Override
            public Acceptance.Answer answer(List<GenerationRow> rows, Instant now) {
                return new Acceptance.Answer(acceptance.body(rows.getFirst()), null);
            }
        };
    }

    /** A generation of {@code userId}; someone else's is not found either. */
    public Generation get(UUID userId, UUID id) {
        return repository
                .findOwned(userId, id)
                .map(row -> row.toGeneration(parts))
                .orElseThrow(Generations::notFound);
    }

    /** {@code userId}'s generations, newest first, optionally only those with {@code status}. */
    public Page<Generation> history(UUID userId, @Nullable GenerationStatus status, int limit, long offset) {
        HistoryPage page = historyPage(userId, status, limit, offset, null);
        return new Page<>(page.items(), page.total(), limit, offset);
    }

    /**
     * A page of {@code userId}'s generations, newest first, optionally only those with {@code status}, and the cursor
     * of the page after it: from {@code offset} on (0 when null), or after the design that {@code before} (the {@code
     * next_before} of an earlier page) points at, so that designs added or deleted meanwhile shift no page. A cursor
     * is a place, not a permission: only {@code userId}'s own designs are read.
     *
     * @throws ValidationFailed for a {@code before} that is no cursor, or one given together with an offset
     */
    public HistoryPage historyPage(
            UUID userId, @Nullable GenerationStatus status, int limit, @Nullable Long offset, @Nullable String before) {
        if (before != null && offset != null) {
            throw new ValidationFailed("before", "cannot be combined with offset: page by one of them");
        }
        @Nullable HistoryCursor cursor = before == null ? null : HistoryCursor.parse(before);
        long from = offset == null ? 0 : offset;
        // one row more than the page tells whether another page follows
        List<GenerationRow> rows = repository.history(userId, status, cursor, limit + 1, from);
        boolean more = rows.size() > limit;
        // a page by offset that ends the history tells the total without counting (most histories are one page)
        GenerationRepository.Extent extent = cursor == null && !more && (from == 0 || !rows.isEmpty())
                ? new GenerationRepository.Extent(from + rows.size(), 0)
                : repository.extent(userId, status, cursor);
        List<Generation> items =
                rows.stream().limit(limit).map(row -> row.toGeneration(parts)).toList();
        return new HistoryPage(
                items,
                extent.total(),
                limit,
                cursor == null ? from : extent.newer(),
                more ? HistoryCursor.of(rows.get(limit - 1)).encode() : null);
    }

    /**
     * Gives every generation of {@code userId} that is not deleted to {@code action}, newest first, read a page at a
     * time: no database connection is held while {@code action} runs, and a design added or deleted meanwhile moves no
     * other one.
     */
    public void eachOf(UUID userId, Consumer<Generation> action) {
        @Nullable HistoryCursor after = null;
        List<GenerationRow> page;
        do {
            page = repository.history(userId, null, after, PAGE, 0);
            page.forEach(row -> action.accept(row.toGeneration(parts)));
            after = page.isEmpty() ? null : HistoryCursor.of(page.getLast());
        } while (page.size() == PAGE);
    }

    /**
     * Deletes a finished generation of {@code userId} for good: its image, its photo (unless another of the user's
     * designs uses it) and everything it said. Its credit entries stay, as spent (or refunded) on a deleted design.
     * {@link GenerationDeleted} goes out in the deleting transaction (a share link of it ends with it).
     *
     * @throws NotFound when there is no such generation of the user (or it is already deleted)
     * @throws GenerationInProgress (409) while it is pending or processing
     */
    public void delete(UUID userId, UUID id) {
        GenerationRepository.Deleted deleted = transaction.execute(status -> {
            Optional<GenerationRepository.Deleted> row =
                    repository.delete(userId, id, Timestamps.truncate(clock.instant()));
            if (row.isEmpty()) {
                repository.findOwned(userId, id).orElseThrow(Generations::notFound);
                throw new GenerationInProgress(
                        "This design is still being drawn. Delete it once it has completed or failed.");
            }
            // a refinement still being drawn needs this design's image (the delete holds the row: no new one starts)
            if (repository.unfinishedRefinements(id) > 0) {
                throw new GenerationInProgress("A refinement of this design is still being drawn. Delete it once the"
                        + " refinement has completed or failed.");
            }
            idempotencyKeys.forget(id);
            deletions.afterCommit(row.get().imageKeys());
            events.publishEvent(new GenerationDeleted(userId, id));
            return row.get();
        });
        if (deleted.inputUploadId() != null) {
            uploads.deleteIfUnused(userId, deleted.inputUploadId());
        }
        log.info("User {} deleted generation {}", userId, id);
    }

    /** Which of {@code ids} are deleted generations of {@code userId} (the credit history still names them). */
    public Set<UUID> deletedAmong(UUID userId, Collection<UUID> ids) {
        return ids.isEmpty() ? Set.of() : repository.deletedAmong(userId, ids);
    }

    /**
     * An account is being deleted with all its generations: refused while one is still being drawn (a worker would
     * write its image for nobody), otherwise their images go once that is committed.
     */
    @EventListener
    void onAccountDeleting(AccountDeleting deleting) {
        if (repository.unfinished(deleting.userId()) > 0) {
            throw new GenerationInProgress("A design of this account is still being drawn. Delete the account once"
                    + " every design has completed or failed.");
        }
        deletions.afterCommit(repository.imageKeys(deleting.userId()));
    }

    /** The finished design image of a completed generation of {@code userId}. */
    public ImageBlob image(UUID userId, UUID id) {
        GenerationRow row = repository.findOwned(userId, id).orElseThrow(Generations::notFound);
        if (row.status() != GenerationStatus.COMPLETED || row.outputImageKey() == null) {
            throw new NotFound("The image of this generation");
        }
        return images.read(row.outputImageKey()).orElseThrow(Generations::notFound);
    }

    /**
     * The "before" of a generation of {@code userId}: the photo of a photo design; for an address design the
     * street-level picture of the site, else the overhead one.
     *
     * @throws NotFound when there is none (the photo was deleted, no imagery was fetched, or the generation is not the
     *     user's)
     */
    public ImageBlob before(UUID userId, UUID id) {
        GenerationRow row = repository.findOwned(userId, id).orElseThrow(Generations::notFound);
        if (row.inputType() == InputType.PHOTO) {
            // only the photo: once the homeowner deleted it, the design has no before (not the site's pictures)
            if (row.inputUploadId() == null) {
                throw new NotFound("The photo of this design");
            }
            return uploads.image(userId, row.inputUploadId());
        }
        String key = row.streetImageKey() != null ? row.streetImageKey() : row.overheadImageKey();
        if (key == null) {
            throw new NotFound("A picture of this site");
        }
        return images.read(key).orElseThrow(() -> new NotFound("A picture of this site"));
    }

    /**
     * The overhead picture of the site of a generation of {@code userId}, for the design page.
     *
     * @throws NotFound when none was fetched
     */
    public ImageBlob overhead(UUID userId, UUID id) {
        GenerationRow row = repository.findOwned(userId, id).orElseThrow(Generations::notFound);
        if (row.overheadImageKey() == null) {
            throw new NotFound("An overhead picture of this site");
        }
        return images.read(row.overheadImageKey()).orElseThrow(() -> new NotFound("An overhead picture of this site"));
    }

    /** Where {@code userId} stands against the rate limit now. */
    public RateLimitStatus rateLimit(UUID userId) {
        return rateLimiter.status(userId, clock.instant());
    }

    private static NotFound notFound() {
        return new NotFound("The generation");
    }
}
