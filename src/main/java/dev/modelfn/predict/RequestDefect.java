package dev.modelfn.predict;

import dev.modelfn.problem.InvalidInputException;
import dev.modelfn.problem.ProblemException;

/**
 * The first thing wrong with a predict body, found while reading it. The reader records it instead of
 * throwing, because Funqy answers any exception thrown while reading with a bare 400 and drops its text.
 *
 * @param row     index of the row at fault, or null
 * @param feature name of the feature at fault, or null
 */
public record RequestDefect(String type, String detail, Integer row, String feature) {

    static RequestDefect of(String type, String detail) {
        return new RequestDefect(type, detail, null, null);
    }

    ProblemException toProblem() {
        ProblemException problem = new InvalidInputException(type, detail);
        if (row != null) {
            problem.with("row", row);
        }
        if (feature != null) {
            problem.with("feature", feature);
        }
        return problem;
    }
}
