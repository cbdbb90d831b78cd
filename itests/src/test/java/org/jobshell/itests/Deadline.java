package org.jobshell.itests;

import static org.junit.Assert.fail;

import java.util.function.BooleanSupplier;

/** Waits for a condition by polling it, and fails the test with a description when it times out. */
public final class Deadline {

    /** How long conditions may take: generous, since a passing test never waits for it. */
    public static final long TIMEOUT_MILLIS = 20_000;

    private static final long POLL_MILLIS = 10;

    private Deadline() {
    }

    /**
     * Polls until the condition holds.
     *
     * @param what the condition, for the failure message
     * @param condition the condition
     */
    public static void await(String what, BooleanSupplier condition) {
        long end = System.nanoTime() + TIMEOUT_MILLIS * 1_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                fail("timed out after " + TIMEOUT_MILLIS + " ms waiting for: " + what);
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for: " + what, e);
            }
        }
    }
}
