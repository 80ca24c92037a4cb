package dev.modelfn.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.google.protobuf.ByteString;

import dev.modelfn.support.CsvRows;
import dev.modelfn.support.StoreFolderResource;
import dev.modelfn.v2.grpc.GRPCInferenceServiceGrpc;
import dev.modelfn.v2.grpc.InferParameter;
import dev.modelfn.v2.grpc.InferTensorContents;
import dev.modelfn.v2.grpc.ModelInferRequest;
import dev.modelfn.v2.grpc.ModelInferResponse;
import dev.modelfn.v2.grpc.ModelMetadataRequest;
import dev.modelfn.v2.grpc.ModelMetadataResponse;
import dev.modelfn.v2.grpc.ModelReadyRequest;
import dev.modelfn.v2.grpc.ServerLiveRequest;
import dev.modelfn.v2.grpc.ServerMetadataRequest;
import dev.modelfn.v2.grpc.ServerReadyRequest;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/**
 * inference.GRPCInferenceService through the generated blocking stub over a real h2c channel to the HTTP
 * port, its answers compared with /predict's for the same rows.
 */
@QuarkusTest
@WithTestResource(StoreFolderResource.class)
public class V2GrpcTest {

    private static final List<String> IRIS = List.of("sepal_length_cm", "sepal_width_cm", "petal_length_cm", "petal_width_cm");
    private static ManagedChannel channel;
    private static GRPCInferenceServiceGrpc.GRPCInferenceServiceBlockingStub stub;

    /** RestAssured knows the test port once the application runs, before each test. */
    @BeforeEach
    void connect() {
        if (channel != null) {
            return;
        }
        channel = ManagedChannelBuilder.forAddress("127.0.0.1", RestAssured.port).usePlaintext().build();
        stub = GRPCInferenceServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    @AfterAll
    static void disconnect() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void healthAndMetadata() {
        assertThat(stub.serverLive(ServerLiveRequest.getDefaultInstance()).getLive()).isTrue();
        assertThat(stub.serverReady(ServerReadyRequest.getDefaultInstance()).getReady()).isTrue();
        assertThat(stub.serverMetadata(ServerMetadataRequest.getDefaultInstance()).getName()).isEqualTo("modelfn");
        assertThat(stub.modelReady(ModelReadyRequest.newBuilder().setName("iris").build()).getReady()).isTrue();
        ModelMetadataResponse iris = stub.modelMetadata(ModelMetadataRequest.newBuilder().setName("iris").build());
        assertThat(iris.getPlatform()).isEqualTo("tribuo");
        assertThat(iris.getInputsList()).extracting(ModelMetadataResponse.TensorMetadata::getName).isEqualTo(IRIS);
        assertThat(iris.getOutputsList()).extracting(ModelMetadataResponse.TensorMetadata::getName)
                .containsExactly("label", "probabilities");
        assertThat(iris.getVersionsList()).contains(V2RestTest.servedVersion("iris"));
        // the REST route still answers on the same port
        RestAssured.given().get("/v2/health/live").then().statusCode(200);
    }

    @Test
    void rawLittleEndianInputsAnswerAsPredictDoes() {
        List<Map<String, Object>> rows = CsvRows.load("iris.csv", "species").rows();
        JsonPath predict = V2RestTest.predict("iris", rows);
        ByteBuffer raw = ByteBuffer.allocate(rows.size() * 4 * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (Map<String, Object> row : rows) {
            IRIS.forEach(f -> raw.putDouble(((Number) row.get(f)).doubleValue()));
        }
        ModelInferRequest request = ModelInferRequest.newBuilder().setModelName("iris").setId("g-1")
                .addInputs(input("input", "FP64", rows.size(), 4)).addRawInputContents(ByteString.copyFrom(raw.array())).build();
        ModelInferResponse response = stub.modelInfer(request);
        assertThat(response.getId()).isEqualTo("g-1");
        assertThat(response.getModelVersion()).isEqualTo(predict.getString("version"));
        assertSameAsPredict(predict, response, rows.size());
    }

    @Test
    void typedContentsOnePerFeature() {
        List<Map<String, Object>> rows = CsvRows.load("iris.csv", "species").rows().subList(40, 60);
        JsonPath predict = V2RestTest.predict("iris", rows);
        ModelInferRequest.Builder request = ModelInferRequest.newBuilder().setModelName("iris");
        for (String feature : IRIS) {
            InferTensorContents.Builder contents = InferTensorContents.newBuilder();
            rows.forEach(r -> contents.addFp64Contents(((Number) r.get(feature)).doubleValue()));
            request.addInputs(input(feature, "FP64", rows.size(), 1).setContents(contents));
        }
        assertSameAsPredict(predict, stub.modelInfer(request.build()), rows.size());
    }

    @Test
    void aCategoricalFeatureIsABytesInputInContentsOrRaw() {
        List<Map<String, Object>> training = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String plan = List.of("basic", "pro", "enterprise").get(i % 3);
            training.add(Map.of("plan", plan, "usage", (double) (i % 5), "churned", plan.equals("pro") ? "yes" : "no"));
        }
        RestAssured.given().contentType("application/json").body(Map.of("model", "grpc-plan", "task", "classification",
                "target", "churned", "holdout", 0, "data", Map.of("rows", training))).post("/train").then().statusCode(200);
        ModelMetadataResponse meta = stub.modelMetadata(ModelMetadataRequest.newBuilder().setName("grpc-plan").build());
        assertThat(meta.getInputsList()).extracting(ModelMetadataResponse.TensorMetadata::getDatatype).containsExactlyInAnyOrder("BYTES", "FP64");

        List<String> plans = List.of("pro", "basic", "platinum");
        List<Object> labels = RestAssured.given().contentType("application/json").body(Map.of("model", "grpc-plan", "rows",
                plans.stream().map(p -> Map.of("plan", p, "usage", 2)).toList())).post("/predict").then().statusCode(200)
                .extract().jsonPath().getList("predictions.label");
        assertThat(labels).containsExactly("yes", "no", "no");

        InferTensorContents.Builder texts = InferTensorContents.newBuilder();
        plans.forEach(p -> texts.addBytesContents(ByteString.copyFromUtf8(p)));
        InferTensorContents.Builder usage = InferTensorContents.newBuilder();
        plans.forEach(p -> usage.addFp64Contents(2));
        ModelInferResponse typed = stub.modelInfer(ModelInferRequest.newBuilder().setModelName("grpc-plan")
                .addInputs(input("plan", "BYTES", 3, 1).setContents(texts))
                .addInputs(input("usage", "FP64", 3, 1).setContents(usage)).build());
        assertThat(labelsOf(typed)).isEqualTo(labels);

        ByteBuffer rawTexts = ByteBuffer.allocate(plans.stream().mapToInt(p -> 4 + p.length()).sum()).order(ByteOrder.LITTLE_ENDIAN);
        plans.forEach(p -> rawTexts.putInt(p.length()).put(p.getBytes(StandardCharsets.UTF_8)));
        ByteBuffer rawUsage = ByteBuffer.allocate(3 * 8).order(ByteOrder.LITTLE_ENDIAN);
        plans.forEach(p -> rawUsage.putDouble(2));
        ModelInferResponse raw = stub.modelInfer(ModelInferRequest.newBuilder().setModelName("grpc-plan")
                .addInputs(input("plan", "BYTES", 3, 1)).addInputs(input("usage", "FP64", 3, 1))
                .addRawInputContents(ByteString.copyFrom(rawTexts.array()))
                .addRawInputContents(ByteString.copyFrom(rawUsage.array())).build());
        assertThat(labelsOf(raw)).isEqualTo(labels);
        expect(Status.Code.INVALID_ARGUMENT, "raw contents end inside element", () -> stub.modelInfer(
                ModelInferRequest.newBuilder().setModelName("grpc-plan").addInputs(input("plan", "BYTES", 3, 1))
                        .addInputs(input("usage", "FP64", 3, 1))
                        .addRawInputContents(ByteString.copyFrom(rawTexts.array(), 0, 9))
                        .addRawInputContents(ByteString.copyFrom(rawUsage.array())).build()));
    }

    private static List<String> labelsOf(ModelInferResponse response) {
        return textsOf(response, 0);
    }

    /** The strings of a raw BYTES output: each a little-endian length, then its UTF-8 bytes. */
    private static List<String> textsOf(ModelInferResponse response, int output) {
        ByteBuffer labels = response.getRawOutputContents(output).asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        List<String> read = new ArrayList<>();
        while (labels.hasRemaining()) {
            byte[] text = new byte[labels.getInt()];
            labels.get(text);
            read.add(new String(text, StandardCharsets.UTF_8));
        }
        return read;
    }

    @Test
    void theExplainParameterAddsAnExplanationsTensorAsPredictExplains() throws Exception {
        List<Map<String, Object>> rows = CsvRows.load("iris.csv", "species").rows().subList(95, 105);
        ModelInferRequest.Builder request = ModelInferRequest.newBuilder().setModelName("iris")
                .putParameters("explain_top", InferParameter.newBuilder().setInt64Param(3).build());
        for (String feature : IRIS) {
            InferTensorContents.Builder contents = InferTensorContents.newBuilder();
            rows.forEach(r -> contents.addFp64Contents(((Number) r.get(feature)).doubleValue()));
            request.addInputs(input(feature, "FP64", rows.size(), 1).setContents(contents));
        }
        ModelInferResponse response = stub.modelInfer(request.build());
        assertThat(response.getOutputsList()).extracting(ModelInferResponse.InferOutputTensor::getName)
                .containsExactly("label", "probabilities", "explanations");
        assertThat(response.getOutputs(2).getDatatype()).isEqualTo("BYTES");
        assertThat(V2RestTest.jsonTexts(textsOf(response, 2))).isEqualTo(V2RestTest.explained("iris", rows, Map.of("top", 3)));

        expect(Status.Code.INVALID_ARGUMENT, "'explain' must be a boolean", () -> stub.modelInfer(request
                .putParameters("explain", InferParameter.newBuilder().setStringParam("yes").build()).build()));
    }

    @Test
    void refusalsAreStatusCodes() {
        ModelInferRequest.InferInputTensor.Builder three = input("x", "FP64", 1, 4)
                .setContents(InferTensorContents.newBuilder().addFp64Contents(1).addFp64Contents(2).addFp64Contents(3));
        expect(Status.Code.INVALID_ARGUMENT, "4 elements", () -> stub.modelInfer(
                ModelInferRequest.newBuilder().setModelName("iris").addInputs(three).build()));
        expect(Status.Code.INVALID_ARGUMENT, "32 bytes", () -> stub.modelInfer(ModelInferRequest.newBuilder().setModelName("iris")
                .addInputs(input("x", "FP64", 1, 4)).addRawInputContents(ByteString.copyFrom(new byte[31])).build()));
        expect(Status.Code.INVALID_ARGUMENT, "unknown datatype", () -> stub.modelInfer(ModelInferRequest.newBuilder()
                .setModelName("iris").addInputs(input("x", "FP8", 1, 4)).build()));
        ByteBuffer nan = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putFloat(1).putFloat(2).putFloat(3).putFloat(Float.NaN);
        expect(Status.Code.INVALID_ARGUMENT, "finite FP32", () -> stub.modelInfer(ModelInferRequest.newBuilder().setModelName("iris")
                .addInputs(input("x", "FP32", 1, 4)).addRawInputContents(ByteString.copyFrom(nan.array())).build()));
        expect(Status.Code.NOT_FOUND, "tulip", () -> stub.modelInfer(ModelInferRequest.newBuilder().setModelName("tulip")
                .addInputs(three).build()));
        expect(Status.Code.NOT_FOUND, "tulip", () -> stub.modelMetadata(ModelMetadataRequest.newBuilder().setName("tulip").build()));
        expect(Status.Code.NOT_FOUND, "not 1", () -> stub.modelReady(ModelReadyRequest.newBuilder().setName("iris")
                .setVersion("1").build()));
    }

    private static void expect(Status.Code code, String reason, Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
            assertThat(e.getStatus().getCode()).isEqualTo(code);
            assertThat(e.getStatus().getDescription()).contains(reason);
        });
    }

    public static ModelInferRequest.InferInputTensor.Builder input(String name, String datatype, long... shape) {
        ModelInferRequest.InferInputTensor.Builder input = ModelInferRequest.InferInputTensor.newBuilder()
                .setName(name).setDatatype(datatype);
        for (long dimension : shape) {
            input.addShape(dimension);
        }
        return input;
    }

    private static void assertSameAsPredict(JsonPath predict, ModelInferResponse response, int n) {
        assertThat(response.getOutputsList()).extracting(ModelInferResponse.InferOutputTensor::getName)
                .containsExactly("label", "probabilities");
        assertThat(response.getOutputs(1).getShapeList()).containsExactly((long) n, 3L);
        assertThat(response.getOutputs(1).getParametersOrThrow("classes").getStringParam()).isEqualTo("setosa,versicolor,virginica");
        assertThat(response.getRawOutputContentsCount()).isEqualTo(2);
        assertThat(labelsOf(response)).isEqualTo(predict.getList("predictions.label"));
        ByteBuffer probabilities = response.getRawOutputContents(1).asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        List<Map<String, Double>> scores = predict.getList("predictions.scores");
        for (int r = 0; r < n; r++) {
            for (String label : List.of("setosa", "versicolor", "virginica")) {
                assertThat(probabilities.getDouble()).isEqualTo(scores.get(r).get(label));
            }
        }
        assertThat(probabilities.hasRemaining()).isFalse();
    }
}
