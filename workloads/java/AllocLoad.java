import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A request loop with the allocation patterns Java teams chase, for JFR allocation profiles:
 * rendering a report into a StringBuilder, collecting rows into a list, and caching the results.
 * `good` presizes the builder and the list and keeps the cache bounded; `regressed` lets the
 * builder and the list grow from their default capacities (copying as they grow) and never
 * evicts. Usage: java AllocLoad.java good|regressed [requests] [seed]
 */
public final class AllocLoad {
  private static final int CACHE_LIMIT = 2_000;

  public static void main(String[] args) {
    boolean regressed = args.length > 0 && args[0].equals("regressed");
    int requests = args.length > 1 ? Integer.parseInt(args[1]) : 40_000;
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
    Random random = new Random(seed);
    Map<Integer, String> cache = new HashMap<>();
    List<Integer> order = new ArrayList<>();
    long checksum = 0;
    for (int i = 0; i < requests; i++) {
      int key = random.nextInt(1_000_000);
      String page = render(key, 40 + random.nextInt(40), regressed);
      checksum += page.length();
      cache.put(key, page);
      order.add(key);
      if (!regressed && order.size() > CACHE_LIMIT) cache.remove(order.remove(0));
    }
    System.out.println("checksum " + checksum + " cached " + cache.size());
  }

  private static String render(int key, int rows, boolean regressed) {
    List<String> cells = regressed ? new ArrayList<>() : new ArrayList<>(rows);
    for (int r = 0; r < rows; r++) cells.add(Integer.toHexString(key * 31 + r));
    StringBuilder out = regressed ? new StringBuilder() : new StringBuilder(rows * 12);
    for (String c : cells) out.append(c).append(';');
    return out.toString();
  }
}
