package dev.modelfn.model;

/**
 * What a caller asked to have explained: every contribution, or the {@code top} largest by magnitude per output,
 * the rest summed under {@link #OTHER}.
 *
 * @param top how many contributions to keep per output; {@link Integer#MAX_VALUE} for all of them
 */
public record Explain(int top) {

    /** Every contribution. */
    public static final Explain ALL = new Explain(Integer.MAX_VALUE);
    /** The name under which {@code top} sums the contributions it leaves out. */
    public static final String OTHER = "(other)";

    public Explain {
        if (top < 1) {
            throw new IllegalArgumentException("top must be positive: " + top);
        }
    }
}
