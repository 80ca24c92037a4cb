package dev.modelfn.train;

import org.tribuo.Output;
import org.tribuo.impl.ArrayExample;

/**
 * An {@link ArrayExample} over feature names that are already sorted and distinct, taking the arrays as
 * they are: Tribuo's own constructor copies and sorts the names of every example, which dominated
 * building a large dataset. The names array is shared by every example of a dataset, so these examples
 * must not be restructured in place (adding or removing features); Tribuo's transformations and
 * densification work on copies.
 */
final class PresortedExample<T extends Output<T>> extends ArrayExample<T> {

    /**
     * @param sortedNames distinct names in {@link String#compareTo} order, checked by the caller once
     * @param values      the values in the same order; the example keeps this array
     */
    PresortedExample(T output, String[] sortedNames, double[] values) {
        super(output, DEFAULT_WEIGHT, 0);
        this.featureNames = sortedNames;
        this.featureValues = values;
        this.size = sortedNames.length;
    }

    /** The names were checked once for the whole dataset; what is left to check per example is the values. */
    @Override
    public boolean validateExample() {
        if (size == 0) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            if (Double.isNaN(featureValues[i])) {
                return false;
            }
        }
        return true;
    }
}
