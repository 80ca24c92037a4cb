package dev.modelfn.model;

import java.util.List;

import dev.modelfn.problem.UnprocessableException;

/**
 * The 422 for rows whose scores or values overflowed: the feature values are finite but so far outside
 * what the model was trained on that its arithmetic leaves the range of a double.
 */
final class NonFinitePrediction {

    static final String TYPE = "non-finite-prediction";

    private NonFinitePrediction() {
    }

    static UnprocessableException ofRows(List<Integer> rows) {
        UnprocessableException problem = new UnprocessableException(TYPE, (rows.size() == 1 ? "Row " : "Rows ")
                + join(rows) + ": the model's " + (rows.size() == 1 ? "prediction is" : "predictions are")
                + " not a finite number for these feature values (a score overflowed). Check the values are in"
                + " the range the model was trained on.");
        problem.with("rows", List.copyOf(rows));
        return problem;
    }

    private static String join(List<Integer> rows) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < rows.size() && i < 20; i++) {
            text.append(i == 0 ? "" : ", ").append(rows.get(i));
        }
        if (rows.size() > 20) {
            text.append(" and ").append(rows.size() - 20).append(" more");
        }
        return text.toString();
    }
}
