package dev.modelfn.model;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An immutable map of names to numbers in a fixed order (a model's labels or output dimensions), held
 * as the model's shared name list and one {@code double[]} per prediction instead of a hash map of
 * boxed values per row. Writers read it by position with {@link #name(int)} and {@link #value(int)}.
 */
public final class NamedValues extends AbstractMap<String, Double> {

    private final List<String> names;
    private final double[] values;

    /** {@code values[i]} is the value of {@code names.get(i)}; neither is copied. */
    public NamedValues(List<String> names, double[] values) {
        this.names = names;
        this.values = values;
    }

    @Override
    public int size() {
        return values.length;
    }

    public String name(int i) {
        return names.get(i);
    }

    public double value(int i) {
        return values[i];
    }

    @Override
    public Double get(Object key) {
        int i = names.indexOf(key);
        return i < 0 ? null : values[i];
    }

    @Override
    public boolean containsKey(Object key) {
        return names.contains(key);
    }

    @Override
    public Set<Entry<String, Double>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return values.length;
            }

            @Override
            public Iterator<Entry<String, Double>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < values.length;
                    }

                    @Override
                    public Entry<String, Double> next() {
                        if (next >= values.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(names.get(i), values[i]);
                    }
                };
            }
        };
    }
}
