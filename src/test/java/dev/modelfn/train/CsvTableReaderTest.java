package dev.modelfn.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import dev.modelfn.problem.ProblemException;

class CsvTableReaderTest {

    private static TabularData read(String csv, List<String> features, int maxRows) throws IOException {
        return CsvTableReader.read(new StringReader(csv), "label", features, maxRows);
    }

    private static TabularData read(String csv) throws IOException {
        return read(csv, null, Integer.MAX_VALUE);
    }

    @Test
    void quotedFieldsKeepCommasAndQuotesAndAreTrimmed() throws IOException {
        TabularData data = read(" a , \"b,c\" ,label\n\" 1.5 \",\"2\",\"say \"\"hi\"\", then go\"\n");
        assertThat(data.features()).containsExactly("a", "b,c");
        assertThat(data.rows()[0]).containsExactly(1.5, 2.0);
        assertThat(data.targets()).containsExactly("say \"hi\", then go");
    }

    @Test
    void everyLineEndingWorksAndBlankLinesAreNoRows() throws IOException {
        TabularData data = read("a,label\r\n1,x\r\n\r\n   \n2,y\r3,x\n\n4,y");
        assertThat(data.rows()).isDeepEqualTo(new double[][] {{1}, {2}, {3}, {4}});
        assertThat(data.targets()).containsExactly("x", "y", "x", "y");
    }

    @Test
    void chosenFeaturesComeInTheGivenOrderAndOtherColumnsAreNotParsed() throws IOException {
        TabularData data = read("a,b,c,label\nnot-a-number,2,3,x\n", List.of("c", "b"), 10);
        assertThat(data.features()).containsExactly("c", "b");
        assertThat(data.rows()[0]).containsExactly(3.0, 2.0);
    }

    @Test
    void rowsAcrossBufferBoundariesAndLongLinesReadAsDoubleParseDoubleWould() throws IOException {
        SplittableRandom random = new SplittableRandom(3);
        int columns = 3000;
        StringBuilder csv = new StringBuilder();
        for (int c = 0; c < columns; c++) {
            csv.append("feature").append(c).append(',');
        }
        csv.append("label\n");
        String[][] texts = new String[40][columns];
        for (String[] row : texts) {
            for (int c = 0; c < columns; c++) {
                row[c] = random.nextBoolean() ? String.format(Locale.ROOT, "%.4f", random.nextGaussian())
                        : Double.toString(random.nextGaussian() * 1e6);
                csv.append(row[c]).append(',');
            }
            csv.append(random.nextBoolean() ? "yes" : "no").append('\n');
        }
        TabularData data = read(csv.toString());
        for (int r = 0; r < texts.length; r++) {
            for (int c = 0; c < columns; c++) {
                assertThat(data.rows()[r][c]).isEqualTo(Double.parseDouble(texts[r][c]));
            }
        }
        assertThat(data.targets()).containsOnly("yes", "no");
    }

    @Test
    void rowsOfOneClassShareOneLabelString() throws IOException {
        TabularData data = read("a,label\n1,x\n2,x\n3,y\n");
        assertThat(data.targets()[0]).isSameAs(data.targets()[1]);
    }

    @Test
    void aNonNumericValueNamesRowAndColumn() {
        assertThatThrownBy(() -> read("a,b,label\n1,2,x\n3,oops,y\n")).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.type()).endsWith("invalid-feature-value");
            assertThat(e.extensions()).containsEntry("row", 1).containsEntry("feature", "b");
        });
        assertThatThrownBy(() -> read("a,label\nInfinity,x\n")).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.type()).endsWith("invalid-feature-value"));
    }

    @Test
    void aWrongFieldCountNamesTheRowBeforeAnyValueIsJudged() {
        assertThatThrownBy(() -> read("a,b,label\n1,2,x\n3,oops,5,y\n")).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.type()).endsWith("wrong-field-count");
            assertThat(e.extensions()).containsEntry("row", 1);
        });
    }

    @Test
    void tooManyRowsIsRefusedBeforeTheExcessRowIsParsed() throws IOException {
        assertThatThrownBy(() -> read("a,label\n1,x\n2,y\nbroken", null, 2)).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.status()).isEqualTo(413));
        assertThat(read("a,label\n1,x\n2,y\n\n  \n", null, 2).size()).isEqualTo(2);
    }

    @Test
    void anEmptyInputHasNoHeader() {
        assertThatThrownBy(() -> read("")).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.type()).endsWith("empty-dataset"));
    }
}
