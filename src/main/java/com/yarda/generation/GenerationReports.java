package com.yarda.generation;

import com.yarda.generation.GenerationStats.FailureRate;
import com.yarda.platform.Page;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;

/** What operators see of the generations of every user: the failures and the state of the queue. */
@Service
public class GenerationReports {

    private final GenerationRepository repository;
    private final GenerationQueue queue;
    private final Clock clock;

    GenerationReports(GenerationRepository repository, GenerationQueue queue, Clock clock) {
        this.repository = repository;
        this.queue = queue;
        this.clock = clock;
    }

    /** Failed generations of every user, most recently finished first, with their errors. */
    public Page<FailedGeneration> failed(int limit, long offset) {
        List<FailedGeneration> items = repository.failed(limit, offset).stream()
                .map(row -> new FailedGeneration(
                        row.id(),
                        row.userId(),
                        row.inputType(),
                        row.style(),
                        row.errorMessage(),
                        row.attempts(),
                        row.creditRefunded(),
                        row.createdAt(),
                        row.completedAt()))
                .toList();
        return new Page<>(items, repository.countFailed(), limit, offset);
    }

    /** The queue depth now and the share of generations that failed in the last hour and day. */
    public GenerationStats stats() {
        Instant now = clock.instant();
        GenerationQueue.Depth depth = queue.depth();
        GenerationRepository.Finished hour = repository.finishedSince(now.minus(Duration.ofHours(1)));
        GenerationRepository.Finished day = repository.finishedSince(now.minus(Duration.ofDays(1)));
        return new GenerationStats(
                depth.pending(),
                depth.processing(),
                depth.total(),
                FailureRate.of(hour.finished(), hour.failed()),
                FailureRate.of(day.finished(), day.failed()));
    }
}
