package com.yarda.generation;

/**
 * The generation queue and the designer's recent failure rate at a glance.
 *
 * @param pending generations waiting for a worker
 * @param processing generations a worker holds now
 * @param queueDepth {@code pending + processing}
 * @param lastHour generations that finished within the last hour
 * @param lastDay generations that finished within the last 24 hours
 */
public record GenerationStats(
        long pending, long processing, long queueDepth, FailureRate lastHour, FailureRate lastDay) {

    /**
     * Finished generations of one window and the share of them that failed.
     *
     * @param failureRate {@code failed / finished}, between 0 and 1; 0 when nothing finished
     */
    public record FailureRate(long finished, long failed, double failureRate) {

        static FailureRate of(long finished, long failed) {
            return new FailureRate(finished, failed, finished == 0 ? 0 : (double) failed / finished);
        }
    }
}
