package dev.modelfn.train;

import java.util.ArrayList;
import java.util.List;

/**
 * Hands out one String per distinct target value while there are few of them (class labels), so a
 * million rows of two classes hold two Strings rather than a million. Once more distinct values turn up
 * (a regression target), it stops looking and makes a String per row.
 */
final class TargetValues {

    private static final int MAX_SHARED = 64;

    private final List<String> seen = new ArrayList<>();
    private boolean sharing = true;

    String of(CsvScanner csv, int field) {
        if (!sharing) {
            return csv.text(field);
        }
        for (String value : seen) {
            if (csv.fieldEquals(field, value)) {
                return value;
            }
        }
        String value = csv.text(field);
        if (seen.size() < MAX_SHARED) {
            seen.add(value);
        } else {
            sharing = false;
        }
        return value;
    }
}
