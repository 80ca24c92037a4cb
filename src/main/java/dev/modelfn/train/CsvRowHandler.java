package dev.modelfn.train;

import java.util.ArrayList;
import java.util.List;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;

/**
 * Receives FastCSV's fields as slices of its buffer and turns a data record straight into a row of
 * numbers and a target, so no field becomes a String unless it is the target. The first record is the
 * header, kept as text. The handler is the record: read its state after each record, before the next.
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

    /** Ends the header: column {@code c} goes to feature slot {@code slots[c]}, or is {@link #TARGET} or {@link #SKIP}. */
    void columns(int[] slots, int width) {
        this.slots = slots;
        this.width = width;
        this.missing = new int[width];
        this.inHeader = false;
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
            if (badColumn < 0) {
                values[slot] = number(index, buf, offset, length);
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
            // The JDK's parser: FastDoubleParser reads through VarHandles that a native image created at run
            // time cannot use (every number failed there with "get").
            double value = Double.parseDouble(new String(buf, offset, length));
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // the column is reported by the reader, which knows the row
        }
        badColumn = column;
        return 0;
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
