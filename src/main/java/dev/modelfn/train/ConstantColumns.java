package dev.modelfn.train;

import java.util.ArrayList;
import java.util.List;

/**
 * The feature columns whose value is the same in every training row. Standardising such a column divides
 * by a zero deviation; it carries no information for a linear model, so a standardised model leaves it
 * out (its weight would stay zero anyway) and records it in the model's metadata.
 */
public final class ConstantColumns {

    private ConstantColumns() {
    }

    public static List<String> of(TabularData data, int[] rows) {
        int width = data.features().size();
        boolean[] varies = new boolean[width];
        if (rows.length > 0) {
            double[] first = data.rows()[rows[0]];
            int left = width;
            for (int r = 1; r < rows.length && left > 0; r++) {
                double[] row = data.rows()[rows[r]];
                for (int j = 0; j < width; j++) {
                    if (!varies[j] && row[j] != first[j]) {
                        varies[j] = true;
                        left--;
                    }
                }
            }
        }
        List<String> constant = new ArrayList<>();
        for (int j = 0; j < width; j++) {
            // a categorical column's indicators are not standardised, so one that never varies does no harm
            if (!varies[j] && !data.isCategorical(j)) {
                constant.add(data.features().get(j));
            }
        }
        return constant;
    }
}
