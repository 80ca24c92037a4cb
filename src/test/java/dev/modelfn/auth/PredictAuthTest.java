package dev.modelfn.auth;

import static dev.modelfn.events.TestEvents.ce;
import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.modelfn.auth.Tokens.Kind;
import dev.modelfn.support.StoreFolderResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** With modelfn.auth.predict=true the reading functions need modelfn-user (or modelfn-admin) on every surface. */
@QuarkusTest
@TestProfile(PredictAuthTest.SecuredPredict.class)
class PredictAuthTest {

    public static class SecuredPredict implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.devservices.enabled", "false", "modelfn.auth.predict", "true");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(JwtKeysResource.class), new TestResourceEntry(StoreFolderResource.class));
        }
    }

    private static final String ROW = "{\"model\":\"iris\",\"features\":{\"sepal_length_cm\":5.1,\"sepal_width_cm\":3.5,"
            + "\"petal_length_cm\":1.4,\"petal_width_cm\":0.2}}";

    enum Surface {
        PREDICT_ROUTE, PREDICT_EVENT, MODELS, DESCRIBE, ONNX
    }

    static Stream<Arguments> calls() {
        return Stream.of(Surface.values()).flatMap(surface -> Stream.of(Kind.values()).map(kind -> Arguments.of(surface, kind)));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("calls")
    void readingFunctionsNeedAUserToken(Surface surface, Kind kind) {
        Response response = call(surface, Tokens.header(kind, Access.USER_GROUP));
        if (!Tokens.refused(response, kind)) {
            response.then().statusCode(200);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.modelfn.auth.PredictAuthTest#surfaces")
    void anAdminTokenMayReadToo(Surface surface) {
        call(surface, "Bearer " + Tokens.of(Access.ADMIN_GROUP)).then().statusCode(200);
    }

    @org.junit.jupiter.api.Test
    void openInferenceNeedsAUserTokenButItsHealthStaysOpen() {
        String infer = "{\"inputs\":[{\"name\":\"x\",\"datatype\":\"FP64\",\"shape\":[1,4],\"data\":[5.1,3.5,1.4,0.2]}]}";
        for (String path : List.of("/v2", "/v2/models/iris", "/v2/models/iris/ready")) {
            given().get(path).then().statusCode(401).contentType("application/json")
                    .body("error", org.hamcrest.Matchers.containsString("Bearer"));
            given().header("Authorization", "Bearer " + Tokens.of(Access.USER_GROUP)).get(path).then().statusCode(200);
        }
        given().contentType("application/json").body(infer).post("/v2/models/iris/infer").then().statusCode(401);
        given().header("Authorization", "Bearer " + Tokens.of("someone-else")).contentType("application/json").body(infer)
                .post("/v2/models/iris/infer").then().statusCode(403);
        given().header("Authorization", "Bearer " + Tokens.of(Access.USER_GROUP)).contentType("application/json").body(infer)
                .post("/v2/models/iris/infer").then().statusCode(200);
        given().get("/v2/health/live").then().statusCode(200);
        given().get("/v2/health/ready").then().statusCode(200);
    }

    @org.junit.jupiter.api.Test
    void openInferenceOverGrpcNeedsAUserTokenButItsHealthStaysOpen() throws InterruptedException {
        io.grpc.ManagedChannel channel = io.grpc.ManagedChannelBuilder.forAddress("127.0.0.1", io.restassured.RestAssured.port)
                .usePlaintext().build();
        try {
            var stub = dev.modelfn.v2.grpc.GRPCInferenceServiceGrpc.newBlockingStub(channel);
            var infer = dev.modelfn.v2.grpc.ModelInferRequest.newBuilder().setModelName("iris")
                    .addInputs(dev.modelfn.v2.V2GrpcTest.input("x", "FP64", 1, 4).setContents(
                            dev.modelfn.v2.grpc.InferTensorContents.newBuilder().addAllFp64Contents(List.of(5.1, 3.5, 1.4, 0.2))))
                    .build();
            org.assertj.core.api.Assertions.assertThat(stub.serverLive(
                    dev.modelfn.v2.grpc.ServerLiveRequest.getDefaultInstance()).getLive()).isTrue();
            grpcRefused(io.grpc.Status.Code.UNAUTHENTICATED, () -> stub.modelInfer(infer));
            grpcRefused(io.grpc.Status.Code.UNAUTHENTICATED, () -> withToken(stub, "not-a-jwt").modelInfer(infer));
            grpcRefused(io.grpc.Status.Code.PERMISSION_DENIED, () -> withToken(stub, Tokens.of("someone-else")).modelInfer(infer));
            org.assertj.core.api.Assertions.assertThat(withToken(stub, Tokens.of(Access.USER_GROUP)).modelInfer(infer)
                    .getOutputsCount()).isEqualTo(2);
        } finally {
            channel.shutdownNow().awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    private static dev.modelfn.v2.grpc.GRPCInferenceServiceGrpc.GRPCInferenceServiceBlockingStub withToken(
            dev.modelfn.v2.grpc.GRPCInferenceServiceGrpc.GRPCInferenceServiceBlockingStub stub, String token) {
        io.grpc.Metadata headers = new io.grpc.Metadata();
        headers.put(io.grpc.Metadata.Key.of("authorization", io.grpc.Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
        return stub.withInterceptors(io.grpc.stub.MetadataUtils.newAttachHeadersInterceptor(headers));
    }

    private static void grpcRefused(io.grpc.Status.Code code, Runnable call) {
        org.assertj.core.api.Assertions.assertThatThrownBy(call::run).isInstanceOfSatisfying(io.grpc.StatusRuntimeException.class,
                e -> org.assertj.core.api.Assertions.assertThat(e.getStatus().getCode()).isEqualTo(code));
    }

    static Stream<Surface> surfaces() {
        return Stream.of(Surface.values());
    }

    private static Response call(Surface surface, String authorization) {
        RequestSpecification request = surface == Surface.PREDICT_EVENT ? ce("modelfn.predict", "read-1") : given();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return switch (surface) {
            case PREDICT_ROUTE -> request.contentType("application/json").body(ROW).post("/predict");
            case PREDICT_EVENT -> request.contentType("application/json").body(ROW).post("/");
            case MODELS -> request.get("/models");
            case DESCRIBE -> request.queryParam("model", "iris").get("/describe");
            case ONNX -> request.get("/models/iris/onnx");
        };
    }
}
