package dev.modelfn.train;

import java.util.ArrayList;
import java.util.List;

/**
 * Hands out one String per distinct target value while there are few of them (class labels), so a
 * million rows of two classes hold two Strings rather than a million. Once more distinct values turn up
 * (a regression target), it stops looking and makes a String per row. Values are trimmed.
 */
final class TargetValues {

    private static final int MAX_SHARED = 64;

    private final List<String> seen = new ArrayList<>();
    private boolean sharing = true;

    String of(char[] buf, int offset, int length) {
        int start = offset;
        int end = offset + length;
        while (start < end && buf[start] <= ' ') {
            start++;
        }
        while (end > start && buf[end - 1] <= ' ') {
            end--;
        }
        if (!sharing) {
            return new String(buf, start, end - start);
        }
        for (String value : seen) {
            if (equal(value, buf, start, end)) {
                return value;
            }
        }
        String value = new String(buf, start, end - start);
        if (seen.size() < MAX_SHARED) {
            seen.add(value);
        } else {
            sharing = false;
        }
        return value;
    }

    private static boolean equal(String text, char[] buf, int start, int end) {
        if (end - start != text.length()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (buf[start + i] != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
