package dev.modelfn.store;

import io.quarkus.runtime.annotations.RegisterForReflection;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * Drops the {@code Expect: 100-continue} header that the S3 client puts on uploads. The JDK's
 * HttpURLConnection, under the URL-connection client, handles that handshake badly (uploads fail with
 * "Unexpected end of file from server" when the server answers or closes early), and the objects
 * modelfn writes are small, so the handshake saves nothing. Registered with {@code quarkus.s3.interceptors}.
 */
@RegisterForReflection
public class NoExpectContinue implements ExecutionInterceptor {

    @Override
    public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
        SdkHttpRequest request = context.httpRequest();
        if (request.firstMatchingHeader("Expect").isEmpty()) {
            return request;
        }
        return request.toBuilder().removeHeader("Expect").build();
    }
}
