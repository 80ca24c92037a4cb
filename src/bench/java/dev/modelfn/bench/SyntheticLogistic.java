package dev.modelfn.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * A seeded binary dataset with a known logistic ground truth: standard normal features written with
 * four decimals, label 1 with probability sigmoid(w·x + b) computed from the values as written, so the
 * true probability of every row is known exactly. Optionally categorical columns too (uniform categories
 * {@code k007}, each with an effect on the logit) and a share of empty cells, which add nothing to the logit:
 * the truth is then what the written cells tell, and a model that imputes the mean (about 0) and one-hot
 * encodes the categories can still reach it.
 */
final class SyntheticLogistic {

    static final String TARGET = "label";
    private static final int DECIMALS = 10_000;
    /** Norm of the true weights: large enough for a clear signal, small enough to leave label noise. */
    private static final double SIGNAL = 4.0;
    private static final double BIAS = 0.5;

    /** Spread of the categories' effects on the logit. */
    private static final double CATEGORY_SIGNAL = 0.5;

    private final int rows;
    private final int features;
    private final long seed;
    private final int[] categories;
    private final double emptyShare;

    SyntheticLogistic(int rows, int features, long seed) {
        this(rows, features, seed, new int[0], 0);
    }

    /**
     * @param categories the number of categories of each categorical column, written after the numeric ones
     * @param emptyShare the probability of each feature cell being empty
     */
    SyntheticLogistic(int rows, int features, long seed, int[] categories, double emptyShare) {
        this.rows = rows;
        this.features = features;
        this.seed = seed;
        this.categories = categories.clone();
        this.emptyShare = emptyShare;
    }

    /** Writes the CSV and returns the true probability of label 1 for every row, in file order. */
    double[] write(Path csv) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        double[] weights = weights(random);
        double[][] effects = new double[categories.length][];
        for (int c = 0; c < categories.length; c++) {
            effects[c] = new double[categories[c]];
            for (int k = 0; k < categories[c]; k++) {
                effects[c][k] = random.nextGaussian() * CATEGORY_SIGNAL;
            }
        }
        double[] truth = new double[rows];
        char[] line = new char[features * 12 + categories.length * 12 + 4];
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(csv, StandardCharsets.US_ASCII), 1 << 20)) {
            out.write(header());
            for (int r = 0; r < rows; r++) {
                int at = 0;
                double logit = BIAS;
                for (int f = 0; f < features; f++) {
                    long units = Math.round(random.nextGaussian() * DECIMALS);
                    if (emptyShare > 0 && random.nextDouble() < emptyShare) {
                        line[at++] = ',';
                        continue;
                    }
                    // units / 1e4 is the double Double.parseDouble gives for the text written below
                    logit += weights[f] * (units / (double) DECIMALS);
                    at = decimal(units, line, at);
                    line[at++] = ',';
                }
                for (int c = 0; c < categories.length; c++) {
                    int category = random.nextInt(categories[c]);
                    if (emptyShare > 0 && random.nextDouble() < emptyShare) {
                        line[at++] = ',';
                        continue;
                    }
                    logit += effects[c][category];
                    at = category(category, line, at);
                    line[at++] = ',';
                }
                truth[r] = 1 / (1 + Math.exp(-logit));
                line[at++] = random.nextDouble() < truth[r] ? '1' : '0';
                line[at++] = '\n';
                out.write(line, 0, at);
            }
        }
        return truth;
    }

    private double[] weights(SplittableRandom random) {
        double[] weights = new double[features];
        double norm = 0;
        for (int f = 0; f < features; f++) {
            weights[f] = random.nextGaussian();
            norm += weights[f] * weights[f];
        }
        double scale = SIGNAL / Math.sqrt(norm);
        for (int f = 0; f < features; f++) {
            weights[f] *= scale;
        }
        return weights;
    }

    private String header() {
        StringBuilder header = new StringBuilder();
        for (int f = 0; f < features; f++) {
            header.append(String.format("x%02d,", f));
        }
        for (int c = 0; c < categories.length; c++) {
            header.append(String.format("c%d,", c));
        }
        return header.append(TARGET).append('\n').toString();
    }

    /** Writes a category's name: {@code k} and three digits. */
    private static int category(int category, char[] into, int at) {
        into[at++] = 'k';
        into[at++] = (char) ('0' + category / 100 % 10);
        into[at++] = (char) ('0' + category / 10 % 10);
        into[at++] = (char) ('0' + category % 10);
        return at;
    }

    /** Writes units / 10^4 with exactly four decimals. */
    private static int decimal(long units, char[] into, int at) {
        if (units < 0) {
            into[at++] = '-';
            units = -units;
        }
        String whole = Long.toString(units / DECIMALS);
        whole.getChars(0, whole.length(), into, at);
        at += whole.length();
        into[at++] = '.';
        long fraction = units % DECIMALS;
        for (int d = DECIMALS / 10; d > 0; d /= 10) {
            into[at++] = (char) ('0' + fraction / d % 10);
        }
        return at;
    }

    /** Expected accuracy of predicting the likelier class of each given row: the best any model can do. */
    static double bayesRate(double[] truth, int[] rows) {
        double sum = 0;
        for (int r : rows) {
            sum += Math.max(truth[r], 1 - truth[r]);
        }
        return sum / rows.length;
    }
}
