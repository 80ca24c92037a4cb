package dev.modelfn.train;

import org.tribuo.Output;
import org.tribuo.impl.ArrayExample;

/** Turns one row of a {@link TabularData} into a Tribuo example. */
interface ExampleColumns {

    <T extends Output<T>> ArrayExample<T> example(T output, double[] row);

    /** Whether the examples hold the rows' own arrays; when not, a row is not needed once its example exists. */
    default boolean sharesRows() {
        return false;
    }
}
