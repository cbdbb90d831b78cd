package org.jobshell.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.osgi.annotation.versioning.ConsumerType;

/** A service method of a shell, registered with {@link Shell#register}. */
@ConsumerType
@FunctionalInterface
public interface ServiceMethod {

    /**
     * Handles one request.
     *
     * @param request the request payload
     * @return the response payload (may be null)
     * @throws Exception to fail the request; the caller sees the message
     */
    JsonNode call(JsonNode request) throws Exception;
}
