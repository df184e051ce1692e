// SPDX-License-Identifier: Apache-2.0
// Summarises the CPU samples of a JFR recording: where the time goes, by method (self), by method
// (inclusive, this project's and the libraries' frames) and by package.
// java bench/JfrSummary.java FILE.jfr [TOP] [FROM_SECONDS TO_SECONDS]
// FROM/TO restrict to a window of the recording, e.g. one phase of a benchmark: seconds since its
// first sample, or epoch milliseconds (values over 10^12) as the bench programs print them.

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

public final class JfrSummary {
  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    int top = args.length > 1 ? Integer.parseInt(args[1]) : 25;
    double from = args.length > 3 ? Double.parseDouble(args[2]) : -1;
    double to = args.length > 3 ? Double.parseDouble(args[3]) : Double.MAX_VALUE;
    List<RecordedEvent> samples = new ArrayList<>();
    for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
      if (e.getEventType().getName().equals("jdk.ExecutionSample") && e.getStackTrace() != null) {
        samples.add(e);
      }
    }
    if (samples.isEmpty()) {
      System.out.println("no CPU samples");
      return;
    }
    Instant first = samples.stream().map(RecordedEvent::getStartTime).min(Instant::compareTo).get();
    Map<String, Integer> self = new HashMap<>();
    Map<String, Integer> inclusive = new HashMap<>();
    Map<String, Integer> packages = new HashMap<>();
    int total = 0;
    for (RecordedEvent e : samples) {
      long epochMs = e.getStartTime().toEpochMilli();
      double at = from > 1e12 ? epochMs : (epochMs - first.toEpochMilli()) / 1000.0;
      if (at < from || at > to) {
        continue;
      }
      total++;
      List<RecordedFrame> frames = e.getStackTrace().getFrames();
      if (frames.isEmpty()) {
        continue;
      }
      self.merge(name(frames.get(0)), 1, Integer::sum);
      packages.merge(pkg(frames.get(0)), 1, Integer::sum);
      Set<String> seen = new HashSet<>();
      for (RecordedFrame f : frames) {
        String n = name(f);
        if (seen.add(n)) {
          inclusive.merge(n, 1, Integer::sum);
        }
      }
    }
    System.out.printf("%d CPU samples%n", total);
    print("self time by method", self, total, top);
    print("self time by package", packages, total, top);
    print("inclusive time by method", inclusive, total, top * 2);
  }

  private static String name(RecordedFrame f) {
    return f.getMethod().getType().getName() + "." + f.getMethod().getName();
  }

  private static String pkg(RecordedFrame f) {
    String type = f.getMethod().getType().getName();
    int dot = type.lastIndexOf('.');
    return dot < 0 ? type : type.substring(0, dot);
  }

  private static void print(String title, Map<String, Integer> counts, int total, int top) {
    System.out.printf("-- %s%n", title);
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(top)
        .forEach(e -> System.out.printf("%5.1f%%  %s%n", 100.0 * e.getValue() / total, e.getKey()));
  }
}
