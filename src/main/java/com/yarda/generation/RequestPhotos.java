package com.yarda.generation;

import com.yarda.upload.Uploads;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The photo a request carries in its body (a multipart form): stored before the accept transaction (nothing slow
 * happens inside it) and removed again when the request is refused or answered by a replay, so that a refusal leaves
 * nothing behind.
 */
@Component
class RequestPhotos {

    private static final Logger log = LoggerFactory.getLogger(RequestPhotos.class);

    private final Uploads uploads;

    RequestPhotos(Uploads uploads) {
        this.uploads = uploads;
    }

    /**
     * Runs {@code accept} with the upload id of the request's photo: the one stored from {@code photo}, or {@code
     * named} (an upload the request names) when it carries none. The stored photo is removed again unless {@code
     * accept} returns an answer that {@code keeps} it.
     */
    <T> T accept(
            UUID userId,
            byte @Nullable [] photo,
            @Nullable UUID named,
            Function<@Nullable UUID, T> accept,
            Predicate<T> keeps) {
        if (photo == null) {
            return accept.apply(named);
        }
        UUID sent = uploads.store(userId, "photo", photo).id();
        T answer = null;
        try {
            answer = accept.apply(sent);
        } finally {
            if (answer == null || !keeps.test(answer)) {
                discard(userId, sent);
            }
        }
        return answer;
    }

    /**
     * Removes the photo of a request that was refused (or answered by a replay), unless a generation uses it after
     * all: one whose commit was cut off may still have been saved. Never hides the refusal itself.
     */
    private void discard(UUID userId, UUID photo) {
        try {
            uploads.deleteIfUnused(userId, photo);
        } catch (RuntimeException e) {
            log.warn(
                    "Could not remove photo {} of a refused request of user {}; the unused-upload cleanup will: {}",
                    photo,
                    userId,
                    e.getMessage());
        }
    }
}
