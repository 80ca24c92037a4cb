package dev.modelfn.v2.grpc;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;

import dev.modelfn.problem.ProblemException;

/** The gRPC status of a failure: the HTTP status of its problem kind, translated. */
final class GrpcFailures {

    private GrpcFailures() {
    }

    static StatusRuntimeException status(Throwable failure) {
        ProblemException problem = failure instanceof ProblemException p ? p : null;
        if (problem == null) {
            return Status.INTERNAL.withDescription("The call failed unexpectedly; the cause is in the server's log.")
                    .asRuntimeException();
        }
        Status status = switch (problem.status()) {
            case 400, 413, 415, 422 -> Status.INVALID_ARGUMENT;
            case 401 -> Status.UNAUTHENTICATED;
            case 403 -> Status.PERMISSION_DENIED;
            case 404 -> Status.NOT_FOUND;
            case 429 -> Status.RESOURCE_EXHAUSTED;
            case 503 -> Status.UNAVAILABLE;
            case 504 -> Status.DEADLINE_EXCEEDED;
            default -> Status.INTERNAL;
        };
        return status.withDescription(problem.detail()).asRuntimeException();
    }
}
