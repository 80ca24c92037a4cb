package dev.modelfn.model;

import java.util.Arrays;

/**
 * One row of named feature values as the caller sent it, in the caller's order. A value is a number, a
 * string (for a categorical feature; its number is NaN) or null (NaN without a string). The strings'
 * array exists only once a row holds one, so a row of numbers costs what it always did.
 */
public final class FeatureRow {

    private String[] names;
    private double[] values;
    private String[] texts;
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
            grow();
        }
        names[size] = name;
        values[size] = value;
        size++;
    }

    /** A string value, which only a categorical feature takes. */
    public void add(String name, String text) {
        if (texts == null) {
            texts = new String[names.length];
        }
        int at = size;
        add(name, Double.NaN);
        texts[at] = text;
    }

    private void grow() {
        names = Arrays.copyOf(names, size * 2);
        values = Arrays.copyOf(values, size * 2);
        if (texts != null) {
            texts = Arrays.copyOf(texts, size * 2);
        }
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

    /** Whether any value of the row is a string. */
    public boolean hasTexts() {
        return texts != null;
    }

    /** The string value at {@code i}, or null when the value is a number or null. */
    public String text(int i) {
        return texts == null ? null : texts[i];
    }
}
