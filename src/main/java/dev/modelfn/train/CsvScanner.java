package dev.modelfn.train;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/**
 * Streams CSV records out of a {@link Reader} through one reusable char buffer: a record's fields are
 * slices of that buffer until the next call to {@link #next()}, so no line or field becomes a String
 * unless asked for. Lines end at {@code \n}, {@code \r} or {@code \r\n}, as with
 * {@link java.io.BufferedReader#readLine()}, even inside quotes. A double quote toggles quoting and
 * {@code ""} inside quotes stands for one quote; commas inside quotes do not split.
 */
final class CsvScanner {

    private final Reader source;
    private char[] chars = new char[1 << 16];
    private int position;
    private int limit;
    private boolean ended;
    private boolean skipLineFeed;
    private int[] starts = new int[64];
    private int[] ends = new int[64];
    private boolean[] quoted = new boolean[64];
    private int fields;
    private int recordStart;
    private int recordEnd;

    CsvScanner(Reader source) {
        this.source = source;
    }

    /** Moves to the next record; false at the end of the input. */
    boolean next() throws IOException {
        while (true) {
            if (skipLineFeed && position < limit) {
                skipLineFeed = false;
                if (chars[position] == '\n') {
                    position++;
                }
            }
            int terminator = scan();
            if (terminator >= 0) {
                position = terminator + 1;
                skipLineFeed = chars[terminator] == '\r';
                return true;
            }
            if (ended) {
                if (position == limit) {
                    return false;
                }
                position = limit;
                return true;
            }
            fill();
        }
    }

    /** Splits the record from {@code position}; the index of its line terminator, or -1 if the buffer ends first. */
    private int scan() {
        char[] c = chars;
        recordStart = position;
        fields = 0;
        int fieldStart = position;
        boolean inQuotes = false;
        boolean sawQuote = false;
        int i = position;
        for (; i < limit; i++) {
            char ch = c[i];
            if (ch == ',') {
                if (!inQuotes) {
                    field(fieldStart, i, sawQuote);
                    fieldStart = i + 1;
                    sawQuote = false;
                }
            } else if (ch == '"') {
                inQuotes = !inQuotes;
                sawQuote = true;
            } else if (ch == '\n' || ch == '\r') {
                break;
            }
        }
        if (i == limit && !ended) {
            return -1;
        }
        field(fieldStart, i, sawQuote);
        recordEnd = i;
        return i == limit ? -1 : i;
    }

    private void field(int start, int end, boolean withQuotes) {
        if (fields == starts.length) {
            starts = Arrays.copyOf(starts, fields * 2);
            ends = Arrays.copyOf(ends, fields * 2);
            quoted = Arrays.copyOf(quoted, fields * 2);
        }
        starts[fields] = start;
        ends[fields] = end;
        quoted[fields] = withQuotes;
        fields++;
    }

    /** Keeps the unfinished record, at the front of a buffer that has room, and reads more after it. */
    private void fill() throws IOException {
        if (position > 0) {
            System.arraycopy(chars, position, chars, 0, limit - position);
            limit -= position;
            position = 0;
        }
        if (limit == chars.length) {
            chars = Arrays.copyOf(chars, chars.length * 2);
        }
        int read = source.read(chars, limit, chars.length - limit);
        if (read < 0) {
            ended = true;
        } else {
            limit += read;
        }
    }

    int fieldCount() {
        return fields;
    }

    /** A record with nothing but white space, which {@link String#isBlank()} would call blank. */
    boolean isBlank() {
        if (fields > 1) {
            return false;
        }
        for (int i = recordStart; i < recordEnd; i++) {
            if (!Character.isWhitespace(chars[i])) {
                return false;
            }
        }
        return true;
    }

    /** The field's text with quotes resolved, trimmed as {@link String#trim()} does. */
    String text(int field) {
        if (!quoted[field]) {
            return new String(chars, starts[field], ends[field] - starts[field]).trim();
        }
        StringBuilder text = new StringBuilder(ends[field] - starts[field]);
        boolean inQuotes = false;
        for (int i = starts[field]; i < ends[field]; i++) {
            char c = chars[i];
            if (inQuotes && c == '"' && i + 1 < ends[field] && chars[i + 1] == '"') {
                text.append('"');
                i++;
            } else if (c == '"') {
                inQuotes = !inQuotes;
            } else {
                text.append(c);
            }
        }
        return text.toString().trim();
    }

    /** @throws NumberFormatException when the field is not a number to {@link Double#parseDouble} */
    double number(int field) {
        return quoted[field] ? Double.parseDouble(text(field))
                : DecimalParser.parse(chars, starts[field], ends[field]);
    }

    /** Whether the field, trimmed and unquoted, is exactly {@code text}; compares without making a String. */
    boolean fieldEquals(int field, String text) {
        if (quoted[field]) {
            return text(field).equals(text);
        }
        int start = starts[field];
        int end = ends[field];
        while (start < end && chars[start] <= ' ') {
            start++;
        }
        while (end > start && chars[end - 1] <= ' ') {
            end--;
        }
        if (end - start != text.length()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (chars[start + i] != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
