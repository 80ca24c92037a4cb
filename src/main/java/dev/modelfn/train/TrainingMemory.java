package dev.modelfn.train;

import java.util.Locale;

import dev.modelfn.problem.TooLargeException;

/**
 * Refuses, before it starts, a training whose data would not fit the heap: an OutOfMemoryError would take the
 * whole function down, predictions included. The need is estimated from rows and columns: the trainer's
 * sparse copy of each row (an index and a value per feature), the Tribuo example around it and the
 * evaluation's predictions, measured at about 24 bytes a cell and 320 a row; the table already read counts
 * and whatever else the heap holds count as in use.
 */
final class TrainingMemory {

    static final long BYTES_PER_CELL = 24;
    static final long BYTES_PER_ROW = 320;
    private static final long MB = 1024 * 1024;

    private TrainingMemory() {
    }

    /** Throws 413 {@code too-large-for-instance} when {@code rows} × {@code columns} would not fit. */
    static void check(int rows, int columns) {
        long needed = rows * (BYTES_PER_CELL * columns + BYTES_PER_ROW);
        long table = rows * (8L * columns + 64);
        long has = Runtime.getRuntime().maxMemory() - liveHeap() - table;
        if (needed > has) {
            throw new TooLargeException("too-large-for-instance", String.format(Locale.ROOT,
                    "The training is too large for this instance (needs about %d MB, has %d MB): %d rows of %d features."
                            + " Train on fewer rows or features, or give the function more memory.",
                    Math.max(1, needed / MB), Math.max(0, has / MB), rows, columns))
                    .with("neededMb", needed / MB).with("availableMb", Math.max(0, has / MB));
        }
    }

    /** The heap in use now; garbage not yet collected counts too, which errs on the side of refusing. */
    private static long liveHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
