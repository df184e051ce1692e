// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.error;

import com.google.errorprone.annotations.FormatMethod;
import com.google.errorprone.annotations.FormatString;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The one exception handlers and services throw on purpose: an {@link ApiError} with its text. */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ApiError error;
  private final LinkedHashMap<String, String> metadata = new LinkedHashMap<>();

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

  public ApiException withMetadata(String key, String value) {
    metadata.put(key, value);
    return this;
  }
}
