package dev.modelfn.model;

import java.util.Arrays;

/** One row of named feature values as the caller sent it, in the caller's order. */
public final class FeatureRow {

    private String[] names;
    private double[] values;
    private int size;

    public FeatureRow() {
        this(8);
    }

    public FeatureRow(int expectedSize) {
        names = new String[Math.max(1, expectedSize)];
        values = new double[names.length];
    }

    public void add(String name, double value) {
        if (size == names.length) {
            names = Arrays.copyOf(names, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        names[size] = name;
        values[size] = value;
        size++;
    }

    public int size() {
        return size;
    }

    public String name(int i) {
        return names[i];
    }

    public double value(int i) {
        return values[i];
    }
}
