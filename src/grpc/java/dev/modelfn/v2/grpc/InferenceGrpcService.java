package dev.modelfn.v2.grpc;

import java.util.List;
import java.util.function.Supplier;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.modelfn.metrics.Protocol;
import dev.modelfn.model.Explain;
import dev.modelfn.problem.ProblemResponder;
import dev.modelfn.v2.TensorSpec;
import dev.modelfn.v2.ExplainParameters;
import dev.modelfn.v2.V2Inference;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;

/**
 * The Open Inference Protocol v2 over gRPC ({@code inference.GRPCInferenceService}), served on the HTTP port.
 * A thin adapter over {@link V2Inference}, as the REST route is; failures become gRPC status codes and are
 * logged once, as the HTTP surfaces' are.
 */
@GrpcService
public class InferenceGrpcService extends GRPCInferenceServiceGrpc.GRPCInferenceServiceImplBase {

    private final V2Inference inference;
    private final ProblemResponder problems;
    private final String serverVersion;

    public InferenceGrpcService(V2Inference inference, ProblemResponder problems,
            @ConfigProperty(name = "quarkus.application.version", defaultValue = "unknown") String serverVersion) {
        this.inference = inference;
        this.problems = problems;
        this.serverVersion = serverVersion;
    }

    @Override
    public void serverLive(ServerLiveRequest request, StreamObserver<ServerLiveResponse> answer) {
        reply("ServerLive", answer, () -> ServerLiveResponse.newBuilder().setLive(true).build());
    }

    @Override
    public void serverReady(ServerReadyRequest request, StreamObserver<ServerReadyResponse> answer) {
        reply("ServerReady", answer, () -> ServerReadyResponse.newBuilder().setReady(inference.serverReady()).build());
    }

    @Override
    public void modelReady(ModelReadyRequest request, StreamObserver<ModelReadyResponse> answer) {
        reply("ModelReady", answer, () -> ModelReadyResponse.newBuilder()
                .setReady(inference.ready(request.getName(), emptyAsNull(request.getVersion()))).build());
    }

    @Override
    public void serverMetadata(ServerMetadataRequest request, StreamObserver<ServerMetadataResponse> answer) {
        reply("ServerMetadata", answer, () -> ServerMetadataResponse.newBuilder()
                .setName(V2Inference.SERVER_NAME).setVersion(serverVersion).build());
    }

    @Override
    @Blocking // lists the versions in the store
    public void modelMetadata(ModelMetadataRequest request, StreamObserver<ModelMetadataResponse> answer) {
        reply("ModelMetadata", answer, () -> {
            V2Inference.Description model = inference.describe(request.getName(), emptyAsNull(request.getVersion()));
            return ModelMetadataResponse.newBuilder().setName(model.name()).addAllVersions(model.versions())
                    .setPlatform(model.platform()).addAllInputs(tensors(model.inputs()))
                    .addAllOutputs(tensors(model.outputs())).build();
        });
    }

    @Override
    public void modelInfer(ModelInferRequest request, StreamObserver<ModelInferResponse> answer) {
        reply("ModelInfer", answer, () -> {
            List<String> requested = request.getOutputsList().stream()
                    .map(ModelInferRequest.InferRequestedOutputTensor::getName).toList();
            V2Inference.Answer inferred = inference.infer(request.getModelName(), emptyAsNull(request.getModelVersion()),
                    () -> GrpcTensors.decode(request), requested, explain(request), Protocol.V2_GRPC);
            ModelInferResponse.Builder response = ModelInferResponse.newBuilder()
                    .setModelName(inferred.model()).setModelVersion(inferred.version()).setId(request.getId());
            GrpcTensors.encode(inferred.outputs(), response);
            return response.build();
        });
    }

    private <T> void reply(String method, StreamObserver<T> answer, Supplier<T> call) {
        T response;
        try {
            response = call.get();
        } catch (RuntimeException e) {
            problems.logUnanswered("gRPC " + method, e);
            answer.onError(GrpcFailures.status(e));
            return;
        }
        answer.onNext(response);
        answer.onCompleted();
    }

    private static List<ModelMetadataResponse.TensorMetadata> tensors(List<TensorSpec> specs) {
        return specs.stream().map(spec -> {
            ModelMetadataResponse.TensorMetadata.Builder tensor = ModelMetadataResponse.TensorMetadata.newBuilder()
                    .setName(spec.name()).setDatatype(spec.datatype());
            for (long dimension : spec.shape()) {
                tensor.addShape(dimension);
            }
            return tensor.build();
        }).toList();
    }

    private static Explain explain(ModelInferRequest request) {
        return ExplainParameters.of(parameter(request.getParametersMap().get(ExplainParameters.EXPLAIN)),
                parameter(request.getParametersMap().get(ExplainParameters.EXPLAIN_TOP)));
    }

    /** A parameter's value as a Boolean, a Long or a String, or null. */
    private static Object parameter(InferParameter value) {
        if (value == null) {
            return null;
        }
        return switch (value.getParameterChoiceCase()) {
            case BOOL_PARAM -> value.getBoolParam();
            case INT64_PARAM -> value.getInt64Param();
            case STRING_PARAM -> value.getStringParam();
            default -> null;
        };
    }

    /** proto3 strings cannot be absent: an empty version means none was given. */
    private static String emptyAsNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
