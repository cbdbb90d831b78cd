package org.jobshell.core.util;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Job ids: 64-bit numbers built like Flux FLUIDs (milliseconds since 2025-01-01, a generator id,
 * a sequence) so that ids from concurrent containers on one host rarely collide, shown as
 * {@code f} + base58 (Flux's f58plain form, safe in file names).
 */
public final class JobIds {

    private static final long EPOCH_MILLIS = 1735689600000L; // 2025-01-01T00:00:00Z
    private static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    private final long generator;
    private final AtomicLong last = new AtomicLong();

    /** @param generator a number telling this container apart from others on the host (its pid) */
    public JobIds(long generator) {
        this.generator = generator & 0x3FF;
    }

    /** @return a new id, larger than every id this generator returned before */
    public long next() {
        long candidate = ((System.currentTimeMillis() - EPOCH_MILLIS) << 22) | (generator << 12);
        return last.updateAndGet(prev -> candidate > prev ? candidate : prev + 1);
    }

    /**
     * @param id a job id
     * @return its text form, e.g. {@code f2dJbKpaE3}
     */
    public static String toText(long id) {
        if (id == 0) {
            return "f1";
        }
        StringBuilder b = new StringBuilder();
        long v = id;
        while (v != 0) {
            int digit = (int) Long.remainderUnsigned(v, 58);
            b.append(ALPHABET.charAt(digit));
            v = Long.divideUnsigned(v, 58);
        }
        return "f" + b.reverse();
    }

    /**
     * A job id in one of the Flux FLUID encodings that mustache's {@code {{id.<enc>}}} names
     * (case-insensitive): {@code f58} ({@code ƒ} + base58), {@code f58plain} ({@code f} + base58, the
     * form jobshell shows), {@code dec}, {@code hex} ({@code 0x...}), {@code dothex}
     * ({@code 0000.0000.0000.0000}), {@code kvs} ({@code job.} + dothex).
     *
     * @param id a job id
     * @param encoding the encoding's name
     * @return the encoded id, or null for an encoding this class does not know
     */
    public static String encode(long id, String encoding) {
        switch (encoding.toLowerCase(Locale.ROOT)) {
            case "f58":
                return "ƒ" + toText(id).substring(1);
            case "f58plain":
                return toText(id);
            case "dec":
                return Long.toUnsignedString(id);
            case "hex":
                return "0x" + Long.toHexString(id);
            case "dothex":
                return dothex(id);
            case "kvs":
                return "job." + dothex(id);
            default:
                return null;
        }
    }

    private static String dothex(long id) {
        return String.format("%04x.%04x.%04x.%04x", (id >>> 48) & 0xffff, (id >>> 32) & 0xffff, (id >>> 16) & 0xffff,
                id & 0xffff);
    }

    /**
     * @param text an id in text form ({@code f} + base58) or in decimal
     * @return the id
     * @throws IllegalArgumentException if it is neither
     */
    public static long parse(String text) {
        if (text.startsWith("f") || text.startsWith("ƒ")) {
            long v = 0;
            for (int i = 1; i < text.length(); i++) {
                int digit = ALPHABET.indexOf(text.charAt(i));
                if (digit < 0) {
                    throw new IllegalArgumentException("bad job id: " + text);
                }
                v = v * 58 + digit;
            }
            return v;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad job id: " + text);
        }
    }
}
