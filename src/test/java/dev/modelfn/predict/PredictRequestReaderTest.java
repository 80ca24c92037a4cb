package dev.modelfn.predict;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.modelfn.problem.RequestDefect;

class PredictRequestReaderTest {

    private final ObjectMapper json = new ObjectMapper();

    private PredictRequest read(String body) throws Exception {
        return json.readValue(body, PredictRequest.class);
    }

    @Test
    void readsOneRowInTheCallersOrder() throws Exception {
        PredictRequest request = read("{\"model\":\"m\",\"version\":\"v1\",\"features\":{\"b\":2,\"a\":1.5}}");
        assertThat(request.defect()).isNull();
        assertThat(request.model()).isEqualTo("m");
        assertThat(request.version()).isEqualTo("v1");
        assertThat(request.rows()).isNull();
        assertThat(request.features().size()).isEqualTo(2);
        assertThat(request.features().name(0)).isEqualTo("b");
        assertThat(request.features().value(1)).isEqualTo(1.5);
    }

    @Test
    void readsABatchOfRowsOfAnyWidth() throws Exception {
        StringBuilder wide = new StringBuilder("{");
        for (int i = 0; i < 40; i++) {
            wide.append(i == 0 ? "" : ",").append("\"f").append(i).append("\":").append(i);
        }
        wide.append('}');
        PredictRequest request = read("{\"model\":\"m\",\"rows\":[{\"a\":1}," + wide + ",{}]}");
        assertThat(request.rows()).hasSize(3);
        assertThat(request.rows().get(1).size()).isEqualTo(40);
        assertThat(request.rows().get(1).value(39)).isEqualTo(39.0);
        assertThat(request.rows().get(2).size()).isZero();
    }

    @Test
    void namesTheRowAndFeatureOfABadValueWithoutEchoingIt() throws Exception {
        PredictRequest request = read("{\"model\":\"m\",\"rows\":[{\"a\":1},{\"a\":2,\"secret\":{\"k\":\"s3cr3t\"}}]}");
        assertThat(request.defect().type()).isEqualTo("invalid-feature-value");
        assertThat(request.defect().row()).isEqualTo(1);
        assertThat(request.defect().feature()).isEqualTo("secret");
        assertThat(request.defect().detail()).doesNotContain("s3cr3t");
    }

    @Test
    void nanAndHugeNumbersAreNotFinite() throws Exception {
        assertThat(read("{\"features\":{\"a\":NaN}}").defect().detail()).contains("not a finite number");
        assertThat(read("{\"features\":{\"a\":-1e400}}").defect().detail()).contains("not a finite number");
    }

    @Test
    void malformedJsonBecomesADefectWithItsPosition() throws Exception {
        RequestDefect defect = read("{\"model\":\"m\",\n\"features\":{\"a\":1,,}}").defect();
        assertThat(defect.type()).isEqualTo("malformed-json");
        assertThat(defect.detail()).contains("line 2");
    }

    @Test
    void versionMayBeNull() throws Exception {
        assertThat(read("{\"model\":\"m\",\"version\":null,\"features\":{\"a\":1}}").defect()).isNull();
    }
}
