// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openpeople.error.ApiError;
import dev.openpeople.error.ApiException;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ImageProbeTest {
  private static final Set<String> JPEG_PNG = Set.of("jpeg", "png");

  private static long allocatedBytes() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
        .getCurrentThreadAllocatedBytes();
  }

  @Test
  void readsTypeAndSizeOfRealImages() {
    ImageProbe.Image png =
        ImageProbe.check(TestImages.image("png", 40, 30), JPEG_PNG, ApiError.INVALID_ARGUMENT);
    assertThat(png).isEqualTo(new ImageProbe.Image("image/png", 40, 30));
    ImageProbe.Image jpeg =
        ImageProbe.check(TestImages.image("jpeg", 8, 9), JPEG_PNG, ApiError.INVALID_ARGUMENT);
    assertThat(jpeg).isEqualTo(new ImageProbe.Image("image/jpeg", 8, 9));
  }

  @Test
  void refusesAForgedHugeHeaderFastAndWithoutDecoding() {
    byte[] bomb = TestImages.forgedPng(20_000, 20_000);
    assertThat(bomb.length).isLessThan(80);
    assertThatThrownBy(() -> ImageProbe.check(bomb, JPEG_PNG, ApiError.INVALID_ARGUMENT))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.error()).isEqualTo(ApiError.INVALID_ARGUMENT);
              assertThat(e.getMessage()).contains("20000x20000").contains("40000000");
            });
    // Warm (class loading is the first call's cost); the best of five runs on a loaded machine.
    long fastest = Long.MAX_VALUE;
    long mostAllocated = 0;
    for (int i = 0; i < 5; i++) {
      long before = allocatedBytes();
      long start = System.nanoTime();
      assertThatThrownBy(() -> ImageProbe.check(bomb, JPEG_PNG, ApiError.INVALID_ARGUMENT))
          .isInstanceOf(ApiException.class);
      fastest = Math.min(fastest, System.nanoTime() - start);
      mostAllocated = Math.max(mostAllocated, allocatedBytes() - before);
    }
    assertThat(fastest).isLessThan(50_000_000L);
    assertThat(mostAllocated).isLessThan(10L << 20);
  }

  @Test
  void decodesLargeAcceptedImagesInBoundedMemory() {
    byte[] big = TestImages.image("jpeg", 3000, 3000);
    long before = allocatedBytes();
    assertThat(ImageProbe.check(big, JPEG_PNG, ApiError.INVALID_ARGUMENT).width()).isEqualTo(3000);
    // A full decode allocates about 54 MB here (the 27 MB raster and more); subsampled, about 6.
    assertThat(allocatedBytes() - before).isLessThan(16L << 20);
  }

  @Test
  void refusesOtherFormatsTruncatedDataAndNonImages() {
    byte[] gif = TestImages.image("gif", 4, 4);
    assertThatThrownBy(() -> ImageProbe.check(gif, JPEG_PNG, ApiError.INVALID_ARGUMENT))
        .hasMessageContaining("must be an image");
    assertThat(ImageProbe.check(gif, Set.of("gif"), ApiError.INVALID_ARGUMENT).mediaType())
        .isEqualTo("image/gif");
    byte[] png = TestImages.image("png", 200, 200);
    byte[] truncated = Arrays.copyOf(png, png.length / 2);
    assertThatThrownBy(() -> ImageProbe.check(truncated, JPEG_PNG, ApiError.INVALID_ARGUMENT))
        .isInstanceOf(ApiException.class);
    assertThatThrownBy(
            () ->
                ImageProbe.check(
                    new byte[] {(byte) 0xff, (byte) 0xd8, 1, 2},
                    JPEG_PNG,
                    ApiError.INVALID_ARGUMENT))
        .isInstanceOf(ApiException.class);
  }
}
