// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.error;

import com.google.errorprone.annotations.FormatMethod;
import com.google.errorprone.annotations.FormatString;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The one exception handlers and services throw on purpose: an {@link ApiError} with its text. */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ApiError error;
  private final LinkedHashMap<String, String> metadata = new LinkedHashMap<>();
  private final LinkedHashMap<String, String> headers = new LinkedHashMap<>();
  private @Nullable Duration retryDelay;

  public ApiException(ApiError error, @Nullable Object... args) {
    super(error.format(args), null, false, false);
    this.error = error;
  }

  @FormatMethod
  public static ApiException invalid(@FormatString String message, @Nullable Object... args) {
    return new ApiException(ApiError.INVALID_ARGUMENT, String.format(message, args));
  }

  /** Never null: every ApiException carries its error's text. */
  @Override
  public String getMessage() {
    return String.valueOf(super.getMessage());
  }

  public ApiError error() {
    return error;
  }

  /** ErrorInfo metadata entries, in insertion order. */
  public Map<String, String> metadata() {
    return metadata;
  }

  /** HTTP headers the error response carries (e.g. {@code WWW-Authenticate}), in order. */
  public Map<String, String> headers() {
    return headers;
  }

  public ApiException withHeader(String name, String value) {
    headers.put(name, value);
    return this;
  }

  /** How long the caller should wait before retrying (a {@code google.rpc.RetryInfo}), if known. */
  public @Nullable Duration retryDelay() {
    return retryDelay;
  }

  public ApiException withRetryDelay(Duration delay) {
    this.retryDelay = delay;
    return this;
  }

  public ApiException withMetadata(String key, String value) {
    metadata.put(key, value);
    return this;
  }
}
