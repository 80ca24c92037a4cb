package dev.modelfn.problem;

/**
 * The first thing wrong with a request body, found while reading it. The reader records it instead of
 * throwing, because Funqy answers any exception thrown while reading with a bare 400 and drops its text.
 *
 * @param row     index of the row at fault, or null
 * @param feature name of the feature at fault, or null
 */
public record RequestDefect(String type, String detail, Integer row, String feature) {

    public static RequestDefect of(String type, String detail) {
        return new RequestDefect(type, detail, null, null);
    }

    public ProblemException toProblem() {
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
