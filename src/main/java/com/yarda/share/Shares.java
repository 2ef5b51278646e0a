package com.yarda.share;

import com.yarda.generation.Generation;
import com.yarda.generation.GenerationDeleted;
import com.yarda.generation.GenerationStatus;
import com.yarda.generation.Generations;
import com.yarda.platform.NotFound;
import com.yarda.platform.Timestamps;
import com.yarda.platform.YardaProperties;
import com.yarda.share.ShareProblems.GenerationNotCompleted;
import com.yarda.share.ShareRepository.Target;
import com.yarda.storage.ImageBlob;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Share links: an owner shares a completed design and stops sharing it; anyone with the link sees the design, its
 * pictures and plants (never the owner or the address) and downloads it as a PDF.
 *
 * <p>A link is looked up by the hash of its token and the design is then read through {@link Generations} as its
 * owner, on every visit: a revoked link, a deleted design and a deleted account all answer the same 404 as a link
 * that never existed. Deleting a design removes its links in the deleting transaction ({@link GenerationDeleted});
 * deleting the account removes them by {@code ON DELETE CASCADE}.
 */
@Service
public class Shares {

    private static final Logger log = LoggerFactory.getLogger(Shares.class);

    private final Generations generations;
    private final ShareRepository repository;
    private final ShareTokens tokens;
    private final SharedDesignPdf pdf;
    private final YardaProperties yarda;
    private final TransactionTemplate transaction;
    private final Clock clock;

    Shares(
            Generations generations,
            ShareRepository repository,
            ShareTokens tokens,
            SharedDesignPdf pdf,
            YardaProperties yarda,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.generations = generations;
        this.repository = repository;
        this.tokens = tokens;
        this.pdf = pdf;
        this.yarda = yarda;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** A design's link and whether this request made it (201) or it was there already (200). */
    public record Shared(ShareLink link, boolean created) {}

    /**
     * Shares a completed design of {@code userId}: its live link if it has one, else a new one. Two requests at once
     * make one link ({@code uq_shares_live_generation}): the second waits for the first and answers its link.
     *
     * @throws NotFound when the design is not the user's, or deleted
     * @throws GenerationNotCompleted (409) while it is pending or processing, or when it failed
     */
    public Shared share(UUID userId, UUID generationId) {
        Generation design = generations.get(userId, generationId);
        if (design.status() != GenerationStatus.COMPLETED) {
            throw new GenerationNotCompleted();
        }
        Shared shared = transaction.execute(status -> {
            Optional<ShareRow> live = repository.live(userId, generationId);
            if (live.isPresent()) {
                Optional<ShareLink> again = shownAgain(live.get());
                if (again.isPresent()) {
                    return new Shared(again.get(), false);
                }
                log.warn(
                        "The share link of generation {} can no longer be derived (the service secret changed):"
                                + " it is replaced by a new one",
                        generationId);
                repository.revoke(userId, generationId, now());
            }
            byte[] seed = tokens.newSeed();
            String token = tokens.token(seed);
            ShareRow row = new ShareRow(UUID.randomUUID(), generationId, userId, ShareTokens.hash(token), seed, now());
            if (repository.insertLive(row)) {
                return new Shared(link(token, row.createdAt()), true);
            }
            // a concurrent request made the link first (its commit was waited for): that is the link
            return new Shared(
                    repository
                            .live(userId, generationId)
                            .flatMap(this::shownAgain)
                            .orElseThrow(),
                    false);
        });
        if (shared.created()) {
            log.info("User {} shared generation {}", userId, generationId);
        }
        return shared;
    }

    /** The live link of a design of {@code userId}, when it is shared (for the design page). */
    public Optional<ShareLink> link(UUID userId, UUID generationId) {
        return repository.live(userId, generationId).flatMap(this::shownAgain);
    }

    /**
     * Stops sharing a design of {@code userId}: its link answers 404 from now on. Nothing happens when it was not
     * shared.
     *
     * @return whether a link was stopped
     * @throws NotFound when the design is not the user's, or deleted
     */
    public boolean revoke(UUID userId, UUID generationId) {
        generations.get(userId, generationId);
        boolean stopped = repository.revoke(userId, generationId, now());
        if (stopped) {
            log.info("User {} stopped sharing generation {}", userId, generationId);
        }
        return stopped;
    }

    /**
     * The design behind a link, as a contractor sees it.
     *
     * @throws NotFound for an unknown, revoked or deleted link, alike
     */
    public SharedDesign open(String token) {
        return SharedDesign.of(design(token));
    }

    /** The design image behind a link. */
    public ImageBlob image(String token) {
        return read(token, target -> generations.image(target.userId(), target.generationId()));
    }

    /** The "before" picture behind a link: the photo, or the picture of the site. */
    public ImageBlob before(String token) {
        return read(token, target -> generations.before(target.userId(), target.generationId()));
    }

    /** A PDF and the name to download it under, e.g. {@code yarda-japanese-zen-design.pdf}. */
    public record Pdf(String fileName, byte[] bytes) {}

    /** The design behind a link as a PDF (Letter): the title, both pictures, the plant table and the materials. */
    public Pdf pdf(String token) {
        Target target = target(token);
        SharedDesign shared = SharedDesign.of(design(target));
        ImageBlob image = read(target, t -> generations.image(t.userId(), t.generationId()));
        @Nullable ImageBlob before = shared.hasBefore() ? beforeIfAny(target) : null;
        String stem = shared.styleName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return new Pdf("yarda-" + stem + "-design.pdf", pdf.render(shared, image, before));
    }

    /** A design is deleted: its links end with it, in the same transaction. */
    @EventListener
    void onGenerationDeleted(GenerationDeleted deleted) {
        int links = repository.deleteAll(deleted.generationId());
        if (links > 0) {
            log.debug("Removed {} share link(s) of deleted generation {}", links, deleted.generationId());
        }
    }

    private Optional<ShareLink> shownAgain(ShareRow row) {
        String token = tokens.token(row.tokenSeed());
        return ShareTokens.matches(token, row.tokenHash())
                ? Optional.of(link(token, row.createdAt()))
                : Optional.empty();
    }

    private ShareLink link(String token, Instant createdAt) {
        return new ShareLink(token, yarda.link("/s/" + token), createdAt);
    }

    private Generation design(String token) {
        return design(target(token));
    }

    private Generation design(Target target) {
        Generation design = read(target, t -> generations.get(t.userId(), t.generationId()));
        if (design.status() != GenerationStatus.COMPLETED) {
            throw notFound(); // never shared so; a safeguard, not a path
        }
        return design;
    }

    private @Nullable ImageBlob beforeIfAny(Target target) {
        try {
            return generations.before(target.userId(), target.generationId());
        } catch (NotFound none) {
            return null;
        }
    }

    private <T> T read(String token, Function<Target, T> reader) {
        return read(target(token), reader);
    }

    /** Reads what a link shows; whatever is missing (the design deleted meanwhile) is the link's one 404. */
    private static <T> T read(Target target, Function<Target, T> reader) {
        try {
            return reader.apply(target);
        } catch (NotFound gone) {
            throw notFound();
        }
    }

    private Target target(String token) {
        return repository.findLive(ShareTokens.hash(token)).orElseThrow(Shares::notFound);
    }

    private Instant now() {
        return Timestamps.truncate(clock.instant());
    }

    private static NotFound notFound() {
        return new NotFound("The shared design");
    }
}
