// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.contact;

import dev.openpeople.error.ApiError;
import dev.openpeople.error.ApiException;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageInputStreamImpl;

/**
 * Checks that uploaded photo bytes are an image of an accepted format without letting a small file
 * cost a large amount of memory or time:
 *
 * <ol>
 *   <li>the format and the dimensions are read from the header ({@link ImageReader#getWidth}), no
 *       pixel is decoded yet;
 *   <li>an image of more than {@link #MAX_PIXELS} pixels is refused (a 69-byte PNG can claim
 *       20000&times;20000);
 *   <li>the whole image is then decoded, so truncated or corrupt data is refused too, but
 *       subsampled to at most {@link #DECODE_PIXELS} pixels, which bounds the memory one decode
 *       holds to a few megabytes whatever the image's size;
 *   <li>at most {@link #CONCURRENT_DECODES} decodes run at once; a caller that cannot start one
 *       within {@link #DECODE_WAIT_SECONDS} seconds gets 503 UNAVAILABLE.
 * </ol>
 *
 * The byte size limit stays with each API (its documented request limits).
 */
public final class ImageProbe {
  /** The pixel budget: 40 megapixels (e.g. 7744&times;5164), above typical 12-24 MP photos. */
  public static final long MAX_PIXELS = 40_000_000L;

  /** Pixels a validating decode keeps in memory at most (4 MB as 32-bit pixels). */
  static final long DECODE_PIXELS = 1_000_000L;

  static final int CONCURRENT_DECODES = Math.max(1, Runtime.getRuntime().availableProcessors());
  static final int DECODE_WAIT_SECONDS = 10;

  /** ImageIO format names to the media type they are stored with. */
  private static final Map<String, String> MEDIA_TYPES =
      Map.of("jpeg", "image/jpeg", "png", "image/png", "gif", "image/gif", "bmp", "image/bmp");

  private static final Semaphore DECODES = new Semaphore(CONCURRENT_DECODES, true);

  /** A checked image: its media type and dimensions. */
  public record Image(String mediaType, int width, int height) {}

  private ImageProbe() {}

  /**
   * The image {@code bytes} hold, checked as above; {@code formats} are the accepted ImageIO format
   * names (e.g. {@code jpeg}, {@code png}). Anything else is {@code invalid}'s 400.
   */
  public static Image check(byte[] bytes, Set<String> formats, ApiError invalid) {
    try (ImageInputStream in = new BytesImageInputStream(bytes)) {
      ImageReader reader = readerFor(in, formats, invalid);
      try {
        reader.setInput(in, true, true);
        String format = reader.getFormatName().toLowerCase(Locale.ROOT);
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        long pixels = (long) width * height;
        if (width <= 0 || height <= 0 || pixels > MAX_PIXELS) {
          throw new ApiException(
              invalid,
              String.format(
                  Locale.ROOT,
                  "The image is %dx%d pixels; at most %d pixels are accepted.",
                  width,
                  height,
                  MAX_PIXELS));
        }
        decode(reader, pixels, invalid);
        return new Image(MEDIA_TYPES.getOrDefault(format, "image/" + format), width, height);
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof ApiException api) {
        throw api;
      }
      throw new ApiException(invalid, "The photo could not be decoded as an image.");
    }
  }

  private static ImageReader readerFor(ImageInputStream in, Set<String> formats, ApiError invalid) {
    Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
    while (readers.hasNext()) {
      ImageReader reader = readers.next();
      String format;
      try {
        format = reader.getFormatName().toLowerCase(Locale.ROOT);
      } catch (IOException e) {
        continue;
      }
      if (formats.contains(format)) {
        return reader;
      }
      reader.dispose();
    }
    throw new ApiException(
        invalid, "The photo must be an image of type " + String.join(", ", formats) + ".");
  }

  private static void decode(ImageReader reader, long pixels, ApiError invalid) throws IOException {
    ImageReadParam param = reader.getDefaultReadParam();
    int step = (int) Math.ceil(Math.sqrt((double) pixels / DECODE_PIXELS));
    if (step > 1) {
      param.setSourceSubsampling(step, step, 0, 0);
    }
    boolean acquired;
    try {
      acquired = DECODES.tryAcquire(DECODE_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException(ApiError.UNAVAILABLE);
    }
    if (!acquired) {
      throw new ApiException(ApiError.UNAVAILABLE);
    }
    try {
      if (reader.read(0, param) == null) {
        throw new ApiException(invalid, "The photo could not be decoded as an image.");
      }
    } finally {
      DECODES.release();
    }
  }

  /** Reads the uploaded array in place (ImageIO's stream caches would copy it). */
  private static final class BytesImageInputStream extends ImageInputStreamImpl {
    private final byte[] bytes;

    BytesImageInputStream(byte[] bytes) {
      this.bytes = bytes;
    }

    @Override
    public int read() {
      if (streamPos >= bytes.length) {
        return -1;
      }
      bitOffset = 0;
      return bytes[(int) streamPos++] & 0xff;
    }

    @Override
    public int read(byte[] into, int offset, int length) {
      if (streamPos >= bytes.length) {
        return -1;
      }
      bitOffset = 0;
      int n = (int) Math.min(length, bytes.length - streamPos);
      System.arraycopy(bytes, (int) streamPos, into, offset, n);
      streamPos += n;
      return n;
    }

    @Override
    public long length() {
      return bytes.length;
    }
  }
}
