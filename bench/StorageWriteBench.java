// SPDX-License-Identifier: Apache-2.0

// Storage write throughput under concurrency (group commit, ADR 0006): bare write transactions
// through Storage.write with 1, 4 and 16 concurrent writers. Usage, after a package build:
//   java -cp target/openpeople.jar bench/StorageWriteBench.java sqlite:/tmp/x.db
import dev.openpeople.contact.*;
import dev.openpeople.store.Storages;
import java.util.*;
import java.util.concurrent.*;
public class StorageWriteBench {
  public static void main(String[] a) throws Exception {
    Storage st = Storages.open(a[0]);
    for (int threads : new int[]{1, 4, 16}) {
      int n = 1500;
      ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor();
      long t0 = System.nanoTime();
      List<Future<?>> fs = new ArrayList<>();
      Semaphore sem = new Semaphore(threads);
      for (int i = 0; i < n; i++) {
        sem.acquire();
        fs.add(ex.submit(() -> { try { st.write("u@example.com", s -> s.allocateSeqs(1)); } finally { sem.release(); } return null; }));
      }
      for (var f : fs) f.get();
      double s = (System.nanoTime() - t0) / 1e9;
      System.out.printf("%s threads=%d: %.0f writes/s%n", a[0].substring(0, 8), threads, n / s);
      ex.shutdown();
    }
    st.close();
  }
}
