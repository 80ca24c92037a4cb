package dev.modelfn.model;

import org.tribuo.Output;
import org.tribuo.impl.ArrayExample;

/**
 * An {@link ArrayExample} over feature names already in Tribuo's order. ArrayExample's own constructor
 * copies both arrays and arg-sorts the names through boxed indices for every row; a version's names
 * are sorted once in {@link FeatureSchema} instead. The names array is shared between rows: predicting
 * only reads an example, and Tribuo copies it before transforming it.
 */
final class SortedExample<T extends Output<T>> extends ArrayExample<T> {

    SortedExample(T output, String[] sortedNames, double[] values) {
        super(output, 1.0f, 0);
        featureNames = sortedNames;
        featureValues = values;
        size = sortedNames.length;
    }
}
