package dev.modelfn.train;

import java.util.ArrayList;
import java.util.List;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;

/**
 * Receives FastCSV's fields as slices of its buffer and turns a data record straight into a row of
 * numbers and a target, so no field of a numeric column becomes a String. A categorical column's cell holds
 * its value's code ({@link CategoryCodes}). A column whose kind is detected starts numeric and turns
 * categorical at its first cell that is not a number; the reader then recodes the rows it already kept
 * ({@link #switched()}). The first record is the header, kept as text. The handler is the record: read its
 * state after each record, before the next.
 */
final class CsvRowHandler extends AbstractBaseCsvCallbackHandler<CsvRowHandler> {

    static final int SKIP = -1;
    static final int TARGET = -2;

    private List<String> header = new ArrayList<>();
    private boolean inHeader = true;
    private int[] slots;
    private int width;
    private final TargetValues targets = new TargetValues();

    private int[] missing;
    private double[] values;
    private String target;
    private int badColumn;
    private boolean blank;

    /** By feature slot: whether a cell that is not a number turns the column categorical. */
    private boolean[] detect;
    /** By feature slot: the codes of a categorical column, else null. */
    private CategoryCodes[] codes;
    private final List<Integer> switched = new ArrayList<>(2);

    /**
     * Ends the header: column {@code c} goes to feature slot {@code slots[c]}, or is {@link #TARGET} or
     * {@link #SKIP}; {@code kinds} gives each slot's kind.
     */
    void columns(int[] slots, int width, ColumnKinds.Kind[] kinds) {
        this.slots = slots;
        this.width = width;
        this.missing = new int[width];
        this.detect = new boolean[width];
        this.codes = new CategoryCodes[width];
        for (int i = 0; i < width; i++) {
            detect[i] = kinds[i] == ColumnKinds.Kind.DETECT;
            codes[i] = kinds[i] == ColumnKinds.Kind.CATEGORICAL ? new CategoryCodes() : null;
        }
        this.inHeader = false;
    }

    /** By feature slot: the codes of a categorical column, or null for a numeric one. */
    CategoryCodes[] codes() {
        return codes;
    }

    /** The slots that turned categorical in this record. */
    List<Integer> switched() {
        return switched;
    }

    List<String> header() {
        return header;
    }

    @Override
    protected void handleBegin(long startingLineNumber) {
        blank = true;
        if (!inHeader) {
            values = new double[width];
            target = null;
            badColumn = -1;
            switched.clear();
        }
    }

    @Override
    protected void handleField(int index, char[] buf, int offset, int length, boolean quoted) {
        if (blank) {
            for (int i = offset; i < offset + length; i++) {
                if (!Character.isWhitespace(buf[i])) {
                    blank = false;
                    break;
                }
            }
        }
        if (inHeader) {
            header.add(new String(buf, offset, length).trim());
            return;
        }
        if (index >= slots.length) {
            return;
        }
        int slot = slots[index];
        if (slot >= 0) {
            if (codes[slot] != null) {
                values[slot] = category(slot, buf, offset, length);
            } else if (badColumn < 0) {
                values[slot] = number(index, buf, offset, length);
                if (badColumn == index && detect[slot]) {
                    badColumn = -1;
                    codes[slot] = new CategoryCodes();
                    switched.add(slot);
                    values[slot] = category(slot, buf, offset, length);
                }
            }
        } else if (slot == TARGET) {
            target = targets.of(buf, offset, length);
        }
    }

    /** Counts a row's empty cells once it is kept; they stay NaN until imputed. */
    void keep() {
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) {
                missing[i]++;
            }
        }
    }

    int[] missing() {
        return missing;
    }

    private double number(int column, char[] buf, int offset, int length) {
        if (isBlank(buf, offset, length)) {
            return Double.NaN;
        }
        try {
            // Not FastDoubleParser: it reads through VarHandles that a native image created at run time cannot
            // use (every number failed there with "get"). Decimals gives what Double.parseDouble gives.
            double value = Decimals.parse(buf, offset, length);
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // the column is reported by the reader, which knows the row
        }
        badColumn = column;
        return 0;
    }

    private double category(int slot, char[] buf, int offset, int length) {
        if (isBlank(buf, offset, length)) {
            return Double.NaN;
        }
        return codes[slot].code(new String(buf, offset, length).strip());
    }

    private static boolean isBlank(char[] buf, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if (buf[i] > ' ') {
                return false;
            }
        }
        return true;
    }

    @Override
    protected CsvRowHandler buildRecord() {
        return this;
    }

    int fields() {
        return getFieldCount();
    }

    /** A record of one field holding nothing but white space. */
    boolean isBlank() {
        return blank && getFieldCount() <= 1;
    }

    double[] values() {
        return values;
    }

    String target() {
        return target;
    }

    /** The first column whose value is not a finite number, or -1. */
    int badColumn() {
        return badColumn;
    }
}
