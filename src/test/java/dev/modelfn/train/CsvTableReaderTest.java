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
    void aNonNumericValueInAColumnDeclaredNumericNamesRowAndColumn() {
        assertThatThrownBy(() -> numeric("a,b,label\n1,2,x\n3,oops,y\n", "b")).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.type()).endsWith("invalid-feature-value");
            assertThat(e.extensions()).containsEntry("row", 1).containsEntry("feature", "b");
        });
        assertThatThrownBy(() -> numeric("a,label\nInfinity,x\n", "a")).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.type()).endsWith("invalid-feature-value"));
    }

    @Test
    void aColumnWithTextIsCategoricalWithItsCellsCodedBySortedCategory() throws IOException {
        TabularData data = read("a,b,label\n1,2,x\n3,oops,y\n4,\"a, b\",x\n5, ,y\n6,2,x\n");
        assertThat(data.isCategorical(0)).isFalse();
        assertThat(data.isCategorical(1)).isTrue();
        // the 2 read as a number before the column turned out categorical stays the category "2"
        assertThat(data.categories().get(1)).containsExactly("2", "a, b", "oops");
        assertThat(java.util.Arrays.stream(data.rows()).mapToDouble(row -> row[1]).toArray())
                .containsExactly(0.0, 2.0, 1.0, Double.NaN, 0.0);
        assertThat(data.missing()).containsExactly(0, 1);
    }

    private static TabularData numeric(String csv, String column) throws IOException {
        return CsvTableReader.read(new StringReader(csv), null, "label", null,
                new ColumnKinds(java.util.Set.of(), java.util.Set.of(), java.util.Set.of(column)), Integer.MAX_VALUE, 1000);
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

    @Test
    void aByteOrderMarkAndCrlfAreWhatSpreadsheetsWrite() throws IOException {
        TabularData data = read("\uFEFFa,label\r\n1,x\r\n2,y\r\n");
        assertThat(data.features()).containsExactly("a");
        assertThat(data.targets()).containsExactly("x", "y");
    }

    @Test
    void quotedFieldsMayHoldLineBreaksAndWhiteSpaceAroundNumbersIsIgnored() throws IOException {
        TabularData data = read("note,a,label\r\n\"two\r\nlines\",  54.1 ,x\n\"one\nmore\",1.108345e+02,y\r\"\",\t64.72\t,x",
                List.of("a"), 10);
        assertThat(data.rows()).isDeepEqualTo(new double[][] {{54.1}, {110.8345}, {64.72}});
        assertThat(data.targets()).containsExactly("x", "y", "x");
    }

    @Test
    void theSeparatorIsDetectedFromTheHeaderLine() throws IOException {
        assertThat(read("a;b;label\n1.5;2;x\n").rows()[0]).containsExactly(1.5, 2.0);
        // a decimal comma is not a number, whatever the separator: the column is text, so categorical
        assertThat(read("a;b;label\n1,5;2;x\n").categories().get(0)).containsExactly("1,5");
        assertThatThrownBy(() -> numeric("a;b;label\n1,5;2;x\n", "a")).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.extensions()).containsEntry("feature", "a"));
    }

    @Test
    void semicolonAndTabSeparatedFilesRead() throws IOException {
        TabularData semicolons = read("\"a;1\";b;label\n1;2;\"x;y\"\n");
        assertThat(semicolons.features()).containsExactly("a;1", "b");
        assertThat(semicolons.targets()).containsExactly("x;y");
        TabularData tabs = read("a\tb\tlabel\n1\t2,5\tx\n", List.of("a"), 10);
        assertThat(tabs.rows()[0]).containsExactly(1.0);
    }

    @Test
    void aGivenSeparatorWinsOverDetection() throws IOException {
        TabularData data = CsvTableReader.read(new StringReader("a,b|c|label\n1|2|x\n"), '|', "label", null, java.util.Set.of(), 10);
        assertThat(data.features()).containsExactly("a,b", "c");
    }

    @Test
    void duplicateAndEmptyHeaderNamesAreRefusedByName() {
        assertThatThrownBy(() -> read("a,b,a,,label\n1,2,3,4,x\n")).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.type()).isEqualTo("invalid-header");
            assertThat(e.detail()).contains("[a]").contains("column 3");
            assertThat(e.extensions()).containsEntry("duplicates", List.of("a")).containsEntry("emptyColumns", List.of(3));
        });
    }
}
